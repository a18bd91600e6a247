package dev.storytracker.ingest.mdbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Book H1s lose their emoji and kind or series prefixes; template titles and file names are recognised. */
class TitlesTest {

    @Test
    void kind_prefixes_and_their_emoji_are_dropped() {
        assertEquals("Alan tries a cache", Titles.clean("😱 Status quo stories: Alan tries a cache"));
        assertEquals("Grace waits less", Titles.clean("✨ Shiny future stories: Grace waits less"));
        assertEquals("Niklaus reads docs", Titles.clean("Status quo: Niklaus reads docs"));
        assertEquals("Barbara wants traits", Titles.clean("✨ Barbara wants traits"));
        assertEquals("Barbara wants traits", Titles.clean(":sparkles: Shiny future: Barbara wants traits"));
        assertEquals("Status quo story", Titles.clean("Status quo story"));
    }

    @Test
    void a_series_prefix_leaves_the_chapter_title() {
        assertEquals("Encountering pins", Titles.clean("Status quo of an on-call engineer: Encountering pins"));
        assertEquals("Monday", Titles.clean("😱 Status quo stories: Status quo of a week: Monday"));
    }

    @Test
    void links_and_bold_keep_their_words_and_code_keeps_its_backticks() {
        assertEquals("Alan hates writing a `Stream`", Titles.clean("**Alan hates writing a `Stream`**"));
        assertEquals("Grace and the book", Titles.clean("Grace and [the book](./book.md)"));
    }

    @Test
    void template_titles_are_recognised_and_file_names_become_titles() {
        assertTrue(Titles.isTemplate(Titles.clean("😱 Status quo stories: Template")));
        assertTrue(Titles.isTemplate(Titles.clean("✨ Shiny future stories: *Template*")));
        assertFalse(Titles.isTemplate("Templates for everyone"));
        assertEquals("Alans trust is rewarded", Titles.fromFileName("alans_trust_is_rewarded"));
        assertEquals("Grace tries it", Titles.fromFileName("grace-tries__it"));
    }
}
