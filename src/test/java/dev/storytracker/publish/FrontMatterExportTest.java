package dev.storytracker.publish;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.Importer;
import dev.storytracker.ingest.Outcome;
import dev.storytracker.ingest.mdbook.SampleBook;

/**
 * The front-matter export read back into an empty database gives the same data, compared through the JSON API rather
 * than through the exported files: every story with every field, the roadmap and the catalogue.
 */
@QuarkusTest
class FrontMatterExportTest {

    @Inject
    Importer importer;

    @Inject
    FrontMatterExporter exporter;

    @Inject
    TestData data;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-test-password");
    }

    /** Everything the API shows, without what differs by nature between two imports (times, versions, origin). */
    private static Map<String, Object> snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String catalog : List.of("characters", "themes", "projects")) {
            all.put(catalog, admin().get("/api/" + catalog).then().statusCode(200).extract().jsonPath().getList("$"));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String slug : admin().get("/api/roadmap").then().extract().jsonPath().<String>getList("findAll { true }"
                + ".collectMany { [it.slug] + it.children.collectMany { c -> [c.slug] + c.children.slug } }")) {
            items.add(withoutVolatile(admin().get("/api/roadmap/" + slug).then().statusCode(200).extract().jsonPath()
                    .getMap("$")));
        }
        all.put("roadmap", items);
        all.put("tree", admin().get("/api/roadmap").then().extract().jsonPath().getList("$"));
        List<Map<String, Object>> stories = new ArrayList<>();
        for (String slug : admin().get("/api/stories?size=200").then().extract().jsonPath()
                .<String>getList("items.slug").stream().sorted().toList()) {
            stories.add(withoutVolatile(admin().get("/api/stories/" + slug).then().statusCode(200).extract()
                    .jsonPath().getMap("$")));
        }
        all.put("stories", stories);
        return all;
    }

    private static Map<String, Object> withoutVolatile(Map<String, Object> json) {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        List.of("createdAt", "updatedAt", "version", "source", "sourcePath").forEach(copy::remove);
        return copy;
    }

    /** A few stories beyond the book's: themes, projects, authors, a state other than accepted, notes and quotes. */
    private Path extraCorpus() throws IOException {
        Path corpus = dir.resolve("extra");
        write(corpus.resolve("themes/cancellation.md"), "---\nname: \"Cancellation: \\\"stop\\\"\"\n---\nStopping.\n");
        write(corpus.resolve("status-quo/grace-reviews-a-patch.md"), """
                ---
                title: "Grace reviews a patch: yes, really #2"
                character: grace
                themes: [cancellation]
                projects: [tidegauge]
                authors: ["Jane Doe <jane@example.org>", "Kim"]
                links:
                  - item: select-lint
                    note: "The lint would have caught it; \\"obviously\\"."
                  - item: cancel-safety
                state: in-review
                ---
                Grace reads a diff that drops a future.

                ## 🤔 Frequently Asked Questions

                ### Is this C#
                No.
                """);
        return corpus;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void exporting_and_importing_into_an_empty_database_gives_the_same_data() throws IOException {
        importer.importFolder(SampleBook.ROOT, false);
        ImportReport extra = importer.importFolder(extraCorpus(), false);
        assertFalse(extra.hasRejections(), extra.files().toString());
        Map<String, Object> before = snapshot();
        assertEquals(13, ((List<?>) before.get("stories")).size());
        assertEquals(9, ((List<?>) before.get("roadmap")).size());
        assertEquals(4, ((List<?>) before.get("characters")).size());

        Path out = dir.resolve("export");
        Exporter.ExportReport report = exporter.export(out);
        assertEquals(4 + 1 + 1 + 9 + 13, report.files().size(), report.files().toString());

        data.reset();
        ImportReport again = importer.importFolder(out, false);
        assertFalse(again.hasRejections(), again.files().toString());
        assertEquals(report.files().size(), again.count(Outcome.CREATED));
        assertEquals(before, snapshot());
    }

    @Test
    void a_story_file_carries_links_with_notes_series_flags_retellings_and_its_faq() throws IOException {
        importer.importFolder(SampleBook.ROOT, false);
        Path out = dir.resolve("export");
        exporter.export(out);
        String outage = Files.readString(out.resolve("status-quo/a-quiet-outage.md"));
        assertTrue(outage.contains("\nflags: [\"no character found: neither the file name, the title nor the text"
                + " names one\"]\n"), outage);
        assertFalse(outage.contains("character:"), outage);
        String chapter = Files.readString(out.resolve("status-quo/monday-alerts.md"));
        assertTrue(chapter.contains("\nseries: on-call-week\n"), chapter);
        String retelling = Files.readString(out.resolve("shiny-future/alan-writes-to-the-end.md"));
        assertTrue(retelling.contains("\nretells: [alan-loses-a-write-in-select, alans-timeout-never-fires]\n"),
                retelling);
        assertTrue(retelling.contains("\n## Frequently Asked Questions\n\n### What status quo stories are you"
                + " retelling?\n"), retelling);
        String linked = Files.readString(out.resolve("status-quo/alan-loses-a-write-in-select.md"));
        assertTrue(linked.contains("links:\n  - item: cancel-safety\n    relation: motivates\n    note: \"A write"
                + " vanished when a timeout won the race in Alan loses a write.\"\n"), linked);
        String goal = Files.readString(out.resolve("roadmap/cancel-safety.md"));
        assertTrue(goal.startsWith("---\ntitle: \"Cancellation you can trust\"\nlevel: goal\nstate: in-progress\n"
                + "progress: 33\nowners: [\"ana\"]\n---\n* Dropping a future"), goal);
    }

    @Test
    void the_export_refuses_a_folder_that_already_holds_files() throws IOException {
        Path out = Files.createDirectories(dir.resolve("used"));
        Files.writeString(out.resolve("old.md"), "old");
        IOException refused = assertThrows(IOException.class, () -> exporter.export(out));
        assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
    }

    @Test
    void quoting_keeps_every_character_of_free_text() {
        assertEquals("\"a \\\"b\\\" \\\\ c\\nd\\u2028e: [x] #f\"",
                FrontMatterText.quote("a \"b\" \\ c\nd\u2028e: [x] #f"));
    }
}
