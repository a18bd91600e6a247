package dev.storytracker.ingest.mdbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.storytracker.ingest.CorpusFile;
import dev.storytracker.ingest.FileProblem;
import dev.storytracker.ingest.ReadFile;

/**
 * Reads an mdBook vision document as groups keep it (no front matter, many hands, little consistency) into the same
 * records the front-matter corpus gives, so that the importer writes both the same way. No database.
 */
public final class BookReader {

    private BookReader() {
    }

    /**
     * Every page of the book under {@code root}, as records to write or as decided outcomes. {@code knownCharacters}
     * (slug to name, from the database) lets stories name characters that the book itself does not describe.
     */
    public static List<ReadFile> read(Path root, Map<String, String> knownCharacters) throws IOException {
        List<BookFiles.Page> pages = BookFiles.scan(root);
        List<ReadFile> read = new ArrayList<>();
        Map<String, PageText> texts = new LinkedHashMap<>();
        for (BookFiles.Page page : pages) {
            if (page.role() == BookFiles.Role.SKIPPED) {
                read.add(ReadFile.skipped(page.path(), page.skipReason()));
                continue;
            }
            try {
                texts.put(page.path(), PageText.load(page.file(), page.path()));
            } catch (FileProblem problem) {
                read.add(ReadFile.rejected(page.path(), problem, List.of()));
            }
        }
        List<BookFiles.Page> loaded = pages.stream().filter(p -> texts.containsKey(p.path())).toList();

        Cast cast = new Cast();
        PageText list = first(loaded, texts, BookFiles.Role.CHARACTER_LIST);
        read.addAll(CatalogPages.characters(list, all(loaded, texts, BookFiles.Role.CHARACTER), cast));
        if (list != null) {
            read.add(ReadFile.skipped(list.path(), "the list of characters, read into the characters it names"));
        }
        new java.util.TreeMap<>(knownCharacters).forEach(cast::add);
        all(loaded, texts, BookFiles.Role.PROJECT).forEach(p -> read.add(CatalogPages.project(p)));

        List<BookFiles.Page> stories = loaded.stream()
                .filter(p -> p.role() == BookFiles.Role.STORY || p.role() == BookFiles.Role.CHAPTER)
                .sorted(Comparator.comparing((BookFiles.Page p) -> p.kind().ordinal())
                        .thenComparing(p -> p.role().ordinal()).thenComparing(BookFiles.Page::path))
                .toList();
        Map<String, String> slugs = storySlugs(stories);
        StoryTargets targets = new StoryTargets();
        stories.forEach(p -> targets.add(p.path(), new StoryTargets.Target(slugs.get(p.path()), p.kind())));

        RoadmapBuilder roadmap = new RoadmapBuilder(first(loaded, texts, BookFiles.Role.ROADMAP_TABLE),
                all(loaded, texts, BookFiles.Role.ROADMAP_PAGE), targets);
        read.addAll(roadmap.build());

        Map<String, Optional<String>> characters = new HashMap<>();
        for (BookFiles.Page page : stories) {
            String slug = slugs.get(page.path());
            if (slug == null) {
                read.add(ReadFile.rejected(page.path(), new FileProblem("the file name gives no slug", 0), List.of()));
                continue;
            }
            Optional<String> series = page.role() == BookFiles.Role.CHAPTER
                    ? targets.atPath(page.series()).map(StoryTargets.Target::slug)
                    : Optional.empty();
            Optional<String> seriesCharacter = series.flatMap(s -> characters.getOrDefault(s, Optional.empty()));
            List<CorpusFile.Link> links = roadmap.storyLinks.getOrDefault(slug, List.of());
            StoryPage.Result result = StoryPage.read(page, texts.get(page.path()), slug, series, seriesCharacter,
                    cast, targets, links);
            characters.putIfAbsent(slug, result.character());
            read.add(result.read());
        }
        return read;
    }

    /**
     * A story's slug is its file name; a chapter whose file name another story already has is prefixed with its
     * series. Stories come first, so their slugs never depend on chapters.
     */
    private static Map<String, String> storySlugs(List<BookFiles.Page> stories) {
        Map<String, String> slugs = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (BookFiles.Page page : stories) {
            Optional<String> slug = Cast.slugOf(page.stem());
            if (slug.isEmpty()) {
                continue;
            }
            String chosen = slug.get();
            if (page.role() == BookFiles.Role.CHAPTER && taken.contains(chosen)) {
                String series = CatalogPages.stemOf(page.series());
                chosen = Cast.slugOf(series + "-" + page.stem()).orElse(chosen);
            }
            taken.add(chosen);
            slugs.put(page.path(), chosen);
        }
        return slugs;
    }

    private static PageText first(List<BookFiles.Page> pages, Map<String, PageText> texts, BookFiles.Role role) {
        return pages.stream().filter(p -> p.role() == role).map(p -> texts.get(p.path())).findFirst().orElse(null);
    }

    private static List<PageText> all(List<BookFiles.Page> pages, Map<String, PageText> texts, BookFiles.Role role) {
        return pages.stream().filter(p -> p.role() == role).map(p -> texts.get(p.path())).toList();
    }
}
