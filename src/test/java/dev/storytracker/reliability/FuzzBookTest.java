package dev.storytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportFormat;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.Importer;
import dev.storytracker.ingest.Outcome;
import dev.storytracker.ingest.mdbook.SampleBook;

/**
 * The fixture mdBook, mangled page by page with a seeded generator (bytes cut, lines shuffled, binary and invalid
 * UTF-8 spliced in, bracket floods, deep lists, huge tables and pages), imported several times over: the importer
 * never throws, reports every page, explains every rejection, and a second run changes nothing.
 */
@QuarkusTest
class FuzzBookTest {

    static final int BOOKS = Integer.getInteger("fuzz.books", 6);

    @Inject
    Importer importer;

    @Inject
    TestData data;

    @TempDir
    Path dir;

    @Test
    void mangled_books_import_without_errors_and_idempotently() throws IOException {
        Random random = new Random(FuzzImportTest.SEED);
        List<String> failures = new ArrayList<>();
        int pages = 0;
        int mangled = 0;
        for (int book = 0; book < BOOKS; book++) {
            int number = book;
            data.reset();
            Path root = SampleBook.copyTo(dir.resolve("book-" + book));
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            }
            for (Path file : files) {
                if (random.nextInt(3) > 0) {
                    Files.write(file, mangle(Files.readAllBytes(file), random));
                    mangled++;
                }
            }
            Path stories = root.resolve("vision/submitted_stories/status_quo");
            Files.writeString(stories.resolve("alan_floods.md"), "# Alan floods\n\n" + "[".repeat(300_000));
            Files.writeString(stories.resolve("grace_nests.md"), "# Grace nests\n\n" + "> ".repeat(50_000) + "x\n"
                    + "- ".repeat(50_000) + "y\n");
            Files.writeString(root.resolve("vision/roadmap.md"), "| Deliverable | State | Progress | Owner |\n"
                    + "| --- | --- | --- | --- |\n" + "| 🔻 [x](./roadmap/x.md) | 🦀 | ▰▱ | [a] |\n".repeat(300),
                    StandardCharsets.UTF_8);
            Files.write(stories.resolve("big_page.md"), new byte[1024 * 1024 + 1]);
            Set<String> expected;
            try (Stream<Path> walk = Files.walk(root)) {
                expected = walk.filter(p -> p.toString().endsWith(".md")).map(p -> root.relativize(p).toString())
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            pages += expected.size();
            ImportReport first = assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> importer.importFolder(root, ImportFormat.MDBOOK, false));
            ImportReport second = assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> importer.importFolder(root, ImportFormat.MDBOOK, false));
            Set<String> reported = first.files().stream().map(f -> f.path().split("#")[0])
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!reported.containsAll(expected)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(reported);
                failures.add("book " + book + ": pages without an outcome: " + missing);
            }
            first.files().stream().filter(f -> f.outcome() == Outcome.REJECTED && (f.reason() == null
                    || f.reason().isBlank())).forEach(f -> failures.add("book " + number + ": " + f.path()
                            + " rejected without a reason"));
            second.files().stream().filter(f -> f.outcome() == Outcome.CREATED || f.outcome() == Outcome.UPDATED)
                    .forEach(f -> failures.add("book " + number + ": " + f.path() + " is " + f.outcome().word()
                            + " again on the second run"));
            System.out.printf("Fuzzed book %d: %s%n", book, first.summary());
        }
        System.out.printf("Fuzzed %d books, %d pages, %d mangled; failures: %d%n", BOOKS, pages, mangled,
                failures.size());
        assertEquals(List.of(), failures);
    }

    /** One of several manglings of a page's bytes. */
    private static byte[] mangle(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return switch (random.nextInt(8)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n")));
                java.util.Collections.shuffle(lines, random);
                yield String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                byte[] copy = bytes.clone();
                for (int i = 0; i < 10 && copy.length > 0; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 3 -> (text + "\n[" + "[".repeat(100_000) + "](" + "(".repeat(100_000)).getBytes(
                    StandardCharsets.UTF_8);
            case 4 -> text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            case 5 -> ("\uFEFF" + text.replace("](", "](../../../../../../etc/passwd#")).getBytes(
                    StandardCharsets.UTF_8);
            case 6 -> (text + "\n" + "### **Q?**\n".repeat(2_000) + "\n[x]: " + "y".repeat(100_000)).getBytes(
                    StandardCharsets.UTF_8);
            default -> text.replace("# ", "#".repeat(1 + random.nextInt(8)) + " ").getBytes(StandardCharsets.UTF_8);
        };
    }
}
