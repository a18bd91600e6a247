package dev.storytracker.ingest.mdbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixture book under src/test/resources/mdbook/sample-book, used in place or copied for a test to change. */
public final class SampleBook {

    public static final Path ROOT = Path.of("src", "test", "resources", "mdbook", "sample-book");

    private SampleBook() {
    }

    /** A copy of the book in {@code target}, byte for byte. */
    public static Path copyTo(Path target) {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            for (Path source : paths.toList()) {
                Path copy = target.resolve(ROOT.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one passage of a page of a copied book. */
    public static void edit(Path book, String page, String from, String to) {
        try {
            Path file = book.resolve(page);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(page + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the book, relative, for tests that zip it. */
    public static List<Path> files() {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(Files::isRegularFile).map(ROOT::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
