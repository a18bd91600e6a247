package dev.storytracker.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.Importer;

/**
 * Several imports of one folder at the same time, and an import alongside writers submitting through the API, end in
 * the same database as one import alone: no lost file, no doubled story, link or event, no run that crashes.
 */
@QuarkusTest
class ConcurrentImportTest {

    static final int FILES = 200;
    static final int RUNS = 4;

    @Inject
    TestData data;

    @Inject
    Importer importer;

    @Inject
    DataSource dataSource;

    @TempDir
    Path corpus;

    @BeforeEach
    void setUp() throws Exception {
        data.reset();
        CrashCorpus.write(corpus, FILES);
    }

    @Test
    void four_imports_of_one_folder_at_once_give_the_database_of_one_import() throws Exception {
        List<String> alone = dumpOfOneImport();
        data.reset();

        List<Callable<ImportReport>> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(() -> importer.importFolder(corpus, false));
        }
        List<ImportReport> reports = ConcurrentRequests.all(runs);

        for (ImportReport report : reports) {
            assertEquals(FILES, report.files().size(), report.summary());
        }
        assertEquals(alone, dump());
        // Every file landed once: a second import finds nothing to do.
        ImportReport again = importer.importFolder(corpus, false);
        assertTrue(again.summary().contains(FILES + " unchanged"), again.summary());
        assertEquals(alone, dump());
    }

    @Test
    void an_import_alongside_a_burst_of_api_submissions_loses_neither() throws Exception {
        List<String> alone = dumpOfOneImport();
        data.reset();

        List<Callable<Object>> calls = new ArrayList<>();
        calls.add(() -> importer.importFolder(corpus, false));
        for (int i = 0; i < 20; i++) {
            int n = i;
            calls.add(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "status-quo", "title", "Submitted while importing " + n, "body",
                            "Written during the import.", "character", "alan", "themes", List.of("theme-1")))
                    .post("/api/stories").statusCode());
        }
        List<Object> results = ConcurrentRequests.all(calls);

        // A submission that came before the import had written the character is refused (400), never half-stored.
        long created = results.stream().skip(1).filter(r -> r.equals(201)).count();
        assertTrue(results.stream().skip(1).allMatch(r -> r.equals(201) || r.equals(400)), results.toString());
        assertEquals(FILES - CrashCorpus.CATALOG_AND_ROADMAP + created, data.count("Story"));
        List<String> withoutSubmissions = dump().stream()
                .filter(line -> !line.contains("submitted-while-importing")).toList();
        assertEquals(alone, withoutSubmissions);
    }

    private List<String> dumpOfOneImport() throws Exception {
        ImportReport report = importer.importFolder(corpus, false);
        assertTrue(report.summary().contains(FILES + " created"), report.summary());
        return dump();
    }

    private List<String> dump() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return BackupDump.of(connection, BackupDump.Times.DROPPED);
        }
    }
}
