package dev.storytracker.ingest.mdbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.storytracker.story.StoryKind;

/** Where a page stands says what it is; definitions travel with the part that uses them; the cast finds tellers. */
class BookPartsTest {

    private static BookFiles.Page page(String path) {
        return BookFiles.classify(Path.of(path), path);
    }

    @Test
    void pages_are_classified_by_their_folders_in_either_spelling() {
        assertEquals(BookFiles.Role.STORY, page("src/vision/status_quo/alan_x.md").role());
        assertEquals(StoryKind.SHINY_FUTURE, page("book/shiny-future/grace_y.md").kind());
        BookFiles.Page chapter = page("v/submitted_stories/status_quo/week/monday.md");
        assertEquals(BookFiles.Role.CHAPTER, chapter.role());
        assertEquals("v/submitted_stories/status_quo/week.md", chapter.series());
        assertEquals(BookFiles.Role.SKIPPED, page("v/status_quo/template.md").role());
        assertEquals(BookFiles.Role.SKIPPED, page("v/status_quo.md").role());
        assertEquals(BookFiles.Role.SKIPPED, page("SUMMARY.md").role());
        assertEquals(BookFiles.Role.ROADMAP_TABLE, page("v/roadmap.md").role());
        assertEquals(BookFiles.Role.ROADMAP_PAGE, page("v/roadmap/a/b.md").role());
        assertEquals(BookFiles.Role.CHARACTER, page("v/characters/alan.md").role());
        assertEquals(BookFiles.Role.CHARACTER_LIST, page("v/characters.md").role());
        assertEquals(BookFiles.Role.PROJECT, page("v/projects/YouBuy.md").role());
        assertEquals(BookFiles.Role.SKIPPED, page("v/projects/template.md").role());
    }

    @Test
    void definitions_leave_the_text_and_come_back_where_they_are_used() {
        PageText text = PageText.of("p.md", "# Title\n\nUses [One] and [two][2].\n\n```\n[kept]: in-code.md\n```\n\n"
                + "[one]: https://one.example\n[2]: ./two.md \"Two\"\n[unused]: x.md\n");
        assertEquals("Title", text.title());
        assertTrue(text.text().contains("[kept]: in-code.md"));
        assertEquals("Uses [One] and [two][2].\n\n[one]: https://one.example\n[2]: ./two.md \"Two\"",
                text.defs().attachUsed("Uses [One] and [two][2]."));
        assertEquals("./two.md", text.defs().get("2").orElseThrow().url());
    }

    @Test
    void a_page_without_h1_has_no_title_and_draft_sections_are_dropped() {
        PageText text = PageText.of("p.md", "## The story\n\nText.\n");
        assertNull(text.title());
        assertEquals("## The story\n\nText.", Markdown.dropSections(
                "## 🚧 Warning: Draft status 🚧\n\nBoilerplate.\n\n## The story\n\nText.", StoryPage::isDraftWarning));
    }

    @Test
    void the_cast_finds_a_teller_by_file_name_possessive_or_first_mention() {
        Cast cast = new Cast();
        cast.add("alan", "Alan");
        cast.add("grace", "Grace");
        assertEquals(Optional.of("alan"), cast.fromFileName("alans_trust"));
        assertEquals(Optional.of("grace"), cast.fromFileName("grace-waits"));
        assertEquals(Optional.empty(), cast.fromFileName("aws_engineer"));
        assertEquals(Optional.of("grace"), cast.firstMention("Then [Grace] met Alan."));
        assertEquals(Optional.of("alan"), cast.firstMention("Alan's pager, later Grace's."));
        assertEquals(Optional.empty(), cast.firstMention("Graceful shutdown, said alan-bot."));
    }
}
