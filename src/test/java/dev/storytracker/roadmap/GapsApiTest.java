package dev.storytracker.roadmap;

import static dev.storytracker.roadmap.TestUsers.planner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The three gap lists on {@link PlannerData}'s known data set, exactly. */
@QuarkusTest
class GapsApiTest {

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
    void accepted_stories_linked_to_no_item_are_unaddressed() {
        given().get("/api/gaps").then().statusCode(200)
                .body("unaddressedStories.total", equalTo(1))
                .body("unaddressedStories.items.slug", contains("s5"))
                .body("unaddressedStories.items[0].character", equalTo("niklaus"))
                .body("unaddressedStories.items[0].themes", contains("ecosystem"));
    }

    @Test
    void items_with_no_accepted_story_in_their_subtree_are_ungrounded_goals_first() {
        // inspector's only story is still submitted, so it and its goal count as ungrounded, for planners too.
        planner().get("/api/gaps").then().statusCode(200)
                .body("ungroundedItems.total", equalTo(3))
                .body("ungroundedItems.items.slug", contains("empty-goal", "tooling", "inspector"))
                .body("ungroundedItems.items[2].parent", equalTo("tooling"));
    }

    @Test
    void character_and_theme_cells_below_the_threshold_are_thin_emptiest_first() {
        JsonPath gaps = given().get("/api/gaps").then().statusCode(200).extract().jsonPath();
        assertCells(gaps, "thinCoverage.items", List.of("alan/ecosystem/0", "grace/debugging/0", "grace/ecosystem/0",
                "niklaus/cancellation/0", "niklaus/debugging/0", "alan/cancellation/1", "grace/cancellation/1",
                "niklaus/ecosystem/1"));
        assertEquals(2, gaps.getInt("thinThreshold"));
        given().get("/api/gaps/thin-coverage?threshold=1&size=2&page=3").then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.theme", contains("debugging"));
        given().get("/api/gaps/thin-coverage?threshold=3").then().body("total", equalTo(9));
    }

    @Test
    void each_list_pages_on_at_its_own_address() {
        given().get("/api/gaps?size=1").then().statusCode(200)
                .body("ungroundedItems.items.slug", contains("empty-goal"))
                .body("ungroundedItems.size", equalTo(1))
                .body("thinCoverage.total", equalTo(8));
        given().get("/api/gaps/ungrounded-items?page=2&size=2").then().statusCode(200)
                .body("items.slug", contains("inspector"));
        given().get("/api/gaps/unaddressed-stories").then().statusCode(200).body("items.slug", contains("s5"));
        given().get("/api/gaps?threshold=0").then().statusCode(400).body("violations[0].field",
                equalTo("threshold"));
    }

    private static void assertCells(JsonPath json, String path, List<String> expected) {
        List<String> cells = json.getList(path + ".collect { it.character + '/' + it.theme + '/' + it.stories }");
        assertEquals(expected, cells);
    }
}
