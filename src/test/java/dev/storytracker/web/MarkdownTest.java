package dev.storytracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What the markdown renderer lets through, and what it never does. */
class MarkdownTest {

    private final Markdown markdown = new Markdown();

    private Document render(String text) {
        return Jsoup.parseBodyFragment(markdown.toHtml(text));
    }

    @Test
    void tables_code_blocks_with_language_and_heading_anchors_render() {
        Document doc = render("## The story\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```rust\nasync fn f() {}\n```\n");
        assertEquals("md-the-story", doc.selectFirst("h2").id());
        assertEquals(2, doc.select("td").size());
        assertEquals("language-rust", doc.selectFirst("pre > code").className());
    }

    @Test
    void raw_html_is_shown_as_text_not_run() {
        Document doc = render("Hi <script>alert(1)</script> <img src=x onerror=alert(1)> <b onclick=x>b</b>");
        assertTrue(doc.select("script, img, b").isEmpty(), doc.body().html());
        assertTrue(doc.text().contains("<script>alert(1)</script>"));
    }

    @Test
    void dangerous_urls_are_removed_and_links_are_marked_as_user_content() {
        Document doc = render("[x](javascript:alert(1)) [y](data:text/html,hi) [z](https://example.org/a) "
                + "![i](javascript:alert(2)) <javascript:alert(3)>");
        for (Element a : doc.select("a")) {
            String href = a.attr("href");
            assertFalse(href.toLowerCase().contains("javascript") || href.startsWith("data:"), href);
        }
        Element safe = doc.selectFirst("a[href=https://example.org/a]");
        assertEquals("nofollow ugc noopener", safe.attr("rel"));
        assertTrue(doc.select("img[src~=(?i)javascript]").isEmpty());
    }

    @Test
    void class_and_style_tricks_do_not_survive() {
        for (String attack : List.of("```x\" onmouseover=\"alert(1)\nx\n```", "<div style=\"position:fixed\">x</div>",
                "<a href=\"#\" style=\"x\">x</a>", "```language-a b\nx\n```")) {
            Document doc = render(attack);
            assertTrue(doc.select("[style], [onmouseover], div").isEmpty(), doc.body().html());
            for (Element code : doc.select("code[class]")) {
                assertTrue(code.className().matches("language-[A-Za-z0-9_+-]+"), code.className());
            }
        }
    }

    @Test
    void nothing_in_nothing_out() {
        assertEquals("", markdown.toHtml(null));
        assertEquals("", markdown.toHtml("  "));
    }
}
