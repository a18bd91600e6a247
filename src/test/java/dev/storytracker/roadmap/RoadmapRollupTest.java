package dev.storytracker.roadmap;

import static dev.storytracker.roadmap.RoadmapManagementApiTest.current;
import static dev.storytracker.roadmap.RoadmapManagementApiTest.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.ingest.Importer;

/** A parent's progress rolled up from its children stays current through edits, moves and imports. */
@QuarkusTest
class RoadmapRollupTest {

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    @Inject
    Importer importer;

    @BeforeEach
    void setUp() {
        data.reset();
        users.ensure();
        data.item("goal", RoadmapLevel.GOAL, null);
        data.item("other-goal", RoadmapLevel.GOAL, null);
        data.item("a", RoadmapLevel.INITIATIVE, "goal");
        data.item("b", RoadmapLevel.INITIATIVE, "goal");
        data.item("m1", RoadmapLevel.MILESTONE, "a");
        data.item("m2", RoadmapLevel.MILESTONE, "a");
        setProgress("a", 20);
        setProgress("b", 60);
        setProgress("m1", 0);
        setProgress("m2", 100);
    }

    private static void setProgress(String slug, int progress) {
        Map<String, Object> edit = current(slug);
        edit.put("progress", progress);
        assertEquals(200, put(slug, edit));
    }

    private static void rollUp(String slug) {
        Map<String, Object> edit = current(slug);
        edit.put("progressMode", "rollup");
        assertEquals(200, put(slug, edit));
    }

    private static int progress(String slug) {
        return given().get("/api/roadmap/" + slug).then().statusCode(200).extract().path("progress");
    }

    @Test
    void a_rollup_parent_takes_the_rounded_mean_of_its_children() {
        rollUp("goal");
        assertEquals(40, progress("goal"));
        rollUp("a");
        assertEquals(50, progress("a"));
        assertEquals(55, progress("goal"));
        setProgress("m1", 50);
        assertEquals(75, progress("a"));
        assertEquals(68, progress("goal"));
    }

    @Test
    void progress_sent_for_a_rollup_item_is_ignored() {
        rollUp("goal");
        setProgress("goal", 99);
        given().get("/api/roadmap/goal").then().body("progress", equalTo(40)).body("progressMode",
                equalTo("rollup"));
    }

    @Test
    void moving_a_child_away_recomputes_both_parents() {
        rollUp("goal");
        rollUp("other-goal");
        Map<String, Object> edit = current("b");
        edit.put("parent", "other-goal");
        assertEquals(200, put("b", edit));
        assertEquals(20, progress("goal"));
        assertEquals(60, progress("other-goal"));
    }

    @Test
    void an_import_that_changes_a_child_updates_the_rollup_and_records_the_state_change(@TempDir Path dir)
            throws IOException {
        rollUp("goal");
        Files.createDirectories(dir.resolve("roadmap"));
        Files.writeString(dir.resolve("roadmap/b.md"),
                "---\ntitle: B\nlevel: initiative\nparent: goal\nstate: done\n---\nDone now.\n");
        importer.importFolder(dir, false);
        assertEquals(100, progress("b"));
        assertEquals(60, progress("goal"));
        assertEquals(1, data.count("RoadmapEvent", "e.item.slug = ?1 and e.fromState = ?2 and e.toState = ?3"
                + " and e.actor = ?4", "b", RoadmapState.IN_PROGRESS, RoadmapState.DONE, "import"));
        importer.importFolder(dir, false);
        assertEquals(1, data.count("RoadmapEvent", "e.item.slug = ?1", "b"));
    }
}
