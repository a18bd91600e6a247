package dev.storytracker.ingest.mdbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every form of link is found with the sentence it stands in; code does not count. */
class LinkScannerTest {

    @Test
    void each_link_comes_with_its_sentence() {
        List<LinkScanner.Found> found = LinkScanner.scan("""
                First sentence. Alan lost data in [the select story][sel], sadly! Then more text.
                Another paragraph with [an inline link](https://example.org/x "title").

                [SEL]: ../status_quo/select.md
                """);
        assertEquals(2, found.size());
        assertEquals("../status_quo/select.md", found.get(0).destination());
        assertEquals("the select story", found.get(0).text());
        assertEquals("Alan lost data in the select story, sadly!", found.get(0).sentence());
        assertEquals("https://example.org/x", found.get(1).destination());
        assertEquals("Another paragraph with an inline link.", found.get(1).sentence());
    }

    @Test
    void bare_urls_autolinks_and_html_hrefs_are_links_too_but_code_is_not() {
        List<LinkScanner.Found> found = LinkScanner.scan("""
                See https://wg.example.io/vision/status_quo/a.html. Or <https://wg.example.io/b.html>.

                `[not](a-link.md)` and

                ```
                [nor](this.md)
                ```

                <details><summary>More</summary><a href="../status_quo/c.md">c</a></details>
                """);
        assertEquals(List.of("https://wg.example.io/vision/status_quo/a.html", "https://wg.example.io/b.html",
                "../status_quo/c.md"), found.stream().map(LinkScanner.Found::destination).toList());
        assertEquals("See https://wg.example.io/vision/status_quo/a.html.", found.get(0).sentence());
    }

    @Test
    void a_link_in_a_table_row_is_noted_with_its_cell() {
        List<LinkScanner.Found> found = LinkScanner.scan("| Lint | [the story](s.md) motivates it | ✅ |\n");
        assertEquals("the story motivates it", found.get(0).sentence());
    }
}
