package dev.storytracker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** User text in generated markdown: kept as the writer meant it, unable to reach outside its place. */
class MarkdownTest {

    @Test
    void one_line_text_loses_its_line_breaks_and_markup() {
        assertEquals("A \\[title\\] with \\*stars\\* and \\<b\\> \\# \\& \\`code\\`",
                Markdown.inline("A [title]\nwith *stars*\r\nand <b> # & `code`"));
        assertEquals("", Markdown.inline(null));
    }

    @Test
    void a_block_keeps_its_formatting_and_code() {
        String text = "Some *emphasis*, `a <b> in code` and a list:\n\n- one\n- two\n\n```html\n<p>code</p>\n```\n";
        assertEquals(text, Markdown.block(text));
    }

    @Test
    void raw_html_becomes_text() {
        assertEquals("Hi &lt;script>alert(1)&lt;/script> there\n\n&lt;div>\nblock\n&lt;/div>\n",
                Markdown.block("Hi <script>alert(1)</script> there\n\n<div>\nblock\n</div>"));
        assertEquals("&lt;!-- never closed\n\n## Next\n", Markdown.block("<!-- never closed\n\n## Next"));
    }

    @Test
    void a_code_fence_left_open_is_closed_with_the_same_fence() {
        assertEquals("text\n\n~~~~\ncode\n~~~~\n", Markdown.block("text\n\n~~~~\ncode\n"));
        assertEquals("```\nclosed\n```\n", Markdown.block("```\nclosed\n```\n"));
    }

    @Test
    void mdbook_include_directives_are_defused() {
        assertEquals("see {{\\#include ../../etc/passwd}} and {{ \\#title x}}\n",
                Markdown.block("see {{#include ../../etc/passwd}} and {{ #title x}}"));
    }

    @Test
    void only_plain_web_addresses_become_links() {
        assertEquals("<https://example.org/a?b=c>", Markdown.url("https://example.org/a?b=c"));
        assertEquals("javascript:alert(1)", Markdown.url("javascript:alert(1)"));
        assertEquals("https://example.org/\\<x\\>", Markdown.url("https://example.org/<x>"));
    }
}
