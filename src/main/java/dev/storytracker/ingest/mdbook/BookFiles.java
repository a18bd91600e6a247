package dev.storytracker.ingest.mdbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.storytracker.story.StoryKind;

/**
 * Finds the markdown pages of an mdBook source and says what each one is, from where it stands: a story, a chapter of
 * a series, a character, a project, the roadmap table or a roadmap page, or something the import leaves alone.
 * Symbolic links and hidden folders are not followed.
 */
final class BookFiles {

    /** Pages past this count are refused, so a wrong path cannot start an endless walk. */
    static final int MAX_PAGES = 20_000;
    static final int MAX_DEPTH = 12;

    enum Role {
        STORY,
        CHAPTER,
        CHARACTER_LIST,
        CHARACTER,
        PROJECT,
        ROADMAP_TABLE,
        ROADMAP_PAGE,
        SKIPPED
    }

    /**
     * One page; {@code path} is relative to the book root with forward slashes. For stories and chapters,
     * {@code storyFolder} is the folder holding the stories and {@code series} the page heading the chapter's series.
     */
    record Page(Path file, String path, Role role, StoryKind kind, String storyFolder, String series,
            String skipReason) {

        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** The file name without {@code .md}. */
        String stem() {
            String name = name();
            return name.substring(0, name.length() - 3);
        }

        String folder() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? "" : path.substring(0, slash);
        }
    }

    private BookFiles() {
    }

    static List<Page> scan(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(root, MAX_DEPTH)) {
            files = paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .filter(p -> Arrays.stream(root.relativize(p).toString().replace('\\', '/').split("/"))
                            .noneMatch(s -> s.startsWith(".")))
                    .limit(MAX_PAGES + 1L)
                    .toList();
        }
        if (files.size() > MAX_PAGES) {
            throw new IOException("the book holds more than " + MAX_PAGES + " markdown pages");
        }
        List<Page> pages = new ArrayList<>();
        for (Path file : files) {
            pages.add(classify(file, root.relativize(file).toString().replace('\\', '/')));
        }
        pages.sort(Comparator.comparing(Page::path));
        return chooseRoadmapTable(pages);
    }

    /** Story folders are spelled status_quo or status-quo, shiny_future or shiny-future. */
    static StoryKind storyFolderKind(String segment) {
        String s = segment.toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (s) {
            case "status_quo" -> StoryKind.STATUS_QUO;
            case "shiny_future" -> StoryKind.SHINY_FUTURE;
            default -> null;
        };
    }

    static Page classify(Path file, String path) {
        List<String> folders = new ArrayList<>(Arrays.asList(path.split("/")));
        String name = folders.remove(folders.size() - 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("summary.md")) {
            return skip(file, path, "the book's table of contents");
        }
        int storyAt = -1;
        for (int i = 0; i < folders.size(); i++) {
            if (storyFolderKind(folders.get(i)) != null) {
                storyAt = i;
            }
        }
        if (storyAt >= 0) {
            StoryKind kind = storyFolderKind(folders.get(storyAt));
            String storyFolder = String.join("/", folders.subList(0, storyAt + 1));
            if (lower.equals("template.md")) {
                return skip(file, path, "the template for new stories");
            }
            if (storyAt == folders.size() - 1) {
                return new Page(file, path, Role.STORY, kind, storyFolder, null, null);
            }
            String series = storyFolder + "/" + folders.get(storyAt + 1) + ".md";
            return new Page(file, path, Role.CHAPTER, kind, storyFolder, series, null);
        }
        String stem = lower.substring(0, lower.length() - 3);
        if (storyFolderKind(stem) != null) {
            return skip(file, path, "an index page of the stories");
        }
        if (folders.stream().anyMatch(f -> f.equalsIgnoreCase("roadmap"))) {
            return new Page(file, path, Role.ROADMAP_PAGE, null, null, null, null);
        }
        if (lower.equals("roadmap.md")) {
            return new Page(file, path, Role.ROADMAP_TABLE, null, null, null, null);
        }
        String last = folders.isEmpty() ? "" : folders.get(folders.size() - 1).toLowerCase(Locale.ROOT);
        if (last.equals("characters") || last.equals("projects")) {
            if (lower.equals("template.md")) {
                return skip(file, path, "the template for new " + last);
            }
            return new Page(file, path, last.equals("characters") ? Role.CHARACTER : Role.PROJECT, null, null, null,
                    null);
        }
        if (lower.equals("characters.md")) {
            return new Page(file, path, Role.CHARACTER_LIST, null, null, null, null);
        }
        return skip(file, path, "not a story, character, project or roadmap page");
    }

    /** The shallowest roadmap.md is the overview; any other is left alone. */
    private static List<Page> chooseRoadmapTable(List<Page> pages) {
        Page table = pages.stream().filter(p -> p.role() == Role.ROADMAP_TABLE)
                .min(Comparator.comparingInt((Page p) -> p.path().split("/").length).thenComparing(Page::path))
                .orElse(null);
        return pages.stream()
                .map(p -> p.role() == Role.ROADMAP_TABLE && p != table
                        ? skip(p.file(), p.path(), "another roadmap.md; the overview is " + table.path())
                        : p)
                .toList();
    }

    private static Page skip(Path file, String path, String reason) {
        return new Page(file, path, Role.SKIPPED, null, null, null, reason);
    }
}
