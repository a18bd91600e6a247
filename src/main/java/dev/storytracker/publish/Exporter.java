package dev.storytracker.publish;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One output format of the {@code export} command. Each format is a CDI bean; the command picks the one whose
 * {@link #format()} the user named.
 */
public interface Exporter {

    /** The word after {@code --format}, e.g. {@code mdbook} or {@code frontmatter}. */
    String format();

    /** Writes the export into {@code outDir} (created if missing) and returns one line per file written. */
    ExportReport export(Path outDir) throws IOException;

    /** What an export wrote. */
    record ExportReport(java.util.List<String> files, String summary) {
    }
}
