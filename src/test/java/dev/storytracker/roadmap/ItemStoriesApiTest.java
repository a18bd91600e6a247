package dev.storytracker.roadmap;

import static dev.storytracker.roadmap.TestUsers.planner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** "Which stories motivate this item and everything under it?" on {@link PlannerData}'s known data set. */
@QuarkusTest
class ItemStoriesApiTest {

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
    void a_story_linked_to_a_milestone_appears_under_its_initiative_and_goal_once() {
        given().get("/api/roadmap/async/stories").then().statusCode(200)
                .body("item", equalTo("async"))
                .body("rollup", equalTo(true))
                .body("stories.total", equalTo(3))
                .body("stories.items.slug", contains("s3", "s2", "s1"))
                .body("stories.items.find { it.slug == 's2' }.via.item", contains("cancel", "lint"))
                .body("stories.items.find { it.slug == 's1' }.via.item", contains("lint"))
                .body("stories.items.find { it.slug == 's1' }.via[0].relation", equalTo("motivates"))
                .body("stories.items.find { it.slug == 's1' }.themes", contains("cancellation", "debugging"));
        given().get("/api/roadmap/cancel/stories").then().statusCode(200)
                .body("stories.items.slug", contains("s2", "s1"));
    }

    @Test
    void counts_per_character_and_theme_cover_all_matching_stories_not_just_the_page() {
        given().get("/api/roadmap/async/stories?size=1").then().statusCode(200)
                .body("stories.items.size()", equalTo(1))
                .body("stories.total", equalTo(3))
                .body("characters.slug", contains("alan", "grace"))
                .body("characters.stories", contains(2, 1))
                .body("themes.slug", contains("cancellation", "debugging"))
                .body("themes.stories", contains(2, 2));
        given().get("/api/roadmap/async/stories?size=2&page=2").then().body("stories.items.slug", contains("s1"));
    }

    @Test
    void without_rollup_only_direct_links_count() {
        given().get("/api/roadmap/async/stories?rollup=false").then().statusCode(200)
                .body("stories.total", equalTo(0))
                .body("stories.items", empty())
                .body("characters", empty());
        given().get("/api/roadmap/cancel/stories?rollup=false").then()
                .body("stories.items.slug", contains("s2"))
                .body("stories.items[0].via.item", contains("cancel"));
    }

    @Test
    void each_filter_narrows_the_stories_and_the_counts() {
        given().get("/api/roadmap/async/stories?kind=shiny-future").then()
                .body("stories.items.slug", contains("s3")).body("characters.slug", contains("alan"));
        given().get("/api/roadmap/async/stories?character=grace").then()
                .body("stories.items.slug", contains("s2")).body("themes.slug", contains("cancellation"));
        given().get("/api/roadmap/async/stories?theme=debugging").then()
                .body("stories.items.slug", contains("s3", "s1")).body("characters.stories", contains(2));
        given().get("/api/roadmap/async/stories?theme=debugging&kind=status-quo").then()
                .body("stories.items.slug", contains("s1"));
        planner().get("/api/roadmap/async/stories?state=submitted").then().statusCode(200)
                .body("stories.items.slug", contains("s4")).body("characters.slug", contains("niklaus"));
    }

    @Test
    void anonymous_callers_see_accepted_stories_only_and_the_working_group_sees_all() {
        given().get("/api/roadmap/tooling/stories").then().statusCode(200).body("stories.total", equalTo(0));
        planner().get("/api/roadmap/tooling/stories").then().statusCode(200)
                .body("stories.items.slug", contains("s4"))
                .body("stories.items[0].state", equalTo("submitted"))
                .body("stories.items[0].via.item", contains("inspector"));
        given().get("/api/roadmap/async/stories?state=submitted").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/roadmap/async/stories?state=accepted").then().statusCode(200)
                .body("stories.total", equalTo(3));
    }

    @Test
    void bad_parameters_are_named_and_unknown_items_are_404() {
        given().get("/api/roadmap/async/stories?rollup=maybe&kind=saga&size=0").then().statusCode(400)
                .body("violations.field", contains("kind", "size", "rollup"));
        given().get("/api/roadmap/nowhere/stories").then().statusCode(404);
    }

    @Test
    void a_story_shows_the_items_it_motivates_with_their_ancestors() {
        given().get("/api/stories/s2/roadmap").then().statusCode(200)
                .body("story", equalTo("s2"))
                .body("items.slug", contains("cancel", "lint"))
                .body("items[0].ancestors.slug", contains("async"))
                .body("items[1].ancestors.slug", contains("cancel", "async"))
                .body("items[1].ancestors[0].level", equalTo("initiative"))
                .body("items[1].ancestors[0].parent", equalTo("async"))
                .body("items[1].relation", equalTo("motivates"));
        given().get("/api/stories/s5/roadmap").then().statusCode(200).body("items", empty());
        given().get("/api/stories/s4/roadmap").then().statusCode(404);
        planner().get("/api/stories/s4/roadmap").then().statusCode(200)
                .body("items.slug", contains("inspector", "lint"));
        given().get("/api/stories/nobody/roadmap").then().statusCode(404);
    }
}
