package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.storytracker.catalog.CatalogEntry;
import dev.storytracker.ingest.CorpusFile;
import dev.storytracker.ingest.FileProblem;
import dev.storytracker.ingest.FileType;
import dev.storytracker.ingest.ReadFile;
import dev.storytracker.story.StoryText;

/**
 * Characters and projects of a book. {@code characters.md} lists each character as {@code * [Alan]: tagline} with
 * indented bullets below ({@code *Top priority*: ...}); {@code characters/alan.md} describes it at length. Both end up
 * in the character's description. Projects come from {@code projects/*.md}.
 */
final class CatalogPages {

    private static final Pattern ENTRY = Pattern
            .compile("^[*-]\\s+\\[([^\\]]+)\\](?:\\(([^)\\s]*)[^)]*\\)|\\[([^\\]]*)\\])?\\s*:?\\s*(.*)$");
    private static final Pattern DETAIL = Pattern.compile("^\\s{2,}[*-]\\s+(.*)$");

    /** One line of characters.md with its indented bullets. */
    record Entry(String name, String destination, String tagline, List<String> details) {
    }

    private CatalogPages() {
    }

    static List<Entry> parseList(PageText list) {
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        for (String line : list.text().split("\n")) {
            Matcher entry = ENTRY.matcher(line);
            Matcher detail = DETAIL.matcher(line);
            if (entry.matches()) {
                String label = entry.group(1).strip();
                String destination = entry.group(2) != null ? entry.group(2)
                        : list.defs().get(entry.group(3) == null || entry.group(3).isEmpty() ? label : entry.group(3))
                                .map(RefDefs.Def::url).orElse(null);
                current = new Entry(label, destination, entry.group(4).strip(), new ArrayList<>());
                entries.add(current);
            } else if (current != null && detail.matches()) {
                current.details().add(detail.group(1).strip());
            } else if (!line.isBlank()) {
                current = null;
            }
        }
        return entries;
    }

    /**
     * Every character of the list and of the character pages, added to the cast as it goes (unless refused). A listed character's slug
     * is its page's file name (or its name, without a page).
     */
    static List<ReadFile> characters(PageText list, List<PageText> pages, Cast cast) {
        List<ReadFile> read = new ArrayList<>();
        Map<String, PageText> byPath = new java.util.HashMap<>();
        pages.forEach(p -> byPath.put(p.path(), p));
        Set<String> used = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (Entry entry : list == null ? List.<Entry>of() : parseList(list)) {
            String pagePath = entry.destination() == null ? null
                    : StoryTargets.pagePath(list.path(), entry.destination()).orElse(null);
            PageText page = pagePath == null ? null : byPath.get(pagePath);
            String slugSource = page != null ? stemOf(page.path()) : entry.name();
            String slug = Cast.slugOf(slugSource).orElse(null);
            if (slug == null || !used.add(slug)) {
                continue;
            }
            StringBuilder description = new StringBuilder(capitalise(entry.tagline()));
            if (!entry.details().isEmpty()) {
                description.append("\n\n");
                entry.details().forEach(d -> description.append("* ").append(d).append('\n'));
            }
            if (page != null) {
                description.append("\n\n").append(page.defs().attachUsed(page.text()));
            }
            String path = page != null ? page.path() : list.path() + "#" + slug;
            reported.add(path);
            ReadFile character = catalog(FileType.CHARACTER, slug, path, entry.name(),
                    description.toString().strip());
            read.add(character);
            if (character.file() != null) {
                cast.add(slug, entry.name());
            }
        }
        for (PageText page : pages) {
            String slug = Cast.slugOf(stemOf(page.path())).orElse(null);
            if (reported.contains(page.path())) {
                continue;
            }
            if (slug == null || !used.add(slug)) {
                // Every page gets an outcome, also one whose character the list names without linking to it.
                read.add(ReadFile.skipped(page.path(), slug == null ? "the file name gives no slug"
                        : "the character '" + slug + "' is already read from the list of characters or another"
                                + " page, which this page does not add to"));
                continue;
            }
            String name = nameOf(page);
            ReadFile character = catalog(FileType.CHARACTER, slug, page.path(), name,
                    page.defs().attachUsed(page.text()));
            read.add(character);
            if (character.file() != null) {
                cast.add(slug, name);
            }
        }
        return read;
    }

    static ReadFile project(PageText page) {
        String slug = Cast.slugOf(stemOf(page.path())).orElse(null);
        if (slug == null) {
            return ReadFile.rejected(page.path(), new FileProblem("the file name gives no slug", 0), List.of());
        }
        return catalog(FileType.PROJECT, slug, page.path(), nameOf(page), page.defs().attachUsed(page.text()));
    }

    private static ReadFile catalog(FileType type, String slug, String path, String name, String description) {
        if (description.length() > CatalogEntry.MAX_DESCRIPTION) {
            return ReadFile.rejected(path, new FileProblem(
                    "the description is longer than " + CatalogEntry.MAX_DESCRIPTION + " characters", 0), List.of());
        }
        String shortName = StoryText.cut(name, CatalogEntry.MAX_NAME);
        String hash = Hashes.of(type.name(), slug, path, shortName, description);
        return ReadFile.parsed(new CorpusFile.Catalog(type, slug, path, hash, shortName, description), List.of());
    }

    private static String nameOf(PageText page) {
        String cleaned = page.title() == null ? "" : Titles.clean(page.title());
        return cleaned.isEmpty() ? Titles.fromFileName(stemOf(page.path())) : cleaned;
    }

    static String stemOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
