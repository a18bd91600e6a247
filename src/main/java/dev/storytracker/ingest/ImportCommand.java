package dev.storytracker.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code import PATH [--dry-run]}: imports a corpus folder and prints one line per file and a summary. Exits 0 when no
 * file was rejected, 2 when some were (the others are imported all the same), 64 on a usage error, 1 when the folder
 * cannot be read.
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
        List<String> paths = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.startsWith("--")) {
                err.println("Unknown option " + arg);
                return usage(err);
            } else {
                paths.add(arg);
            }
        }
        if (paths.size() != 1) {
            return usage(err);
        }
        ImportReport report;
        try {
            report = importer.importFolder(Path.of(paths.get(0)), dryRun);
        } catch (IOException e) {
            err.println("Cannot import " + paths.get(0) + ": " + e.getMessage());
            return FAILED;
        }
        for (ImportReport.FileResult file : report.files()) {
            String line = String.format("%-9s %s", file.outcome().word(), file.location());
            out.println(file.reason() == null ? line : line + "  " + file.reason());
        }
        out.println(report.summary());
        return report.hasRejections() ? REJECTIONS : OK;
    }

    private static int usage(PrintStream err) {
        err.println("Usage: import PATH [--dry-run]");
        return USAGE;
    }
}
