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

    @Test
    void a_generated_corpus_imports_without_a_rejection() throws IOException {
        new CorpusGenerator(new CorpusGenerator.Spec(150, 40, 3, 42)).write(dir);
        ImportReport report = importer.importFolder(dir, false);
        assertEquals(0, report.count(Outcome.REJECTED), report.summary());
        assertEquals(4 + 30 + 5 + 40 + 150, report.count(Outcome.CREATED), report.summary());
        assertEquals(150, count("select count(*) from story"));
        assertEquals(150 * 3, count("select count(*) from story_link"));
        assertTrue(count("select count(*) from story_retell") > 0, "some shiny-future stories retell others");
        assertTrue(count("select count(distinct state) from story") >= 5, "the states are mixed");
        assertEquals(40, count("select count(*) from roadmap_item"));
    }
}
