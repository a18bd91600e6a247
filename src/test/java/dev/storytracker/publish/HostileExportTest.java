package dev.storytracker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

import dev.storytracker.security.HostileVectors;
import dev.storytracker.security.HtmlInspector;

/**
 * The exports put user text into markdown that mdBook turns into HTML as it is: no escaping of raw HTML, no check of
 * link addresses. Every hostile vector, as a block (body, answer) and as one-line text (title, name, note), rendered
 * the way mdBook would, must give HTML with nothing executable in it.
 */
class HostileExportTest {

    /** Like mdBook's renderer: raw HTML passes, link addresses are not checked. */
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer PERMISSIVE = HtmlRenderer.builder().escapeHtml(false).sanitizeUrls(false)
            .build();

    @Test
    void no_vector_becomes_executable_in_an_exported_page() {
        List<String> failures = new ArrayList<>();
        for (HostileVectors.Vector v : HostileVectors.ALL) {
            for (String markdown : List.of(Markdown.block(v.text()), "# " + Markdown.inline(v.text()) + "\n",
                    Markdown.block("Before.\n\n" + v.text() + "\n\nAfter."))) {
                String html = "<!DOCTYPE html><html><head></head><body>" + PERMISSIVE.render(PARSER.parse(markdown))
                        + "</body></html>";
                for (String finding : HtmlInspector.findings(HtmlInspector.parse(html))) {
                    if (!finding.startsWith("a bidi control")) {
                        failures.add(v + ": " + finding);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void a_script_link_hidden_behind_a_reference_stays_text() {
        String exported = Markdown.block("[click][evil] and [evil]\n\n[evil]: javascript:alert(1)");
        assertFalse(PERMISSIVE.render(PARSER.parse(exported)).contains("href"), exported);
    }

    @Test
    void ordinary_links_stay_links() {
        String exported = Markdown.block("[docs](https://example.org/docs) and ![chart](chart.png)");
        assertEquals("[docs](https://example.org/docs) and ![chart](chart.png)\n", exported);
    }
}
