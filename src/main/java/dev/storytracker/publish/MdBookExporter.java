package dev.storytracker.publish;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storytracker.publish.MdBookQueries.Entry;
import dev.storytracker.publish.MdBookQueries.Item;
import dev.storytracker.publish.MdBookQueries.Listed;
import dev.storytracker.publish.MdBookQueries.StoryPage;
import dev.storytracker.story.StoryKind;

/**
 * {@code export --format mdbook OUTDIR}: the accepted stories, the roadmap and the catalogue as an mdBook source tree.
 * SUMMARY.md is written from the same rows as the pages, in one pass, so it can never fall out of step with them;
 * stories are read in keyset batches so a corpus of any size is written with flat memory.
 */
@ApplicationScoped
public class MdBookExporter implements Exporter {

    static final String MARKER = "# Written by the story tracker's mdbook export";
    static final int BATCH = 200;
    static final String BOOK_TOML = MARKER + """
            ; each export writes src/ again from the database.
            [book]
            title = "Status quo and shiny future stories"
            language = "en"
            src = "src"

            [build]
            # Without the default preprocessors no {{#include}} in a story can pull in files when the book is built.
            use-default-preprocessors = false
            """;

    @Inject
    MdBookQueries queries;

    @Override
    public String format() {
        return "mdbook";
    }

    @Override
    public ExportReport export(Path outDir) throws IOException {
        Path src = prepare(outDir);
        List<String> files = new ArrayList<>();
        write(outDir.resolve("book.toml"), BOOK_TOML, files, outDir);
        write(src.resolve("README.md"), "# Stories\n\nHow using the technology feels today (status quo), how it "
                + "should feel (shiny future), and the roadmap work each story motivates.\n", files, outDir);
        int stories = 0;
        List<Item> items;
        try (Writer summary = Files.newBufferedWriter(src.resolve("SUMMARY.md"), StandardCharsets.UTF_8)) {
            files.add("src/SUMMARY.md");
            summary.write("# Summary\n\n[Introduction](README.md)\n");
            for (StoryKind kind : StoryKind.values()) {
                stories += stories(kind, src, summary, files, outDir);
            }
            items = queries.items();
            roadmap(items, src, summary, files, outDir);
            catalogue(true, src, summary, files, outDir);
            catalogue(false, src, summary, files, outDir);
        }
        return new ExportReport(files, "Wrote an mdBook of " + stories + " accepted stories and " + items.size()
                + " roadmap items (" + files.size() + " files) to " + outDir + ".");
    }

    private int stories(StoryKind kind, Path src, Writer summary, List<String> files, Path outDir)
            throws IOException {
        if (queries.count(kind) == 0) {
            return 0;
        }
        Files.createDirectories(src.resolve(kind.slug()));
        summary.write("\n# " + MdBookPages.kindName(kind) + "\n\n");
        int written = 0;
        Keyset<StoryPage> pages = new Keyset<>(BATCH,
                (last, size) -> queries.stories(kind, last == null ? null : last.slug(), size));
        while (pages.hasNext()) {
            StoryPage story = pages.next();
            String path = MdBookPages.storyPath(kind, story.slug());
            write(src.resolve(path), MdBookPages.story(story), files, outDir);
            summary.write("- " + Markdown.link(story.title(), path) + "\n");
            written++;
        }
        return written;
    }

