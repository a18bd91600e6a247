package dev.storytracker.roadmap;

import static dev.storytracker.roadmap.TestUsers.admin;
import static dev.storytracker.roadmap.TestUsers.planner;
import static dev.storytracker.roadmap.TestUsers.triager;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storytracker.TestData;

/** Planners create and edit roadmap items: the tree's rules, optimistic locking, roles and state history. */
@QuarkusTest
class RoadmapManagementApiTest {

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    @BeforeEach
    void setUp() {
        data.reset();
        users.ensure();
        data.item("goal", RoadmapLevel.GOAL, null);
        data.item("other-goal", RoadmapLevel.GOAL, null);
        data.item("initiative", RoadmapLevel.INITIATIVE, "goal");
        data.item("milestone", RoadmapLevel.MILESTONE, "initiative");
    }

    static Map<String, Object> item(String title, String level, String parent) {
        Map<String, Object> item = new HashMap<>();
        item.put("title", title);
        item.put("level", level);
        item.put("parent", parent);
        return item;
    }

    /** The item as it is now, ready to be changed and sent back. */
    static Map<String, Object> current(String slug) {
        Map<String, Object> item = new HashMap<>(given().get("/api/roadmap/" + slug).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        item.keySet().retainAll(List.of("slug", "title", "level", "parent", "state", "progress", "progressMode",
                "owners", "landing", "impact", "version"));
        return item;
    }

    static int put(String slug, Map<String, Object> item) {
        return planner().contentType(ContentType.JSON).body(item).put("/api/roadmap/" + slug).then().extract()
                .statusCode();
    }

    @Test
    void a_planner_creates_an_initiative_with_a_slug_taken_from_its_title() {
        Map<String, Object> input = item("Scoped spawn: tasks that borrow", "initiative", "goal");
        input.put("owners", List.of("Ann Example", " Bo Example "));
        input.put("landing", "https://example.org/spawn");
        input.put("impact", "Tasks can *borrow* from their scope.");
        planner().contentType(ContentType.JSON).body(input).post("/api/roadmap").then().statusCode(201)
                .header("Location", endsWith("/api/roadmap/scoped-spawn-tasks-that-borrow"))
                .body("slug", equalTo("scoped-spawn-tasks-that-borrow"))
                .body("state", equalTo("help-wanted"))
                .body("progress", equalTo(0))
                .body("progressMode", equalTo("manual"))
                .body("owners", contains("Ann Example", "Bo Example"))
                .body("ancestors", contains("goal"));
        assertEquals(1, data.count("RoadmapEvent", "e.item.slug = ?1 and e.fromState is null and e.actor = ?2",
                "scoped-spawn-tasks-that-borrow", "planner-pat"));
    }

    @Test
    void only_planners_and_admins_may_change_the_roadmap() {
        Map<String, Object> goal = item("A goal", "goal", null);
        given().contentType(ContentType.JSON).body(goal).post("/api/roadmap").then().statusCode(401);
        triager().contentType(ContentType.JSON).body(goal).post("/api/roadmap").then().statusCode(403);
        given().auth().preemptive().basic("planner-pat", "wrong").contentType(ContentType.JSON).body(goal)
                .post("/api/roadmap").then().statusCode(401);
        goal.put("slug", "by-planner");
        planner().contentType(ContentType.JSON).body(goal).post("/api/roadmap").then().statusCode(201);
        goal.put("slug", "by-admin");
        admin().contentType(ContentType.JSON).body(goal).post("/api/roadmap").then().statusCode(201);

        Map<String, Object> edit = current("goal");
        edit.put("title", "Renamed");
        given().contentType(ContentType.JSON).body(edit).put("/api/roadmap/goal").then().statusCode(401);
        triager().contentType(ContentType.JSON).body(edit).put("/api/roadmap/goal").then().statusCode(403);
        admin().contentType(ContentType.JSON).body(edit).put("/api/roadmap/goal").then().statusCode(200)
                .body("title", equalTo("Renamed"));
    }

    @Test
    void an_item_is_moved_under_another_parent_of_a_higher_level() {
        Map<String, Object> edit = current("initiative");
        edit.put("parent", "other-goal");
        assertEquals(200, put("initiative", edit));
        given().get("/api/roadmap/milestone").then().body("ancestors", contains("initiative", "other-goal"));
        given().get("/api/roadmap/goal").then().body("children.size()", equalTo(0));
    }

    @Test
    void moving_an_item_under_itself_or_below_itself_is_refused_as_a_cycle() {
        Map<String, Object> edit = current("initiative");
        edit.put("parent", "initiative");
        planner().contentType(ContentType.JSON).body(edit).put("/api/roadmap/initiative").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("parent"))
                .body("violations[0].message", equalTo("'initiative' is initiative itself: that would make a cycle"));
        edit.put("parent", "milestone");
        planner().contentType(ContentType.JSON).body(edit).put("/api/roadmap/initiative").then().statusCode(400)
                .body("violations[0].message",
                        equalTo("'milestone' is initiative or below it: that would make a cycle"));
    }

