package dev.storytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.ImportReport.FileResult;
import dev.storytracker.ingest.Importer;
import dev.storytracker.ingest.Outcome;

/**
 * Imports a seeded corpus of well over a thousand broken files mixed with valid ones, and checks that the importer
 * gives every file exactly the outcome it deserves (with the right reason), that the database holds exactly the valid
 * files and nothing of the rejected ones, and that a second run finds everything unchanged. Set
 * {@code -Dfuzz.seed=N} to try another corpus, {@code -Dfuzz.rounds=N} for a bigger one.
 */
@QuarkusTest
class FuzzImportTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_250_801L);
    static final int ROUNDS = Integer.getInteger("fuzz.rounds", 12);

    @Inject
    Importer importer;

    @Inject
    TestData data;

    @Inject
    FuzzDatabase database;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void every_fuzzed_file_gets_its_outcome_and_only_valid_files_reach_the_database() {
        FuzzCorpus corpus = FuzzCorpus.generate(SEED, ROUNDS);
        corpus.writeTo(dir);
        long malformed = corpus.files.stream().filter(f -> f.expected() != Outcome.CREATED).count();
        assertTrue(malformed >= 1_000, "the corpus must hold at least 1,000 malformed files, not " + malformed);

        long started = System.nanoTime();
        ImportReport first = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> importer.importFolder(dir, false));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        List<String> failures = new ArrayList<>(outcomeFailures(corpus, first, false));
        failures.addAll(database.differences(corpus));

        started = System.nanoTime();
        ImportReport second = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> importer.importFolder(dir, false));
        long secondMillis = (System.nanoTime() - started) / 1_000_000;
        failures.addAll(outcomeFailures(corpus, second, true));
        failures.addAll(database.differences(corpus));

        System.out.printf("Fuzzed import, seed %d: %d files, %d valid, %d malformed in %d categories%n", SEED,
                corpus.files.size(), corpus.files.size() - malformed, malformed, corpus.countByCategory().size());
        corpus.countByCategory().forEach((category, count) -> System.out.printf("  %5d  %s%n", count, category));
        System.out.printf("First run (%d ms): %s%nSecond run (%d ms): %s%nFailures: %d%n", firstMillis,
                first.summary(), secondMillis, second.summary(), failures.size());
        assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " failures");
    }

    /** Each file reported once, with the expected outcome and a reason matching the expected one. */
    private static List<String> outcomeFailures(FuzzCorpus corpus, ImportReport report, boolean rerun) {
        List<String> failures = new ArrayList<>();
        Map<String, List<FileResult>> byPath = report.files().stream()
                .collect(Collectors.groupingBy(FileResult::path, TreeMap::new, Collectors.toList()));
        for (FuzzCorpus.FuzzFile file : corpus.files) {
            List<FileResult> results = byPath.remove(file.path());
            if (file.expected() == null) {
                if (results != null) {
                    failures.add(file.path() + " is not markdown but was reported: " + results);
                }
                continue;
            }
            if (results == null || results.size() != 1) {
                failures.add(file.path() + " (" + file.category() + ") has " + (results == null ? 0 : results.size())
                        + " outcomes");
                continue;
            }
            FileResult result = results.get(0);
            Outcome expected = rerun && file.expected() == Outcome.CREATED ? Outcome.UNCHANGED : file.expected();
            if (result.outcome() != expected) {
                failures.add(file.path() + " (" + file.category() + ") is " + result.outcome().word() + ", not "
                        + expected.word() + ": " + result.reason());
            } else if (expected == Outcome.REJECTED && (result.reason() == null || result.reason().isBlank())) {
                failures.add(file.path() + " (" + file.category() + ") is rejected without a reason");
            } else if (file.reason() != null
                    && (result.reason() == null || !Pattern.compile(file.reason()).matcher(result.reason()).find())) {
                failures.add(file.path() + " (" + file.category() + ") has the reason '" + result.reason()
                        + "', expected one matching '" + file.reason() + "'");
            }
        }
        byPath.forEach((path, results) -> failures.add(path + " was reported but never generated: " + results));
        return failures;
    }
}
