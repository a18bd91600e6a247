package dev.storytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of a 10,000-file import: what landed before the kill is whole (no story without its themes,
 * FAQ, links or event), and importing the folder again finishes the job with the database an uninterrupted import
 * gives.
 */
class CrashImportIT {

    static final int FILES = 10_000;

    @TempDir
    Path work;

    @Test
    void an_import_killed_halfway_and_run_again_ends_where_an_uninterrupted_import_ends() throws Exception {
        Path corpus = work.resolve("corpus");
        int stories = CrashCorpus.write(corpus, FILES);

        // The reference: one import from start to end.
        CrashProcess reference = new CrashProcess(Files.createDirectories(work.resolve("reference")), "");
        Process whole = reference.start("import", Map.of(), "import", corpus.toString());
        assertTrue(whole.waitFor(300, TimeUnit.SECONDS), "the uninterrupted import did not finish in 5 minutes");
        assertEquals(0, whole.exitValue(), Files.readString(work.resolve("reference/import.log")));
        List<String> expected;
        try (Connection connection = reference.connect()) {
            expected = BackupDump.of(connection, BackupDump.Times.DROPPED);
            assertEquals(stories, BackupDump.count(connection, "story"));
        }

        // The same import, killed once a good part of it is in.
        CrashProcess crashed = new CrashProcess(Files.createDirectories(work.resolve("crashed")),
                ";AUTO_SERVER=TRUE");
        crashed.cleanNextLaunch();
        if (CrashProcess.onPostgres()) {
            // Both runs share the one PostgreSQL database: empty it now, or the poll below would count the
            // reference's stories before the killed import's own clean-at-start.
            try (Connection connection = crashed.connect(); Statement statement = connection.createStatement()) {
                statement.execute("drop schema public cascade");
                statement.execute("create schema public");
            }
        }
        Process killed = crashed.start("import-killed", Map.of(), "import", corpus.toString());
        // Polled every 10 ms: on PostgreSQL the whole import takes only seconds.
        long seen = waitForStories(crashed, killed, stories / 4);
        killed.destroyForcibly();
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS), "the killed import did not end");
        assertTrue(seen < stories, "the import finished before it could be killed");

        List<String> partial;
        try (Connection connection = crashed.connect()) {
            partial = BackupDump.of(connection, BackupDump.Times.DROPPED);
        }
        assertWhole(partial, expected);

        Process rerun = crashed.start("import-again", Map.of(), "import", corpus.toString());
        assertTrue(rerun.waitFor(300, TimeUnit.SECONDS), "the second import did not finish in 5 minutes");
        String out = Files.readString(work.resolve("crashed/import-again.log"));
        assertEquals(0, rerun.exitValue(), out);
        try (Connection connection = crashed.connect()) {
            assertEquals(expected, BackupDump.of(connection, BackupDump.Times.DROPPED));
        }
        System.out.printf("crash import: killed after %d of %d stories; %d lines of dump compared%n", seen, stories,
                expected.size());
    }

    /** Polls the story count until it reaches {@code atLeast}; returns the count seen. */
    private static long waitForStories(CrashProcess process, Process running, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        long count = 0;
        while (System.nanoTime() < deadline && running.isAlive()) {
            try (Connection connection = process.peek()) {
                count = BackupDump.count(connection, "story");
            } catch (SQLException notYet) {
                // The schema is not migrated yet, or the database is still being opened.
            }
            if (count >= atLeast) {
                return count;
            }
            running.waitFor(10, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the import did not reach " + atLeast + " stories in time (saw " + count + ")");
    }

    /**
     * Every line of the partial database is one the whole import has, and each story in it has all its lines (its
     * themes, FAQ and so on are in its own line; links and events in lines that start with the story's slug).
     */
    private static void assertWhole(List<String> partial, List<String> expected) {
        Set<String> complete = new HashSet<>(expected);
        List<String> foreign = partial.stream().filter(line -> !complete.contains(line)).toList();
        assertTrue(foreign.isEmpty(), "lines no complete import has: " + foreign.stream().limit(5).toList());
        Map<String, List<String>> bySlug = expected.stream().filter(l -> l.matches("(story|link|event) \\| .*"))
                .collect(Collectors.groupingBy(CrashImportIT::slugOf));
        Map<String, List<String>> partialBySlug = partial.stream().filter(l -> l.matches("(story|link|event) \\| .*"))
                .collect(Collectors.groupingBy(CrashImportIT::slugOf));
        partialBySlug.forEach((slug, lines) -> assertEquals(bySlug.get(slug), lines, "half-imported story " + slug));
    }

    private static String slugOf(String line) {
        return line.split(" \\| ", 3)[1];
    }
}