    private void roadmap(List<Item> items, Path src, Writer summary, List<String> files, Path outDir)
            throws IOException {
        Files.createDirectories(src.resolve("roadmap"));
        Map<Long, Item> byId = new LinkedHashMap<>();
        Map<Long, List<Item>> children = new LinkedHashMap<>();
        for (Item item : items) {
            byId.put(item.id(), item);
            children.computeIfAbsent(item.parentId(), k -> new ArrayList<>()).add(item);
        }
        StringBuilder inSummary = new StringBuilder();
        tree(children, null, "roadmap/", 1, inSummary);
        summary.write("\n# Roadmap\n\n- [Roadmap](roadmap/README.md)\n" + inSummary);
        StringBuilder inIndex = new StringBuilder();
        tree(children, null, "", 0, inIndex);
        write(src.resolve("roadmap/README.md"), "# Roadmap\n\nGoals, the initiatives that reach them and their "
                + "milestones, each with the stories that motivate it.\n\n" + inIndex, files, outDir);
        // Items and links both come in the database's slug order, so each item's stories are the next rows.
        Keyset<Listed> links = new Keyset<>(BATCH, queries::motivations);
        for (Item item : items) {
            Path page = src.resolve("roadmap/" + item.slug() + ".md");
            try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
                out.write(MdBookPages.itemHead(item, byId.get(item.parentId()),
                        children.getOrDefault(item.id(), List.of())));
                boolean any = false;
                while (links.hasNext() && links.peek().key().equals(item.slug())) {
                    out.write(MdBookPages.motivation(links.next()));
                    any = true;
                }
                if (!any) {
                    out.write(MdBookPages.nothingYet("is linked to this item"));
                }
            }
            files.add(outDir.relativize(page).toString());
        }
    }

    /** The roadmap as a nested list, each item under its parent, starting {@code depth} levels in. */
    private static void tree(Map<Long, List<Item>> children, Long parent, String folder, int depth,
            StringBuilder out) {
        for (Item item : children.getOrDefault(parent, List.of())) {
            out.append("    ".repeat(depth)).append("- ")
                    .append(Markdown.link(item.title(), folder + item.slug() + ".md")).append('\n');
            // Levels strictly decrease downwards, so the tree is never deeper than there are levels.
            if (depth < 4) {
                tree(children, item.id(), folder, depth + 1, out);
            }
        }
    }

    private void catalogue(boolean characters, Path src, Writer summary, List<String> files, Path outDir)
            throws IOException {
        String folder = characters ? "characters" : "themes";
        String title = characters ? "Characters" : "Themes";
        List<Entry> entries = queries.catalogue(characters);
        Files.createDirectories(src.resolve(folder));
        write(src.resolve(folder + "/README.md"), MdBookPages.entryIndex(title, entries), files, outDir);
        summary.write("\n# " + title + "\n\n- [" + title + "](" + folder + "/README.md)\n");
        Keyset<Listed> stories = new Keyset<>(BATCH, characters ? queries::byCharacter : queries::byTheme);
        for (Entry entry : entries) {
            String path = folder + "/" + entry.slug() + ".md";
            summary.write("    - " + Markdown.link(entry.name(), path) + "\n");
            try (Writer out = Files.newBufferedWriter(src.resolve(path), StandardCharsets.UTF_8)) {
                out.write(MdBookPages.entryHead(entry));
                boolean any = false;
                while (stories.hasNext() && stories.peek().key().equals(entry.slug())) {
                    out.write(MdBookPages.listedStory(stories.next()));
                    any = true;
                }
                if (!any) {
                    out.write(MdBookPages.nothingYet(characters ? "is told by this character" : "has this theme"));
                }
            }
            files.add("src/" + path);
        }
    }

    /**
     * The folder must be new, empty, or an earlier mdbook export (whose {@code src} is then removed): an export never
     * deletes anything it did not write.
     */
    private static Path prepare(Path outDir) throws IOException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IOException("it is not a folder");
        }
        Path src = outDir.resolve("src");
        if (Files.isDirectory(outDir)) {
            Path toml = outDir.resolve("book.toml");
            boolean earlier = Files.isRegularFile(toml) && Files.readString(toml).startsWith(MARKER);
            if (earlier) {
                deleteTree(src);
            } else {
                try (Stream<Path> contents = Files.list(outDir)) {
                    if (contents.findAny().isPresent()) {
                        throw new IOException("the folder is not empty and holds no earlier mdbook export");
                    }
                }
            }
        }
        Files.createDirectories(src);
        return src;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void write(Path file, String text, List<String> files, Path outDir) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        files.add(outDir.relativize(file).toString());
    }
}
