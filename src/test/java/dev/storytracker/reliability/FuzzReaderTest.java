package dev.storytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.storytracker.ingest.CorpusReader;
import dev.storytracker.ingest.FileProblem;
import dev.storytracker.ingest.FileType;
import dev.storytracker.ingest.Outcome;

/**
 * The fuzz corpus through the file reader alone, without a database: every file is read quickly, nothing but a
 * {@link FileProblem} comes out, and a file the reader refuses is one that must be refused, for the expected reason.
 * Fast enough to try many seeds: {@code -Dfuzz.seed=N -Dfuzz.rounds=N}.
 */
class FuzzReaderTest {

    @TempDir
    Path dir;

    @Test
    void the_reader_refuses_broken_files_with_their_reason_and_never_throws_anything_else() {
        FuzzCorpus corpus = FuzzCorpus.generate(FuzzImportTest.SEED, FuzzImportTest.ROUNDS);
        corpus.writeTo(dir);
        List<String> failures = new ArrayList<>();
        long slowest = 0;
        String slowestPath = "";
        for (FuzzCorpus.FuzzFile file : corpus.files) {
            Optional<FileType> type = typeOf(file.path());
            if (type.isEmpty() || file.expected() == null || file.linkTarget() != null) {
                continue;
            }
            long started = System.nanoTime();
            String problem = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    CorpusReader.read(dir, dir.resolve(file.path()), type.get());
                    return null;
                } catch (FileProblem e) {
                    return e.getMessage();
                }
            }, file.path() + " (" + file.category() + ") took too long");
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > slowest) {
                slowest = millis;
                slowestPath = file.path() + " (" + file.category() + ")";
            }
            if (problem != null && file.expected() != Outcome.REJECTED) {
                failures.add(file.path() + " (" + file.category() + ") refused: " + problem);
            } else if (problem != null && !Pattern.compile(file.reason()).matcher(problem).find()) {
                failures.add(file.path() + " (" + file.category() + ") refused for '" + problem + "', expected '"
                        + file.reason() + "'");
            }
        }
        System.out.printf("Read %d fuzzed files; the slowest took %d ms: %s%n", corpus.files.size(), slowest,
                slowestPath);
        assertEquals(List.of(), failures);
    }

    private static Optional<FileType> typeOf(String path) {
        String[] parts = path.split("/");
        return parts.length == 2 ? FileType.ofFolder(parts[0]) : Optional.empty();
    }
}
