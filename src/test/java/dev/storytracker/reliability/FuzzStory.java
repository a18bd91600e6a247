package dev.storytracker.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A valid story file of the fuzz corpus, built from fields and rendered in one of several equivalent YAML styles; the
 * fields are what the database must hold once it is imported. Mutations work on the rendered text.
 */
final class FuzzStory {

    final String slug;
    final boolean shiny;
    String title;
    String character = "alan";
    final List<String> themes = new ArrayList<>();
    final List<String> projects = new ArrayList<>();
    final List<String> authors = new ArrayList<>();
    final List<String> retells = new ArrayList<>();
    /** Roadmap item slug to "relation|note" ("motivates|" for the short form). */
    final Map<String, String> links = new LinkedHashMap<>();
    final Map<String, String> faq = new LinkedHashMap<>();
    String summary;
    String text;
    /** Extra raw front matter lines, appended as written (for mutations that add fields). */
    final List<String> extra = new ArrayList<>();
    boolean blockStyle;

    FuzzStory(String slug, boolean shiny) {
        this.slug = slug;
        this.shiny = shiny;
        this.title = "Story " + slug;
        this.text = "## The story\n\nAlan waits for " + slug + " to finish, and it never does.";
    }

    /** A random but valid story: some themes, projects, authors, links and FAQ entries. */
    static FuzzStory random(String slug, boolean shiny, Random random, FuzzCatalog catalog) {
        FuzzStory story = new FuzzStory(slug, shiny);
        story.character = catalog.characters.get(random.nextInt(catalog.characters.size()));
        for (int i = random.nextInt(4); i > 0; i--) {
            addOnce(story.themes, catalog.themes.get(random.nextInt(catalog.themes.size())));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            addOnce(story.projects, catalog.projects.get(random.nextInt(catalog.projects.size())));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            addOnce(story.authors, "Writer " + random.nextInt(1000) + " <w" + i + "@example.org>");
        }
        if (random.nextBoolean()) {
            story.links.put(catalog.items.get(random.nextInt(catalog.items.size())), "motivates|");
        }
        if (random.nextInt(3) == 0) {
            String item = catalog.items.get(random.nextInt(catalog.items.size()));
            story.links.putIfAbsent(item, "illustrates|Seen in the logs of " + slug + ".");
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            story.faq.put("Question " + i + " about " + slug + "?", "Answer " + i + ": *it depends*.");
        }
        story.blockStyle = random.nextBoolean();
        return story;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    String folder() {
        return shiny ? "shiny-future" : "status-quo";
    }

    String path() {
        return folder() + "/" + slug + ".md";
    }

    String frontMatter() {
        StringBuilder out = new StringBuilder();
        out.append("title: ").append(quote(title)).append('\n');
        out.append("kind: ").append(shiny ? "shiny-future" : "status-quo").append('\n');
        if (character != null) {
            out.append("character: ").append(character).append('\n');
        }
        list(out, "themes", themes);
        list(out, "projects", projects);
        list(out, "authors", authors.stream().map(FuzzStory::quote).toList());
        list(out, "retells", retells);
        List<String> shortLinks = new ArrayList<>();
        List<String> fullLinks = new ArrayList<>();
        links.forEach((item, spec) -> (spec.equals("motivates|") ? shortLinks : fullLinks).add(item));
        list(out, "roadmap", shortLinks);
        if (!fullLinks.isEmpty()) {
            out.append("links:\n");
            for (String item : fullLinks) {
                String[] spec = links.get(item).split("\\|", 2);
                out.append("  - item: ").append(item).append('\n');
                out.append("    relation: ").append(spec[0]).append('\n');
                if (!spec[1].isEmpty()) {
                    out.append("    note: ").append(quote(spec[1])).append('\n');
                }
            }
        }
        if (summary != null) {
            out.append("summary: ").append(quote(summary)).append('\n');
        }
        extra.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private void list(StringBuilder out, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        if (blockStyle) {
            out.append(key).append(":\n");
            values.forEach(v -> out.append("  - ").append(v).append('\n'));
        } else {
            out.append(key).append(": [").append(String.join(", ", values)).append("]\n");
        }
    }

    String body() {
        StringBuilder out = new StringBuilder(text).append('\n');
        if (!faq.isEmpty()) {
            out.append("\n## 🤔 Frequently Asked Questions\n");
            faq.forEach((q, a) -> out.append("\n### ").append(q).append('\n').append(a).append('\n'));
        }
        return out.toString();
    }

    String render() {
        return "---\n" + frontMatter() + "---\n" + body();
    }

    /** Double-quoted YAML with the escapes it needs. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
