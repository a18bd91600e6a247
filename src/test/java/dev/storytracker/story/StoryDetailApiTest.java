package dev.storytracker.story;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.roadmap.LinkRelation;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.StoryLink;

/**
 * GET /api/stories/{slug} reads a story's row and then all its lists at once (one union on PostgreSQL, one select
 * per list on H2): every list must come back whole, in the order the story shows it, and not mixed with another
 * story's.
 */
@QuarkusTest
class StoryDetailApiTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.theme("debugging");
        data.theme("cancellation");
        data.theme("async-drop");
        data.project("youbuy");
        data.project("barbara-bot");
        data.item("zeta-goal", RoadmapLevel.GOAL, null);
        data.item("alpha-initiative", RoadmapLevel.INITIATIVE, "zeta-goal");
        data.story("the-saga", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan",
                List.of("debugging", "cancellation", "async-drop"), List.of("youbuy", "barbara-bot"),
                List.of("zeta-goal", "alpha-initiative"));
        data.story("older-tale", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of(),
                List.of());
        data.story("b-retelling", StoryKind.SHINY_FUTURE, StoryState.ACCEPTED, "alan", List.of("debugging"),
                List.of(), List.of());
        data.story("a-retelling", StoryKind.SHINY_FUTURE, StoryState.ACCEPTED, "alan", List.of("debugging"),
                List.of(), List.of());
        data.story("chapter-two", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of(),
                List.of());
        data.story("chapter-one", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of(),
                List.of());
        data.story("a-copy", StoryKind.STATUS_QUO, StoryState.DUPLICATE, "alan", List.of("debugging"), List.of(),
                List.of());
        QuarkusTransaction.requiringNew().run(StoryDetailApiTest::fillLists);
    }

    private static void fillLists() {
        Story saga = Story.findBySlug("the-saga").orElseThrow();
        saga.authors.addAll(List.of("Zed Last <zed@example.org>", "Ann First <ann@example.org>"));
        saga.faq.add(new FaqEntry("Why does it hang?", "Because the *waker* was dropped."));
        saga.faq.add(new FaqEntry("And after?", "It is fixed."));
        saga.flags.addAll(List.of("second flag, first written", "first flag"));
        saga.retells.add(Story.findBySlug("older-tale").orElseThrow());
        for (String retelling : List.of("b-retelling", "a-retelling")) {
            Story.findBySlug(retelling).orElseThrow().retells.add(saga);
        }
        for (String chapter : List.of("chapter-two", "chapter-one")) {
            Story.findBySlug(chapter).orElseThrow().series = saga;
        }
        Story.findBySlug("a-copy").orElseThrow().duplicateOf = saga;
        StoryLink.<StoryLink>list("story", saga).stream().filter(l -> l.item.slug.equals("alpha-initiative"))
                .forEach(l -> {
                    l.relation = LinkRelation.ILLUSTRATES;
                    l.note = "shows the fix";
                });
    }

    @Test
    void every_list_of_the_story_comes_back_whole_and_in_order() {
        given().get("/api/stories/the-saga").then().statusCode(200)
                .body("slug", equalTo("the-saga"))
                .body("themes", contains("async-drop", "cancellation", "debugging"))
                .body("projects", contains("barbara-bot", "youbuy"))
                .body("authors", contains("Zed Last <zed@example.org>", "Ann First <ann@example.org>"))
                .body("roadmap", contains("alpha-initiative", "zeta-goal"))
                .body("links.item", contains("alpha-initiative", "zeta-goal"))
                .body("links.title", contains("Item alpha-initiative", "Item zeta-goal"))
                .body("links.relation", contains("illustrates", "motivates"))
                .body("links.note", contains("shows the fix", null))
                .body("retells", contains("older-tale"))
                .body("retoldBy", contains("a-retelling", "b-retelling"))
                .body("chapters", contains("chapter-one", "chapter-two"))
                .body("flags", contains("second flag, first written", "first flag"))
                .body("faq.question", contains("Why does it hang?", "And after?"))
                .body("faq.answer", contains("Because the *waker* was dropped.", "It is fixed."))
                .body("series", nullValue())
                .body("duplicateOf", nullValue());
    }

    @Test
    void a_story_with_empty_lists_has_empty_lists_and_its_own_references() {
        given().get("/api/stories/chapter-one").then().statusCode(200)
                .body("themes", contains("debugging"))
                .body("projects", empty()).body("authors", empty()).body("roadmap", empty())
                .body("links", empty()).body("retells", empty()).body("retoldBy", empty())
                .body("chapters", empty()).body("flags", empty()).body("faq", empty())
                .body("series", equalTo("the-saga"));
        data.user("detail-triager", "triager");
        given().auth().preemptive().basic("detail-triager", "password-detail-triager").get("/api/stories/a-copy").then()
                .statusCode(200)
                .body("duplicateOf", equalTo("the-saga")).body("state", equalTo("duplicate"));
    }

    @Test
    void a_story_outside_the_accepted_ones_stays_hidden_from_readers() {
        given().get("/api/stories/a-copy").then().statusCode(404);
        given().get("/api/stories/no-such-story").then().statusCode(404);
    }
}
