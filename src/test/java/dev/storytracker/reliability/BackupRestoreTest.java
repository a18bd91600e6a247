package dev.storytracker.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.Importer;
import dev.storytracker.publish.FrontMatterExporter;

/**
 * The export-based backup: a database built through the API (submissions, transitions, comments and requests to the
 * writer, links with notes, a roadmap edited by planners) is exported with {@code export --format frontmatter},
 * imported into an empty database, and compared field by field, who and when included. Importing a newer export over
 * a restore adds what is new and doubles nothing.
 */
@QuarkusTest
class BackupRestoreTest {

    @Inject
    TestData data;

    @Inject
    FrontMatterExporter exporter;

    @Inject
    Importer importer;

    @Inject
    DataSource dataSource;

    @TempDir
    Path work;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.character("grace");
        data.theme("cancellation");
        data.theme("debugging");
        data.project("youbuy");
        data.user("pia", "planner");
        data.user("tess", "triager");
    }

    @Test
    void an_export_imported_into_an_empty_database_gives_back_stories_history_links_and_roadmap() throws Exception {
        buildLiveDatabase();
        List<String> live = dump();
        assertTrue(live.stream().filter(l -> l.startsWith("event")).count() >= 10, live.toString());

        Path first = work.resolve("backup-1");
        exporter.export(first);
        data.reset();
        ImportReport restore = importer.importFolder(first, false);
        assertEquals(0, restore.count(dev.storytracker.ingest.Outcome.REJECTED), restore.summary());
        assertEquals(live, dump());

        // Life goes on after the restore; a newer export imported over it adds what is new and doubles nothing.
        data.user("tess", "triager");
        String slug = "alan-cannot-cancel";
        comment(slug, "Looked again after the restore.", false);
        transition(slug, "in-review", "Reopened after the restore.");
        List<String> later = dump();
        Path second = work.resolve("backup-2");
        exporter.export(second);
        ImportReport over = importer.importFolder(second, false);
        assertEquals(0, over.count(dev.storytracker.ingest.Outcome.REJECTED), over.summary());
        assertEquals(later, dump());
        ImportReport again = importer.importFolder(second, false);
        assertTrue(again.summary().contains("0 created, 0 updated"), again.summary());
        assertEquals(later, dump());

        data.reset();
        importer.importFolder(second, false);
        assertEquals(later, dump());
        assertTrue(Files.readString(second.resolve("status-quo/" + slug + ".md")).contains("history:"));
    }

    /** Everything the API can do to stories, links and the roadmap, by three different people. */
    private void buildLiveDatabase() {
        roadmap(Map.of("slug", "scoped-tasks", "title", "Scoped tasks", "level", "goal", "state", "in-progress",
                "progress", 40, "owners", List.of("Ann Example", "Bo"), "impact", "Tasks end with their scope."));
        roadmap(Map.of("slug", "scoped-spawn", "title", "Scoped spawn", "level", "initiative", "parent",
                "scoped-tasks", "state", "help-wanted", "landing", "https://example.org/spawn", "impact",
                "Spawn tasks that *borrow*."));
        roadmap(Map.of("slug", "spawn-lint", "title", "A lint for spawn", "level", "milestone", "parent",
                "scoped-spawn", "state", "done", "progress", 100, "impact", "Done."));
        Map<String, Object> edit = new HashMap<>(Map.of("title", "Scoped spawn, renamed", "level", "initiative",
                "parent", "scoped-tasks", "state", "paused", "progress", 25, "owners", List.of("Cy"), "impact",
                "Spawn tasks that borrow, \"quoted\" and\nmultiline."));
        edit.put("version", planner().get("/api/roadmap/scoped-spawn").then().extract().path("version"));
        planner().body(edit).put("/api/roadmap/scoped-spawn").then().statusCode(200);

        submit("Alan cannot cancel", "status-quo", "alan", List.of());
        submit("Grace reads a backtrace", "status-quo", "grace", List.of());
        submit("Alan loses a write", "status-quo", "alan", List.of());
        submit("Alan cancels cleanly", "shiny-future", "alan", List.of("alan-cannot-cancel"));

        transition("alan-cannot-cancel", "in-review", "Looks promising.");
        comment("alan-cannot-cancel", "Could you say which runtime? \u00e9\u00e8 \ud83e\udd80", true);
        transition("alan-cannot-cancel", "changes-requested", "Needs the runtime.");
        comment("alan-cannot-cancel", "Internal note: **ping** the writer.\n\nSecond paragraph.", false);
        transition("alan-cannot-cancel", "accepted", null);
        transition("grace-reads-a-backtrace", "declined", "Out of scope.");
        Map<String, Object> duplicate = new HashMap<>(Map.of("to", "duplicate", "note", "Same as the first.",
                "duplicateOf", "alan-cannot-cancel"));
        duplicate.put("version", version("alan-loses-a-write"));
        triager().body(duplicate).post("/api/stories/alan-loses-a-write/transitions").then().statusCode(200);
        transition("alan-cancels-cleanly", "in-review", null);

        link("alan-cannot-cancel", "scoped-spawn", "motivates", "The main motivation.");
        link("alan-cannot-cancel", "spawn-lint", "illustrates", null);
        link("alan-cancels-cleanly", "scoped-tasks", "partially-addressed-by", "Only in part: \"scoped\".");
    }

    private void roadmap(Map<String, Object> item) {
        planner().body(item).post("/api/roadmap").then().statusCode(201);
    }

    private void submit(String title, String kind, String character, List<String> retells) {
        Map<String, Object> story = new HashMap<>();
        story.put("kind", kind);
        story.put("title", title);
        story.put("summary", "About " + title + ".");
        story.put("body", "## The story\n\n" + title + ", with `code` and <b>markup</b>.");
        story.put("character", character);
        story.put("themes", List.of("cancellation", "debugging"));
        story.put("projects", List.of("youbuy"));
        story.put("authors", List.of("Jane Doe <jane@example.org>", "John \"JR\" Roe"));
        story.put("faq", List.of(Map.of("question", "What are the morals of the story?", "answer", "* One.\n* Two."),
                Map.of("question", "Why #2?", "answer", "Because.")));
        story.put("retells", retells);
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(201);
    }

    private void transition(String slug, String to, String note) {
        Map<String, Object> input = new HashMap<>();
        input.put("to", to);
        input.put("note", note);
        input.put("version", version(slug));
        triager().body(input).post("/api/stories/" + slug + "/transitions").then().statusCode(200);
    }

    private void comment(String slug, String body, boolean toWriter) {
        triager().body(Map.of("body", body, "toWriter", toWriter)).post("/api/stories/" + slug + "/comments").then()
                .statusCode(201);
    }

    private void link(String story, String item, String relation, String note) {
        Map<String, Object> input = new HashMap<>(Map.of("story", story, "item", item, "relation", relation));
        input.put("note", note);
        planner().body(input).put("/api/links").then().statusCode(201);
    }

    private int version(String slug) {
        return triager().get("/api/stories/" + slug).then().statusCode(200).extract().path("version");
    }

    private List<String> dump() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return BackupDump.of(connection, BackupDump.Times.KEPT);
        }
    }

    private static RequestSpecification planner() {
        return given().auth().preemptive().basic("pia", "password-pia").contentType(ContentType.JSON);
    }

    private static RequestSpecification triager() {
        return given().auth().preemptive().basic("tess", "password-tess").contentType(ContentType.JSON);
    }
}
