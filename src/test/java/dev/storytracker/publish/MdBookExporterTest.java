package dev.storytracker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.story.FaqEntry;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/** The mdBook export: a SUMMARY.md in step with the pages, and user text that cannot break a page. */
@QuarkusTest
class MdBookExporterTest {

    static final String TRICKY_TITLE = "Alan [breaks] ](../x.md) the *build*\n# and <b>more</b>";

    @Inject
    TestData data;

    @Inject
    MdBookExporter exporter;

    @Inject
    ExportCommand command;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.character("grace");
        data.theme("cancellation");
        data.item("goal", RoadmapLevel.GOAL, null);
        data.item("initiative", RoadmapLevel.INITIATIVE, "goal");
        data.item("milestone", RoadmapLevel.MILESTONE, "initiative");
        data.story("alan-cancels", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation"),
                List.of(), List.of("milestone"));
        data.story("grace-dreams", StoryKind.SHINY_FUTURE, StoryState.ACCEPTED, "grace", List.of(), List.of(),
                List.of());
        data.story("still-submitted", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of(), List.of(),
                List.of("goal"));
        data.story("declined", StoryKind.STATUS_QUO, StoryState.DECLINED, "grace", List.of(), List.of(), List.of());
        hostileText();
    }

    @Transactional
    void hostileText() {
        Story story = Story.findBySlug("alan-cancels").orElseThrow();
        story.title = TRICKY_TITLE;
        story.body = "Alan writes <script>alert(1)</script> and {{#include ../../../etc/passwd}}.\n\n"
                + "<div>\n\n```rust\nloop { /* the fence is never closed */ }\n";
        story.faq.add(new FaqEntry("What are the [morals] #?", "<pre>never closed\n\n* Dropping cancels."));
    }

    @Test
    void the_summary_lists_every_accepted_story_and_item_and_nothing_else() throws IOException {
        exporter.export(dir);
        Map<String, String> links = links(Files.readString(dir.resolve("src/SUMMARY.md")));
        assertEquals(List.of("README.md", "status-quo/alan-cancels.md", "shiny-future/grace-dreams.md",
                "roadmap/README.md", "roadmap/goal.md", "roadmap/initiative.md", "roadmap/milestone.md",
                "characters/README.md", "characters/alan.md", "characters/grace.md", "themes/README.md",
                "themes/cancellation.md"), List.copyOf(links.keySet()));
        assertEquals(TRICKY_TITLE.replace('\n', ' '), links.get("status-quo/alan-cancels.md"));
        for (String page : links.keySet()) {
            assertTrue(Files.isRegularFile(dir.resolve("src").resolve(page)), page + " is written");
        }
        assertFalse(Files.exists(dir.resolve("src/status-quo/still-submitted.md")));
        assertTrue(Files.readString(dir.resolve("book.toml")).contains("use-default-preprocessors = false"));
    }

    @Test
    void hostile_story_text_stays_inside_its_page() throws IOException {
        exporter.export(dir);
        Node page = Parser.builder().build().parse(Files.readString(dir.resolve("src/status-quo/alan-cancels.md")));
        List<String> headings = new ArrayList<>();
        List<Node> html = new ArrayList<>();
        page.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading.getLevel() + " " + text(heading));
            }

            @Override
            public void visit(HtmlBlock block) {
                html.add(block);
            }

            @Override
            public void visit(HtmlInline inline) {
                html.add(inline);
            }
        });
        assertEquals(List.of("1 " + TRICKY_TITLE.replace('\n', ' '), "2 Frequently Asked Questions",
                "3 What are the [morals] #?", "2 Motivates"), headings);
        assertEquals(List.of(), html, "no raw HTML reaches the book");
        String markdown = Files.readString(dir.resolve("src/status-quo/alan-cancels.md"));
        assertFalse(markdown.matches("(?s).*\\{\\{\\s*#include.*"), "mdBook's include directive is defused");
        assertTrue(markdown.contains("- [Item milestone](../roadmap/milestone.md) (motivates)"));
        String item = Files.readString(dir.resolve("src/roadmap/milestone.md"));
        assertTrue(item.contains("## Motivated by\n\n- [" + "Alan \\[breaks\\]"), item);
        assertTrue(item.contains("- Part of: [Item initiative](initiative.md)"), item);
        assertTrue(Files.readString(dir.resolve("src/roadmap/goal.md")).contains("No accepted story is linked"));
        assertTrue(Files.readString(dir.resolve("src/characters/grace.md"))
                .contains("- [Title of grace-dreams](../shiny-future/grace-dreams.md) (shiny future)"));
    }

    @Test
    void a_new_export_replaces_an_earlier_one_but_never_a_folder_it_did_not_write() throws IOException {
        exporter.export(dir);
        data.setState("grace-dreams", StoryState.DECLINED);
        Exporter.ExportReport report = exporter.export(dir);
        assertFalse(Files.exists(dir.resolve("src/shiny-future/grace-dreams.md")), "a page from before is gone");
        assertTrue(report.files().contains("src/status-quo/alan-cancels.md"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThrows(IOException.class, () -> exporter.export(other));
        assertEquals("mine", Files.readString(other.resolve("notes.txt")));
    }

    @Test
    void the_export_command_writes_the_book_and_prints_a_line_per_file() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command.run(new String[]{"--format", "mdbook", dir.resolve("book").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("src/SUMMARY.md"), printed);
        assertTrue(printed.contains("2 accepted stories and 3 roadmap items"), printed);
    }

    /** Every link of a markdown document, destination to text, in order. */
    static Map<String, String> links(String markdown) {
        Map<String, String> links = new LinkedHashMap<>();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.put(link.getDestination(), text(link));
            }
        });
        return links;
    }

    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }
}
