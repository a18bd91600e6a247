package dev.storytracker.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.bench.CorpusGenerator;

/**
 * The importer writes files in batches, one transaction each; a bad file in a batch must cost only itself: the batch
 * is rolled back and written again file by file.
 */
@QuarkusTest
class ImporterBatchTest {

    @Inject
    Importer importer;

    @Inject
    TestData data;

    @Inject
    EntityManager em;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_bad_file_inside_a_batch_is_rejected_alone_and_leaves_nothing_behind() throws IOException {
        int stories = Importer.BATCH + Importer.BATCH / 2;
        new CorpusGenerator(new CorpusGenerator.Spec(stories, 20, 2, 3)).write(dir);
        List<Path> statusQuo;
        try (Stream<Path> files = Files.list(dir.resolve("status-quo"))) {
            statusQuo = files.sorted().toList();
        }
        String retold;
        try (Stream<Path> files = Files.list(dir.resolve("shiny-future"))) {
            retold = String.join("\n", files.map(ImporterBatchTest::read).toList());
        }
        // A file in the middle of the first batch of stories names a theme that does not exist; it is one that no
        // shiny-future story retells, so that it is the only file refused.
        Path bad = statusQuo.stream().skip(40)
                .filter(p -> !retold.contains(p.getFileName().toString().replace(".md", ""))).findFirst()
                .orElseThrow();
        String text = Files.readString(bad);
        Files.writeString(bad, text.replaceFirst("(?m)^themes: \\[", "themes: [no-such-theme, "));
        String badSlug = bad.getFileName().toString().replace(".md", "");

        ImportReport report = importer.importFolder(dir, false);

        assertEquals(1, report.count(Outcome.REJECTED), report.summary());
        ImportReport.FileResult rejected = report.files().stream().filter(f -> f.outcome() == Outcome.REJECTED)
                .findFirst().orElseThrow();
        assertEquals("status-quo/" + badSlug + ".md", rejected.path());
        assertEquals("unknown theme 'no-such-theme' in 'themes'", rejected.reason());
        assertEquals(stories - 1, count("select count(*) from story"));
        assertEquals((stories - 1) * 2L, count("select count(*) from story_link"));
        assertEquals(0, count("select count(*) from story where slug = '" + badSlug + "'"));
        assertEquals(0, count("select count(*) from story_faq f where not exists (select 1 from story s"
                + " where s.id = f.story_id)"));
        // Every story has its one import event: none was written twice when its batch was written again.
        assertEquals(stories - 1, count("select count(*) from triage_event"));

        ImportReport again = importer.importFolder(dir, false);
        assertEquals(stories - 1 + 4 + 30 + 5 + 20, again.count(Outcome.UNCHANGED), again.summary());
        assertEquals(1, again.count(Outcome.REJECTED));
    }

    @Test
    void chapters_and_duplicates_read_in_an_earlier_chunk_than_their_story_are_still_written_after_it()
            throws IOException {
        // Enough status-quo stories for two chunks of a streaming import.
        new CorpusGenerator(new CorpusGenerator.Spec(1_600, 20, 1, 11)).write(dir);
        List<Path> statusQuo;
        try (Stream<Path> files = Files.list(dir.resolve("status-quo"))) {
            statusQuo = files.sorted().toList();
        }
        assertTrue(statusQuo.size() > Importer.CHUNK, "the status-quo stories span two chunks");
        // The last file (second chunk) heads a series whose chapter is the first file (first chunk); the second file
        // repeats it.
        String head = statusQuo.get(statusQuo.size() - 1).getFileName().toString().replace(".md", "");
        Path chapter = statusQuo.get(0);
        Path duplicate = statusQuo.get(1);
        Files.writeString(chapter, Files.readString(chapter).replaceFirst("(?m)^themes: ", "series: " + head
                + "\nthemes: "));
        Files.writeString(duplicate, Files.readString(duplicate).replaceFirst("(?m)^state: \\S+",
                "state: duplicate\nduplicate-of: " + head));

        ImportReport report = importer.importFolder(dir, false);

        assertEquals(0, report.count(Outcome.REJECTED), report.summary());
        assertEquals(1_600, count("select count(*) from story"));
        String slug = chapter.getFileName().toString().replace(".md", "");
        assertEquals(1, count("select count(*) from story c join story h on h.id = c.series_id"
                + " where c.slug = '" + slug + "' and h.slug = '" + head + "'"));
        slug = duplicate.getFileName().toString().replace(".md", "");
        assertEquals(1, count("select count(*) from story d join story h on h.id = d.duplicate_of_id"
                + " where d.slug = '" + slug + "' and h.slug = '" + head + "' and d.state = 'duplicate'"));
    }
}
