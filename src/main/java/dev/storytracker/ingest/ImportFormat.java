package dev.storytracker.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The layouts {@code import} understands: the tracker's own front-matter corpus, and the source folder of an mdBook
 * vision document as groups already keep it. {@link #AUTO} looks at the folder to choose.
 */
public enum ImportFormat {
    AUTO,
    FRONTMATTER,
    MDBOOK;

    /** How deep detection looks for a SUMMARY.md or a status_quo / shiny_future folder. */
    static final int DETECT_DEPTH = 6;
    /** How many files and folders detection looks at, at most. */
    static final int DETECT_ENTRIES = 100_000;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportFormat> parse(String word) {
        for (ImportFormat format : values()) {
            if (format.word().equals(word)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** This format, or for {@link #AUTO} the one the folder looks like. */
    public ImportFormat resolve(Path root) throws IOException {
        if (this != AUTO) {
            return this;
        }
        return looksLikeBook(root) ? MDBOOK : FRONTMATTER;
    }

    /**
     * A book source holds a SUMMARY.md, or story folders spelled with underscores (the front-matter corpus uses
     * hyphens). A book that has neither is imported with {@code --format mdbook}.
     */
    static boolean looksLikeBook(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root, DETECT_DEPTH)) {
            // Bounded, so that a wrong PATH such as / answers quickly.
            return paths.limit(DETECT_ENTRIES).filter(p -> !root.relativize(p).toString().startsWith("."))
                    .anyMatch(p -> {
                        String name = p.getFileName() == null ? "" : p.getFileName().toString();
                        return (name.equals("SUMMARY.md") && Files.isRegularFile(p))
                                || ((name.equals("status_quo") || name.equals("shiny_future")) && Files.isDirectory(p));
                    });
        }
    }
}
