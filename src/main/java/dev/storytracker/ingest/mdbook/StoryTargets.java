package dev.storytracker.ingest.mdbook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.storytracker.Slugs;
import dev.storytracker.story.StoryKind;

/**
 * Resolves links to stories by the story's file name, whatever form they take: {@code ../status_quo/x.md},
 * {@code x.html}, the published book's {@code https://host/book/vision/status_quo/x.html}, or a path from before the
 * stories moved. A link "looks like a story" when it is relative or its path runs through a story folder; links that
 * do not (blog posts, pull requests) are not stories at all.
 */
final class StoryTargets {

    /** A story of the book: its slug and kind. */
    record Target(String slug, StoryKind kind) {
    }

    /** What a link turned out to be: a story, a story-looking link that matches none, or not a story. */
    sealed interface Resolution {
    }

    record Resolved(Target target) implements Resolution {
    }

    record Unresolved(String destination) implements Resolution {
    }

    record NotAStory() implements Resolution {
    }

    private final Map<String, Target> byPath = new HashMap<>();
    private final Map<String, Target> byName = new HashMap<>();

    /** Registers a story page; the first page to claim a file name keeps it. */
    void add(String path, Target target) {
        byPath.put(path, target);
        byName.putIfAbsent(nameKey(path), target);
    }

    Optional<Target> atPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    Resolution resolve(String fromPath, String destination) {
        String dest = destination == null ? "" : destination.strip();
        if (dest.isEmpty() || dest.startsWith("#")) {
            return new NotAStory();
        }
        boolean absolute = dest.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
        if (absolute && !dest.toLowerCase(Locale.ROOT).startsWith("http")) {
            return new NotAStory();
        }
        String path = pathOf(dest);
        if (!absolute) {
            path = join(folderOf(fromPath), path);
            Target exact = byPath.get(asMarkdown(path));
            if (exact != null) {
                return new Resolved(exact);
            }
        }
        List<String> segments = List.of(path.split("/"));
        boolean throughStoryFolder = segments.subList(0, Math.max(0, segments.size() - 1)).stream()
                .anyMatch(s -> BookFiles.storyFolderKind(s) != null);
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        boolean isPage = last.endsWith(".md") || last.endsWith(".html");
        if (!throughStoryFolder || !isPage) {
            return new NotAStory();
        }
        Target byFileName = byName.get(nameKey(last));
        return byFileName != null ? new Resolved(byFileName) : new Unresolved(destination.strip());
    }

    /** Resolves a relative link from one page to the path of another page (.html read as .md), if it is relative. */
    static Optional<String> pagePath(String fromPath, String destination) {
        String dest = destination == null ? "" : destination.strip();
        if (dest.isEmpty() || dest.startsWith("#") || dest.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        return Optional.of(asMarkdown(join(folderOf(fromPath), pathOf(dest))));
    }

    /** The file name as a lookup key: without extension, as a slug. */
    static String nameKey(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Slugs.fromText(stem, Slugs.MAX_LENGTH, "");
    }

    private static String pathOf(String dest) {
        String path = dest;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        try {
            URI uri = new URI(path.replace(" ", "%20"));
            if (uri.getPath() != null) {
                return uri.getPath();
            }
        } catch (URISyntaxException e) {
            // Not a URI after all: take the text as written.
        }
        return path;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }

    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Joins and normalises {@code ./} and {@code ../}; a path that climbs above the root keeps what is left. */
    static String join(String folder, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        String whole = relative.startsWith("/") ? relative : folder + "/" + relative;
        for (String part : whole.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    static String asMarkdown(String path) {
        return path.endsWith(".html") ? path.substring(0, path.length() - 5) + ".md" : path;
    }
}
