package dev.storytracker.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code generate [--stories N] [--items M] [--links-per-story K] [--seed S] OUTDIR}: writes a synthetic corpus for
 * benchmarks (see {@link CorpusGenerator}). It needs neither the database nor the HTTP port, so it runs before Quarkus
 * starts. Exits 0 when written, 1 when the folder cannot be written, 64 on a usage error.
 */
public final class GenerateCommand {

    static final int MAX_STORIES = 1_000_000;
    static final int MAX_ITEMS = 100_000;
    static final int MAX_LINKS = 100;

    private GenerateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        long[] values = {1000, 100, 5, 1};
        long[] max = {MAX_STORIES, MAX_ITEMS, MAX_LINKS, Long.MAX_VALUE};
        long[] min = {0, 1, 0, Long.MIN_VALUE};
        List<String> names = List.of("--stories", "--items", "--links-per-story", "--seed");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            int option = names.indexOf(args[i]);
            if (option < 0 && args[i].startsWith("--")) {
                err.println("Unknown option " + args[i]);
                return usage(err);
            }
            if (option < 0) {
                paths.add(args[i]);
                continue;
            }
            if (i + 1 >= args.length) {
                err.println(args[i] + " needs a value");
                return usage(err);
            }
            try {
                values[option] = Long.parseLong(args[++i]);
            } catch (NumberFormatException e) {
                err.println(names.get(option) + " must be a whole number, not '" + args[i] + "'");
                return usage(err);
            }
            if (values[option] < min[option] || values[option] > max[option]) {
                err.println(names.get(option) + " must be from " + min[option] + " to " + max[option]);
                return usage(err);
            }
        }
        if (paths.size() != 1) {
            return usage(err);
        }
        if (values[2] > values[1]) {
            err.println("--links-per-story cannot exceed --items: a story links each item at most once");
            return usage(err);
        }
        CorpusGenerator.Spec spec = new CorpusGenerator.Spec((int) values[0], (int) values[1], (int) values[2],
                values[3]);
        long start = System.nanoTime();
        try {
            int files = new CorpusGenerator(spec).write(Path.of(paths.get(0)));
            out.printf("generated %d files (%d stories, %d roadmap items, %d links) in %s in %d ms%n", files,
                    spec.stories(), spec.items(), (long) spec.stories() * spec.linksPerStory(), paths.get(0),
                    (System.nanoTime() - start) / 1_000_000);
            return 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Cannot generate into " + paths.get(0) + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println("Usage: generate [--stories N] [--items M] [--links-per-story K] [--seed S] OUTDIR");
        return 64;
    }
}
