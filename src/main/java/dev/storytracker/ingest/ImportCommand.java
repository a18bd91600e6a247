package dev.storytracker.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code import PATH [--dry-run] [--format frontmatter|mdbook]}: imports a corpus folder or an mdBook source and prints
 * one line per file, what it flagged, and a summary. Exits 0 when no file was rejected, 2 when some were (the others
 * are imported all the same), 64 on a usage error, 1 when the folder cannot be read.
 */
@ApplicationScoped
public class ImportCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int REJECTIONS = 2;
    public static final int USAGE = 64;

    @Inject
    Importer importer;

    public int run(String[] args, PrintStream out, PrintStream err) {
        boolean dryRun = false;
        ImportFormat format = ImportFormat.AUTO;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String formatWord = null;
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--format") && i + 1 < args.length) {
                formatWord = args[++i];
            } else if (arg.startsWith("--format=")) {
                formatWord = arg.substring("--format=".length());
            } else if (arg.startsWith("--")) {
                err.println("Unknown option " + arg);
                return usage(err);
            } else {
                paths.add(arg);
            }
            if (formatWord != null) {
                Optional<ImportFormat> parsed = ImportFormat.parse(formatWord);
                if (parsed.isEmpty()) {
                    err.println("Unknown format '" + formatWord + "'");
                    return usage(err);
                }
                format = parsed.get();
            }
        }
        if (paths.size() != 1) {
            return usage(err);
        }
        ImportReport report;
        try {
            report = importer.importFolder(Path.of(paths.get(0)), format, dryRun);
        } catch (IOException e) {
            err.println("Cannot import " + paths.get(0) + ": " + e.getMessage());
            return FAILED;
        }
        print(report, out);
        return report.hasRejections() ? REJECTIONS : OK;
    }

    /** One line per file, its flags indented below it, then the summary. */
    static void print(ImportReport report, PrintStream out) {
        for (ImportReport.FileResult file : report.files()) {
            String line = String.format("%-9s %s", file.outcome().word(), file.location());
            out.println(file.reason() == null ? line : line + "  " + file.reason());
            for (String note : file.notes()) {
                out.println("          flagged: " + note);
            }
        }
        out.println(report.summary());
    }

    private static int usage(PrintStream err) {
        err.println("Usage: import PATH [--dry-run] [--format auto|frontmatter|mdbook]");
        return USAGE;
    }
}