    @Test
    void a_parent_must_be_of_a_higher_level() {
        data.item("second-initiative", RoadmapLevel.INITIATIVE, "goal");
        Map<String, Object> edit = current("initiative");
        edit.put("parent", "second-initiative");
        planner().contentType(ContentType.JSON).body(edit).put("/api/roadmap/initiative").then().statusCode(400)
                .body("violations[0].message",
                        equalTo("must be a higher level than initiative, but 'second-initiative' is an initiative"));
        planner().contentType(ContentType.JSON).body(item("G", "goal", "other-goal")).post("/api/roadmap").then()
                .statusCode(400).body("violations[0].message", equalTo("must be left out: a goal has no parent"));
        planner().contentType(ContentType.JSON).body(item("I", "initiative", null)).post("/api/roadmap").then()
                .statusCode(400).body("violations[0].message", equalTo("is required for an initiative"));
        planner().contentType(ContentType.JSON).body(item("I", "initiative", "nowhere")).post("/api/roadmap").then()
                .statusCode(400).body("violations[0].message", equalTo("'nowhere' is not a roadmap item"));
    }

    @Test
    void an_item_cannot_drop_to_the_level_of_its_children() {
        Map<String, Object> edit = current("initiative");
        edit.put("level", "milestone");
        planner().contentType(ContentType.JSON).body(edit).put("/api/roadmap/initiative").then().statusCode(400)
                .body("violations.field", contains("level"))
                .body("violations[0].message",
                        equalTo("cannot become milestone while items below it are at that level or higher"));
    }

    @Test
    void an_edit_from_a_stale_version_is_refused_with_409() {
        Map<String, Object> first = current("initiative");
        Map<String, Object> second = current("initiative");
        first.put("state", "done");
        assertEquals(200, put("initiative", first));
        second.put("title", "Overwrites the state change");
        planner().contentType(ContentType.JSON).body(second).put("/api/roadmap/initiative").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("since version 0"));
        given().get("/api/roadmap/initiative").then().body("state", equalTo("done")).body("title",
                equalTo("Item initiative"));
        second.remove("version");
        planner().contentType(ContentType.JSON).body(second).put("/api/roadmap/initiative").then().statusCode(400)
                .body("violations[0].field", equalTo("version"));
    }

    @Test
    void every_state_change_is_recorded_with_who_and_from_where() {
        Map<String, Object> edit = current("initiative");
        edit.put("state", "paused");
        assertEquals(200, put("initiative", edit));
        edit = current("initiative");
        edit.put("title", "Same state, new title");
        assertEquals(200, put("initiative", edit));
        assertEquals(1, data.count("RoadmapEvent", "e.item.slug = ?1", "initiative"));
        assertEquals(1, data.count("RoadmapEvent", "e.fromState = ?1 and e.toState = ?2 and e.actor = ?3",
                RoadmapState.IN_PROGRESS, RoadmapState.PAUSED, "planner-pat"));
    }

    @Test
    void bad_fields_are_each_named() {
        Map<String, Object> input = item("", "epic", "Not A Slug");
        input.put("progress", 140);
        input.put("state", "finished");
        input.put("landing", "ftp://example.org/x");
        input.put("owners", Collections.nCopies(21, "Ann"));
        planner().contentType(ContentType.JSON).body(input).post("/api/roadmap").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("title", "level", "parent", "progress", "state",
                        "landing", "owners"));
        planner().contentType(ContentType.JSON).body(Map.of("title", "Taken", "level", "goal", "slug", "goal"))
                .post("/api/roadmap").then().statusCode(409).body("title", equalTo("Slug taken"));
    }
}
