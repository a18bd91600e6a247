package dev.storytracker.publish;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * {@code export --format FORMAT OUTDIR}: writes the database out in one of the {@link Exporter} formats. Exits 0 on
 * success, 1 when writing fails, 64 on a usage error.
 */
@ApplicationScoped
public class ExportCommand {

    @Inject
    @Any
    Instance<Exporter> exporters;

    public int run(String[] args, PrintStream out, PrintStream err) {
        String format = null;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--format") && i + 1 < args.length) {
                format = args[++i];
            } else if (args[i].startsWith("--format=")) {
                format = args[i].substring("--format=".length());
            } else if (args[i].startsWith("--")) {
                err.println("Unknown option " + args[i]);
                return usage(err);
            } else {
                paths.add(args[i]);
            }
        }
        if (format == null || paths.size() != 1) {
            return usage(err);
        }
        String wanted = format;
        Exporter exporter = exporters.stream().filter(e -> e.format().equals(wanted)).findFirst().orElse(null);
        if (exporter == null) {
            err.println("Unknown format '" + format + "'. Formats: " + formats());
            return 64;
        }
        try {
            Exporter.ExportReport report = exporter.export(Path.of(paths.get(0)));
            report.files().forEach(out::println);
            out.println(report.summary());
            return 0;
        } catch (IOException e) {
            err.println("Cannot export to " + paths.get(0) + ": " + e.getMessage());
            return 1;
        }
    }

    private String formats() {
        return exporters.stream().map(Exporter::format).sorted().collect(Collectors.joining(", "));
    }

    private int usage(PrintStream err) {
        err.println("Usage: export --format FORMAT OUTDIR   (formats: " + formats() + ")");
        return 64;
    }
}
