package dev.storytracker.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.storytracker.changes.ChangeFeed;
import dev.storytracker.ingest.mdbook.SampleBook;

/**
 * Runs the packaged tracker as a user would, {@code java -jar target/quarkus-app/quarkus-run.jar import PATH}, and
 * checks what it prints and its exit status. Uses the database of the build (a fresh H2 file, or the PostgreSQL
 * database given in test-db.url, cleaned first).
 */
class ImportCommandIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path work;

    CorpusFiles corpus;
    boolean firstLaunch;

    record Result(int exit, String out) {
    }

    @BeforeEach
    void setUp() throws IOException {
        corpus = new CorpusFiles(Files.createDirectories(work.resolve("corpus")));
        firstLaunch = true;
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String url = System.getProperty("test-db.url");
        if (url == null || url.isBlank()) {
            command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + work.resolve("db").toAbsolutePath());
        } else {
            command.add("-Dquarkus.datasource.jdbc.url=" + url);
            command.add("-Dquarkus.datasource.username=" + System.getProperty("test-db.username", "postgres"));
            if (firstLaunch) {
                command.add("-Dquarkus.flyway.clean-disabled=false");
                command.add("-Dquarkus.flyway.clean-at-start=true");
            }
        }
        firstLaunch = false;
        command.add("-Dtracker.admin.password=command-test");
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path output = work.resolve("out.txt");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command did not finish in 2 minutes");
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    @Test
    void a_clean_corpus_imports_with_exit_status_0_and_a_line_per_file() throws Exception {
        Result result = run("import", corpus.basic().root().toString());
        assertEquals(0, result.exit(), result.out());
        assertTrue(result.out().contains("created   characters/alan.md"), result.out());
        assertTrue(result.out().contains("created   shiny-future/alan-keeps-data.md"), result.out());
        assertTrue(result.out().contains("Imported 7 files: 7 created, 0 updated, 0 unchanged, 0 rejected, 0 skipped"),
                result.out());
        Result again = run("import", corpus.root().toString());
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().contains("7 unchanged"), again.out());
    }

    @Test
    void postgresql_running_instances_hear_of_what_an_import_command_wrote() throws Exception {
        String url = System.getProperty("test-db.url");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "an H2 file is opened by one process only");
        try (Connection instance = DriverManager.getConnection(url, System.getProperty("test-db.username",
                "postgres"), null)) {
            try (Statement listen = instance.createStatement()) {
                listen.execute("listen " + ChangeFeed.CHANNEL);
            }
            Result result = run("import", corpus.basic().root().toString());
            assertEquals(0, result.exit(), result.out());
            // The command has ended: what it announced is already queued here, so this returns at once.
            PGNotification[] heard = instance.unwrap(PGConnection.class).getNotifications(10_000);
            assertTrue(heard != null && heard.length > 0, "no notification from the import command");
            assertEquals(ChangeFeed.CHANNEL, heard[0].getName());
        }
    }

    @Test
    void a_rejected_file_gives_exit_status_2_and_the_others_still_land() throws Exception {
        corpus.basic().write("status-quo/broken.md", "---\ntitle: Broken\ncharacter: nobody\n---\nText.\n");
        Result result = run("import", corpus.root().toString());
        assertEquals(2, result.exit(), result.out());
        assertTrue(result.out().contains("rejected  status-quo/broken.md:3  unknown character 'nobody' in 'character'"),
                result.out());
        assertTrue(result.out().contains("7 created"), result.out());
    }

    @Test
    void a_dry_run_reports_without_writing() throws Exception {
        Result dry = run("import", corpus.basic().root().toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.out());
        assertTrue(dry.out().contains("Dry run, nothing written: 7 files: 7 created"), dry.out());
        Result real = run("import", corpus.root().toString());
        assertTrue(real.out().contains("7 created"), real.out());
    }

    @Test
    void usage_errors_and_missing_folders_have_their_own_exit_status() throws Exception {
        assertEquals(64, run("import").exit());
        Result missing = run("import", work.resolve("nowhere").toString());
        assertEquals(1, missing.exit(), missing.out());
        assertTrue(missing.out().contains("not a folder"), missing.out());
    }

    @Test
    void a_book_imports_with_every_flag_printed_under_its_file_and_a_second_run_changes_nothing() throws Exception {
        String book = SampleBook.ROOT.toAbsolutePath().toString();
        Result result = run("import", book, "--format", "mdbook");
        assertEquals(0, result.exit(), result.out());
        assertTrue(result.out().contains("created   vision/submitted_stories/status_quo/a_quiet_outage.md\n"
                + "          flagged: no character found"), result.out());
        assertTrue(result.out().contains("flagged: unknown state emoji '🛑'; imported as help-wanted"), result.out());
        assertTrue(result.out().contains("Imported 38 files: 26 created, 0 updated, 0 unchanged, 0 rejected,"
                + " 12 skipped; 12 flags in 10 files"), result.out());
        Result again = run("import", book);
        assertTrue(again.out().contains("0 created, 0 updated, 26 unchanged"), again.out());
    }

    @Test
    void the_front_matter_export_of_an_imported_book_imports_cleanly_elsewhere() throws Exception {
        run("import", SampleBook.ROOT.toAbsolutePath().toString());
        Path out = work.resolve("export");
        Result export = run("export", "--format", "frontmatter", out.toString());
        assertEquals(0, export.exit(), export.out());
        assertTrue(export.out().contains("status-quo/a-quiet-outage.md"), export.out());
        assertTrue(export.out().contains(": 4 characters, 0 themes, 1 projects, 9 roadmap items, 12 stories"),
                export.out());
        Result dry = run("import", out.toString(), "--dry-run");
        // Same data, other files: every record is rewritten from its new file, none refused.
        assertTrue(dry.out().contains("Dry run, nothing written: 26 files: 0 created, 26 updated, 0 unchanged,"
                + " 0 rejected, 0 skipped"), dry.out());
    }

    @Test
    void an_unknown_format_is_a_usage_error() throws Exception {
        Result result = run("import", work.toString(), "--format", "word");
        assertEquals(64, result.exit(), result.out());
        assertTrue(result.out().contains("Unknown format 'word'"), result.out());
    }
}
