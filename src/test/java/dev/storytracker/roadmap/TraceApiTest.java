package dev.storytracker.roadmap;

import static dev.storytracker.roadmap.TestUsers.planner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The traceability matrix and its list form, counted exactly on {@link PlannerData}'s known data set. */
@QuarkusTest
class TraceApiTest {

    @Inject
    PlannerData planning;

    @Inject
    TestUsers users;

    @BeforeEach
    void setUp() {
        planning.build();
        users.ensure();
    }

    @Test
    void the_matrix_counts_distinct_stories_per_item_and_everything_below_it() {
        JsonPath trace = given().get("/api/trace").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("alan", "grace", "niklaus"), trace.getList("characters"));
        assertEquals(List.of("cancellation", "debugging", "ecosystem"), trace.getList("themes"));
        assertEquals(List.of("status-quo", "shiny-future"), trace.getList("kinds"));
        assertEquals(List.of("async", "cancel", "lint", "traits", "empty-goal", "tooling", "inspector"),
                trace.getList("rows.items.item"));
        assertEquals(List.of(3, 2, 2, 1, 0, 0, 0), trace.getList("rows.items.stories"));
        assertEquals(Map.of("alan", 2, "grace", 1), trace.getMap("rows.items[0].characters"));
        assertEquals(Map.of("cancellation", 2, "debugging", 2), trace.getMap("rows.items[0].themes"));
        assertEquals(Map.of("status-quo", 2, "shiny-future", 1), trace.getMap("rows.items[0].kinds"));
        assertEquals(Map.of("alan", 1, "grace", 1), trace.getMap("rows.items[2].characters"));
        assertEquals(Map.of("cancellation", 2, "debugging", 1), trace.getMap("rows.items[2].themes"));
        assertEquals(Map.of("debugging", 1), trace.getMap("rows.items[3].themes"));
        assertEquals(Map.of(), trace.getMap("rows.items[5].characters"));
    }

    @Test
    void the_working_group_counts_every_state_and_may_name_one() {
        JsonPath trace = planner().get("/api/trace").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(4, 3, 3, 1, 0, 1, 1), trace.getList("rows.items.stories"));
        assertEquals(Map.of("alan", 1, "grace", 1, "niklaus", 1), trace.getMap("rows.items[2].characters"));
        planner().get("/api/trace?state=submitted&size=3&page=2").then().statusCode(200)
                .body("rows.total", equalTo(7))
                .body("rows.items.item", contains("traits", "empty-goal", "tooling"))
                .body("rows.items.stories", contains(0, 0, 1));
        given().get("/api/trace?state=submitted").then().statusCode(403);
    }

    @Test
    void without_rollup_the_matrix_counts_direct_links_only() {
        given().get("/api/trace?rollup=false").then().statusCode(200)
                .body("rows.items.stories", contains(0, 1, 2, 1, 0, 0, 0))
                .body("rows.items[1].characters", equalTo(Map.of("grace", 1)))
                .body("rows.items[0].kinds", anEmptyMap());
    }

    @Test
    void the_list_form_has_one_row_per_link_by_item_then_story() {
        planning.setNote("s1", "lint", "Select drops the write.");
        given().get("/api/trace/links").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.collect { it.item + '/' + it.story }",
                        contains("cancel/s2", "lint/s1", "lint/s2", "traits/s3"))
                .body("items[1].note", equalTo("Select drops the write."))
                .body("items[1].relation", equalTo("motivates"))
                .body("items[1].character", equalTo("alan"))
                .body("items[1].state", equalTo("accepted"));
        planner().get("/api/trace/links?size=2&page=3").then().body("total", equalTo(6))
                .body("items.collect { it.item + '/' + it.story }", contains("lint/s4", "traits/s3"));
    }
}
