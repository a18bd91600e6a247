package dev.storytracker.security;

import java.util.List;

/**
 * Text meant to run code in a reader's browser, break out of the markup around it, reorder the page around it, or be
 * evaluated by the template engine. Each vector has a short name for the report; every one fits in a story title (at
 * most 200 characters).
 */
public final class HostileVectors {

    /** One attack string and the family it belongs to. */
    public record Vector(String name, String text) {

        /** Template syntax: must reach the page as the very text typed, neither evaluated nor an error. */
        public boolean template() {
            return name.startsWith("qute-") || name.startsWith("mustache-");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ALERT = "alert(1)";
    private static final String DATA_HTML = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==";

    public static final List<Vector> ALL = List.of(
            // Script elements
            new Vector("script-tag", "<script>" + ALERT + "</script>"),
            new Vector("script-src", "<script src=\"https://evil.example/x.js\"></script>"),
            new Vector("script-mixed-case", "<ScRiPt>" + ALERT + "</sCrIpT>"),
            new Vector("script-nested", "<scr<script>ipt>" + ALERT + "</script>"),
            new Vector("script-in-template", "<template><script>" + ALERT + "</script></template>"),
            new Vector("noscript-breakout", "<noscript><p title=\"</noscript><img src=x onerror=" + ALERT + ">\">"),
            // Event-handler attributes
            new Vector("img-onerror", "<img src=x onerror=" + ALERT + ">"),
            new Vector("svg-onload", "<svg onload=" + ALERT + ">"),
            new Vector("body-onload", "<body onload=" + ALERT + ">"),
            new Vector("div-onmouseover", "<div onmouseover=\"" + ALERT + "\">hover me</div>"),
            new Vector("input-onfocus", "<input autofocus onfocus=" + ALERT + ">"),
            new Vector("details-ontoggle", "<details open ontoggle=" + ALERT + "><summary>x</summary></details>"),
            new Vector("img-srcset", "<img srcset=\"javascript:" + ALERT + " 1x\" src=x>"),
            // URL schemes, plain and obfuscated
            new Vector("a-javascript", "<a href=\"javascript:" + ALERT + "\">click</a>"),
            new Vector("a-javascript-entities", "<a href=\"&#106;&#x61;vascript&colon;" + ALERT + "\">click</a>"),
            new Vector("a-javascript-mixed-case", "<a href=\"JaVaScRiPt:" + ALERT + "\">click</a>"),
            new Vector("a-javascript-tab", "<a href=\"java\tscript:" + ALERT + "\">click</a>"),
            new Vector("a-javascript-newline", "<a href=\"java\nscript:" + ALERT + "\">click</a>"),
            new Vector("a-javascript-leading-space", "<a href=\" \u0001javascript:" + ALERT + "\">click</a>"),
            new Vector("a-data-html", "<a href=\"" + DATA_HTML + "\">click</a>"),
            new Vector("a-vbscript", "<a href=\"vbscript:msgbox(1)\">click</a>"),
            // SVG and MathML
            new Vector("svg-script", "<svg><script>" + ALERT + "</script></svg>"),
            new Vector("svg-xlink-href", "<svg><a xlink:href=\"javascript:" + ALERT
                    + "\"><text x=\"0\" y=\"20\">click</text></a></svg>"),
            new Vector("svg-animate-href", "<svg><a><animate attributeName=\"href\" values=\"javascript:" + ALERT
                    + "\"/><text y=\"20\">click</text></a></svg>"),
            new Vector("math-href", "<math><mtext><a href=\"javascript:" + ALERT + "\">click</a></mtext></math>"),
            // Broken and unclosed markup
            new Vector("unclosed-img", "<img src=x onerror=" + ALERT + "//"),
            new Vector("unclosed-comment", "<!--<img src=x onerror=" + ALERT + ">"),
            new Vector("cdata", "<![CDATA[<script>" + ALERT + "</script>]]>"),
            new Vector("textarea-breakout", "</textarea><script>" + ALERT + "</script>"),
            new Vector("title-breakout", "</title><script>" + ALERT + "</script>"),
            // Markdown links, images, references and raw HTML
            new Vector("md-link-javascript", "[click](javascript:" + ALERT + ")"),
            new Vector("md-link-javascript-entity", "[click](&#106;avascript:" + ALERT + ")"),
            new Vector("md-link-javascript-escaped-colon", "[click](javascript&#58;" + ALERT + ")"),
            new Vector("md-link-angle-brackets", "[click](<javascript:" + ALERT + ">)"),
            new Vector("md-link-vbscript", "[click](VBScript:msgbox(1))"),
            new Vector("md-image-data", "![x](" + DATA_HTML + ")"),
            new Vector("md-image-javascript", "![x](javascript:" + ALERT + ")"),
            new Vector("md-image-title-breakout", "![x](https://example.org/a.png \"\\\" onerror=\\\"" + ALERT + "\")"),
            new Vector("md-reference-definition", "[click][evil]\n\n[evil]: javascript:" + ALERT),
            new Vector("md-autolink-javascript", "<javascript:" + ALERT + ">"),
            new Vector("md-autolink-data", "<" + DATA_HTML + ">"),
            new Vector("md-raw-html-block", "<div>\n<script>" + ALERT + "</script>\n</div>"),
            new Vector("md-html-in-link-text", "[<img src=x onerror=" + ALERT + ">](https://example.org)"),
            new Vector("md-code-fence-info", "```\"><script>" + ALERT + "</script>\ncode\n```"),
            new Vector("md-www-autolink-quote", "www.example.org/\"onmouseover=\"" + ALERT + "\""),
            // CSS
            new Vector("style-attribute", "<p style=\"background:url(javascript:" + ALERT + ")\">styled</p>"),
            new Vector("style-expression", "<div style=\"width: expression(" + ALERT + ")\">styled</div>"),
            new Vector("style-element", "<style>body{display:none}</style>"),
            new Vector("style-breakout", "</style><script>" + ALERT + "</script>"),
            new Vector("link-stylesheet", "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">"),
            // Attribute breakouts
            new Vector("attr-breakout-double", "\"><img src=x onerror=" + ALERT + ">"),
            new Vector("attr-breakout-single", "' onfocus='" + ALERT + "' autofocus='"),
            new Vector("attr-breakout-unquoted", "x onmouseover=" + ALERT + " y"),
            // Frames, plugins, base, refresh, forms
            new Vector("iframe", "<iframe src=\"javascript:" + ALERT + "\"></iframe>"),
            new Vector("iframe-srcdoc", "<iframe srcdoc=\"<script>" + ALERT + "</script>\"></iframe>"),
            new Vector("object", "<object data=\"" + DATA_HTML + "\"></object>"),
            new Vector("embed", "<embed src=\"javascript:" + ALERT + "\">"),
            new Vector("base", "<base href=\"https://evil.example/\">"),
            new Vector("meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + ALERT + "\">"),
            new Vector("form-action", "<form action=\"javascript:" + ALERT + "\"><button>go</button></form>"),
            new Vector("button-formaction", "<button formaction=\"javascript:" + ALERT + "\">go</button>"),
            // Unicode bidi controls and control characters
            new Vector("bidi-rlo", "invoice\u202Etxt.exe"),
            new Vector("bidi-unterminated-rlo", "reviewed by \u202Enimda"),
            new Vector("bidi-embeddings-isolates", "\u202B\u2067abc\u2069\u2066 \u202A\u202D"),
            new Vector("null-byte", "a\u0000<script>" + ALERT + "</script>"),
            new Vector("control-characters", "\u0001\u0008\u001B[31m<img src=x onerror=" + ALERT + ">\u007F"),
            new Vector("utf7", "+ADw-script+AD4-" + ALERT + "+ADw-/script+AD4-"),
            new Vector("double-escaped", "&lt;script&gt;" + ALERT + "&lt;/script&gt;"),
            // Template syntax for Qute (and mdBook's handlebars)
            new Vector("qute-inject", "{inject:viewer.name}"),
            new Vector("qute-for", "{#for x in 3}{x}{/for}"),
            new Vector("qute-cdi", "{cdi:userService.list}"),
            new Vector("qute-include-main", "{#include main}{/include}"),
            new Vector("qute-config", "{config:quarkus.datasource.password}"),
            new Vector("qute-insert", "{#insert title}x{/}"),
            new Vector("qute-raw", "{story.body.raw}"),
            new Vector("qute-comment", "{! hidden !}"),
            new Vector("mustache-constructor", "{{constructor.constructor('" + ALERT + "')()}}"),
            new Vector("mustache-include", "{{#include ../../../etc/passwd}}"));

    private HostileVectors() {
    }
}
