package dev.storytracker.ingest.mdbook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.storytracker.TestData;
import dev.storytracker.ingest.Importer;

/**
 * Every story and every roadmap item of the fixture book, checked field by field through the JSON API against what
 * the book says (the expectations are written from the book's pages, not from the importer's output).
 */
@QuarkusTest
class MdBookContentTest {

    @Inject
    Importer importer;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() throws IOException {
        data.reset();
        importer.importFolder(SampleBook.ROOT, false);
    }

    /** slug, kind, title, character, series, retells (comma-separated, sorted). */
    private static final List<String[]> STORIES = List.of(
            row("a-quiet-outage", "status-quo", "A quiet outage", null, null, ""),
            row("alan-loses-a-write-in-select", "status-quo", "Alan loses a write in select", "alan", null, ""),
            row("alans-timeout-never-fires", "status-quo", "Alan's timeout never fires", "alan", null, ""),
            row("barbara-ports-a-driver", "status-quo", "Barbara ports a driver", "barbara", null, ""),
            row("grace-reads-a-crash-dump", "status-quo", "Grace reads a crash dump", "grace", null, ""),
            row("on-call-week", "status-quo", "An on-call week", "grace", null, ""),
            row("monday-alerts", "status-quo", "Monday alerts", "grace", "on-call-week", ""),
            row("tuesday-rollback", "status-quo", "Tuesday rollback", "grace", "on-call-week", ""),
            row("the-night-shift", "status-quo", "Niklaus keeps the pager quiet", "niklaus", null, ""),
            row("alan-writes-to-the-end", "shiny-future", "Alan writes to the end", "alan", null,
                    "alan-loses-a-write-in-select,alans-timeout-never-fires"),
            row("barbara-keeps-her-driver", "shiny-future", "Barbara keeps her driver", "barbara", null,
                    "barbara-ports-a-driver"),
            row("grace-sees-every-task", "shiny-future", "Grace sees every task", "grace", null,
                    "alans-timeout-never-fires,grace-reads-a-crash-dump"));

    /** slug, level, parent, state, progress, owners (comma-separated), landing. */
    private static final List<String[]> ITEMS = List.of(
            row("cancel-safety", "goal", null, "in-progress", "33", "ana", null),
            row("select-lint", "initiative", "cancel-safety", "done", "100", "ana,Bo Lindqvist", null),
            row("cancel-safe-docs", "initiative", "cancel-safety", "help-wanted", "17", "",
                    "https://docs.example.org/cancel-safety"),
            row("scoped-tasks", "initiative", "cancel-safety", "help-wanted", "0", "", null),
            row("observability", "goal", null, "paused", "25", "carmen", null),
            row("task-dumps", "initiative", "observability", "help-wanted", "50", "carmen", null),
            row("trace-ids", "initiative", "observability", "help-wanted", "0", "", null),
            row("dump-format", "milestone", "task-dumps", "help-wanted", "0", "", null),
            row("onboarding", "goal", null, "paused", "0", "", null));

    /** item, story, note. */
    private static final List<String[]> LINKS = List.of(
            row("cancel-safety", "alan-loses-a-write-in-select",
                    "A write vanished when a timeout won the race in Alan loses a write."),
            row("select-lint", "alans-timeout-never-fires",
                    "Alan's timeout that never fires shows how easy the mistake is."),
            row("task-dumps", "grace-reads-a-crash-dump",
                    "The crash dump in Grace reads a crash dump shows nothing about tasks."),
            row("trace-ids", "on-call-week", "Requests carry one id through every task, as the on-call week needed."));

    private static String[] row(String... values) {
        return values;
    }

    private static String joined(JsonPath json, String path) {
        return String.join(",", json.getList(path, String.class));
    }

    @Test
    void every_story_has_the_kind_title_character_series_and_retellings_of_its_page() {
        assertEquals(STORIES.size(), given().get("/api/stories?size=1").then().extract().jsonPath().getInt("total"));
        for (String[] s : STORIES) {
            JsonPath json = given().get("/api/stories/" + s[0]).then().statusCode(200).extract().jsonPath();
            assertEquals(Arrays.asList(s), Arrays.asList(s[0], json.getString("kind"), json.getString("title"),
                    json.getString("character"), json.getString("series"), joined(json, "retells")), s[0]);
            assertEquals("accepted", json.getString("state"), s[0]);
            assertEquals("mdbook", json.getString("source"), s[0]);
        }
    }

    @Test
    void every_roadmap_item_has_the_level_parent_state_progress_owners_and_landing_of_its_row_or_page() {
        assertEquals(ITEMS.size(), data.count("RoadmapItem"));
        for (String[] i : ITEMS) {
            JsonPath json = given().get("/api/roadmap/" + i[0]).then().statusCode(200).extract().jsonPath();
            assertEquals(Arrays.asList(i), Arrays.asList(i[0], json.getString("level"), json.getString("parent"),
                    json.getString("state"), json.getString("progress"), joined(json, "owners"),
                    json.getString("landing")), i[0]);
        }
    }

    @Test
    void every_story_link_of_the_roadmap_pages_is_a_motivates_link_with_its_sentence() {
        assertEquals(LINKS.size(), data.count("StoryLink"));
        for (String[] l : LINKS) {
            JsonPath json = given().get("/api/stories/" + l[1]).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(Map.of("item", l[0], "relation", "motivates", "note", l[2])),
                    json.getList("links.collect { [item: it.item, relation: it.relation, note: it.note] }"), l[1]);
        }
    }
}
