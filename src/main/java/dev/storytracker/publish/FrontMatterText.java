package dev.storytracker.publish;

import java.util.List;

/**
 * Writes files in the front-matter format that {@code import} reads back: a YAML block of plain keys, then markdown.
 * Every free text value is double-quoted with escapes, so no title, name or note can break the YAML or be read as
 * something else ({@code yes}, {@code 1.0}, {@code [x]}).
 */
final class FrontMatterText {

    private final StringBuilder out = new StringBuilder("---\n");

    /** A free-text value, quoted. Absent or empty values are left out, which the reader treats the same. */
    FrontMatterText text(String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(key).append(": ").append(quote(value)).append('\n');
        }
        return this;
    }

    /** A slug or an enum word: plain characters only, written as they are. */
    FrontMatterText word(String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(key).append(": ").append(value).append('\n');
        }
        return this;
    }

    FrontMatterText words(String key, List<String> values) {
        if (!values.isEmpty()) {
            out.append(key).append(": [").append(String.join(", ", values)).append("]\n");
        }
        return this;
    }

    FrontMatterText texts(String key, List<String> values) {
        if (!values.isEmpty()) {
            out.append(key).append(": [").append(String.join(", ", values.stream().map(FrontMatterText::quote)
                    .toList())).append("]\n");
        }
        return this;
    }

    /** The full form of story links: one entry per item with its relation and note. */
    FrontMatterText links(List<Link> links) {
        if (!links.isEmpty()) {
            out.append("links:\n");
            for (Link link : links) {
                out.append("  - item: ").append(link.item()).append('\n');
                out.append("    relation: ").append(link.relation()).append('\n');
                if (link.note() != null && !link.note().isEmpty()) {
                    out.append("    note: ").append(quote(link.note())).append('\n');
                }
                if (link.by() != null) {
                    out.append("    by: ").append(quote(link.by())).append('\n');
                }
                if (link.at() != null) {
                    out.append("    at: ").append(link.at()).append('\n');
                }
            }
        }
        return this;
    }

    /** A story's triage events and comments, oldest first, so that a restore keeps them. */
    FrontMatterText history(List<Entry> entries) {
        if (!entries.isEmpty()) {
            out.append("history:\n");
            for (Entry entry : entries) {
                out.append("  - at: ").append(entry.at()).append('\n');
                out.append("    by: ").append(quote(entry.by())).append('\n');
                if (entry.comment() != null) {
                    out.append("    comment: ").append(quote(entry.comment())).append('\n');
                    out.append("    to-writer: ").append(entry.toWriter()).append('\n');
                    continue;
                }
                if (entry.from() != null) {
                    out.append("    from: ").append(entry.from()).append('\n');
                }
                out.append("    to: ").append(entry.to()).append('\n');
                if (entry.note() != null && !entry.note().isEmpty()) {
                    out.append("    note: ").append(quote(entry.note())).append('\n');
                }
            }
        }
        return this;
    }

    /** Closes the front matter and adds the body. */
    String body(String markdown) {
        out.append("---\n");
        if (markdown != null && !markdown.isEmpty()) {
            out.append(markdown.strip()).append('\n');
        }
        return out.toString();
    }

    /** A link of a story to a roadmap item, with who made it and when. */
    record Link(String item, String relation, String note, String by, String at) {
    }

    /** A triage transition ({@code comment} null) or a comment. */
    record Entry(java.time.Instant at, String by, String from, String to, String note, String comment,
            boolean toWriter) {
    }

    /** A YAML double-quoted scalar: backslash, quote, control and line-separator characters escaped. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff) {
                        q.append(String.format("\\u%04x", cp));
                    } else {
                        q.appendCodePoint(cp);
                    }
                }
            }
        });
        return q.append('"').toString();
    }

    /**
     * A story's FAQ as the section the reader splits off again: "## Frequently Asked Questions", then one "###"
     * heading per question. A question ending in '#' gets a closing '#' so that the heading keeps it.
     */
    static String faqSection(List<String[]> faq) {
        if (faq.isEmpty()) {
            return "";
        }
        StringBuilder section = new StringBuilder("\n\n## Frequently Asked Questions\n");
        for (String[] entry : faq) {
            String question = entry[0].endsWith("#") ? entry[0] + " #" : entry[0];
            section.append("\n### ").append(question).append('\n');
            if (!entry[1].isEmpty()) {
                section.append(entry[1]).append('\n');
            }
        }
        return section.toString();
    }
}
