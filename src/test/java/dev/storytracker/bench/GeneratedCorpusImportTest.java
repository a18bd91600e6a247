package dev.storytracker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.Database;
import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.Importer;
import dev.storytracker.ingest.Outcome;

/** A generated corpus is valid input: the importer takes every file of it. */
@QuarkusTest
class GeneratedCorpusImportTest {

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

    /** How often PostgreSQL has vacuumed and analyzed the story table (H2 keeps no such count). */
    private long statisticsRuns() {
        return count("select vacuum_count + analyze_count from pg_stat_user_tables where relname = 'story'");
    }

    private long vacuums() {
        return count("select vacuum_count from pg_stat_user_tables where relname = 'story'");
    }

    @Test
    void a_generated_corpus_imports_without_a_rejection() throws IOException {
        new CorpusGenerator(new CorpusGenerator.Spec(150, 40, 3, 42)).write(dir);
        long statistics = Database.H2 ? 0 : statisticsRuns();
        ImportReport report = importer.importFolder(dir, false);
        if (!Database.H2) {
            assertEquals(statistics, statisticsRuns(), "a small import leaves statistics to the database");
        }
        assertEquals(0, report.count(Outcome.REJECTED), report.summary());
        assertEquals(4 + 30 + 5 + 40 + 150, report.count(Outcome.CREATED), report.summary());
        assertEquals(150, count("select count(*) from story"));
        assertEquals(150 * 3, count("select count(*) from story_link"));
        assertTrue(count("select count(*) from story_retell") > 0, "some shiny-future stories retell others");
        assertTrue(count("select count(distinct state) from story") >= 5, "the states are mixed");
        assertEquals(40, count("select count(*) from roadmap_item"));
    }

    @Test
    void a_large_import_refreshes_the_table_statistics_so_the_next_query_is_planned_for_them() throws IOException {
        new CorpusGenerator(new CorpusGenerator.Spec(1_000, 20, 2, 7)).write(dir);
        long statistics = Database.H2 ? 0 : statisticsRuns();
        long vacuums = Database.H2 ? 0 : vacuums();
        ImportReport report = importer.importFolder(dir, false);
        assertEquals(0, report.count(Outcome.REJECTED), report.summary());
        if (Database.H2) {
            // ANALYZE measured the slugs: all distinct, so the highest selectivity (H2 assumes 50 until it looks).
            assertEquals(100, count("select selectivity from information_schema.columns"
                    + " where table_name = 'STORY' and column_name = 'SLUG'"));
        } else {
            // An ANALYZE once 1,000 files were written, then a VACUUM (ANALYZE) at the end, which counts once as a
            // vacuum and once as an analyze.
            assertEquals(vacuums + 1, vacuums());
            assertEquals(statistics + 3, statisticsRuns());
        }
    }
}
