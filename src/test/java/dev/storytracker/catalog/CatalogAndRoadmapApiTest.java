package dev.storytracker.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/** The catalogue lists with their accepted-story counts, the roadmap tree, and one roadmap item. */
@QuarkusTest
class CatalogAndRoadmapApiTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.character("barbara");
        data.theme("cancellation");
        data.project("youbuy");
        data.item("goal", RoadmapLevel.GOAL, null);
        data.item("initiative", RoadmapLevel.INITIATIVE, "goal");
        data.item("milestone", RoadmapLevel.MILESTONE, "initiative");
        data.item("other-goal", RoadmapLevel.GOAL, null);
        data.story("a1", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation"), List.of("youbuy"),
                List.of("milestone", "initiative"));
        data.story("a2", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation"), List.of(),
                List.of("milestone"));
        data.story("a3", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of("cancellation"), List.of(),
                List.of("milestone"));
    }

    @Test
    void characters_are_listed_with_their_accepted_story_counts() {
        given().get("/api/characters").then().statusCode(200)
                .body("slug", contains("alan", "barbara"))
                .body("name", contains("Alan", "Barbara"))
                .body("stories", contains(2, 0));
    }

    @Test
    void themes_and_projects_are_listed_with_counts() {
        given().get("/api/themes").then().statusCode(200).body("slug", contains("cancellation"))
                .body("stories", contains(2));
        given().get("/api/projects").then().statusCode(200).body("slug", contains("youbuy"))
                .body("stories", contains(1));
        given().get("/api/themes/cancellation").then().statusCode(200).body("description",
                equalTo("About cancellation."));
    }

    @Test
    void unknown_catalogue_entries_are_404() {
        given().get("/api/characters/nobody").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("character 'nobody'"));
        given().get("/api/themes/none").then().statusCode(404);
        given().get("/api/projects/none").then().statusCode(404);
    }

    @Test
    void the_roadmap_is_a_tree_of_goals_initiatives_and_milestones() {
        given().get("/api/roadmap").then().statusCode(200)
                .body("slug", contains("goal", "other-goal"))
                .body("[0].level", equalTo("goal"))
                .body("[0].children.slug", contains("initiative"))
                .body("[0].children[0].stories", equalTo(1))
                .body("[0].children[0].children.slug", contains("milestone"))
                .body("[0].children[0].children[0].stories", equalTo(2))
                .body("[0].children[0].children[0].parent", equalTo("initiative"))
                .body("[1].children", empty());
    }

    @Test
    void one_roadmap_item_shows_its_ancestors_children_and_impact() {
        given().get("/api/roadmap/milestone").then().statusCode(200)
                .body("ancestors", contains("initiative", "goal"))
                .body("parent", equalTo("initiative"))
                .body("impact", equalTo("Impact of milestone."))
                .body("state", equalTo("in-progress"))
                .body("progress", equalTo(50))
                .body("stories", equalTo(2));
        given().get("/api/roadmap/goal").then().statusCode(200).body("children.slug", contains("initiative"))
                .body("ancestors", empty());
        given().get("/api/roadmap/nowhere").then().statusCode(404).contentType("application/problem+json");
    }
}
