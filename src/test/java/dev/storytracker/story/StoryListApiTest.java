package dev.storytracker.story;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.roadmap.RoadmapLevel;

/** Every filter and the paging bounds of GET /api/stories, on a small data set built here. */
@QuarkusTest
class StoryListApiTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.character("grace");
        data.theme("cancellation");
        data.theme("debugging");
        data.project("youbuy");
        data.item("goal", RoadmapLevel.GOAL, null);
        data.item("scoped-spawn", RoadmapLevel.INITIATIVE, "goal");
        data.story("alan-cancels", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation"),
                List.of("youbuy"), List.of("scoped-spawn"));
        data.story("alan-debugs", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of(),
                List.of());
        data.story("grace-cancels", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "grace",
                List.of("cancellation", "debugging"), List.of(), List.of("goal"));
        data.story("grace-dreams", StoryKind.SHINY_FUTURE, StoryState.ACCEPTED, "grace", List.of("cancellation"),
                List.of("youbuy"), List.of());
        data.story("grace-waits", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "grace", List.of("debugging"), List.of(),
                List.of());
        data.setBody("alan-debugs", "He attaches a debugger to the stuck Runtime and sees 100% of tasks parked.");
    }

    @Test
    void anonymous_reader_sees_accepted_stories_newest_first() {
        given().get("/api/stories").then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(1)).body("size", equalTo(20))
                .body("items.slug", contains("grace-dreams", "grace-cancels", "alan-debugs", "alan-cancels"));
    }

    @Test
    void a_list_item_carries_the_story_facts_but_not_its_text() {
        given().get("/api/stories?character=alan&theme=cancellation").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].slug", equalTo("alan-cancels"))
                .body("items[0].kind", equalTo("status-quo"))
                .body("items[0].character", equalTo("alan"))
                .body("items[0].themes", contains("cancellation"))
                .body("items[0].projects", contains("youbuy"))
                .body("items[0].roadmap", contains("scoped-spawn"))
                .body("items[0].state", equalTo("accepted"))
                .body("items[0].version", equalTo(0))
                .body("items[0].body", equalTo(null));
    }

    @Test
    void filters_by_kind() {
        given().get("/api/stories?kind=shiny-future").then().statusCode(200)
                .body("items.slug", contains("grace-dreams"));
        given().get("/api/stories?kind=status-quo").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void filters_by_character() {
        given().get("/api/stories?character=alan").then().statusCode(200)
                .body("items.slug", containsInAnyOrder("alan-cancels", "alan-debugs"));
    }

    @Test
    void filters_by_theme() {
        given().get("/api/stories?theme=debugging").then().statusCode(200)
                .body("items.slug", containsInAnyOrder("alan-debugs", "grace-cancels"));
    }

    @Test
    void filters_by_project() {
        given().get("/api/stories?project=youbuy").then().statusCode(200)
                .body("items.slug", containsInAnyOrder("alan-cancels", "grace-dreams"));
    }

    @Test
    void filters_by_roadmap_item() {
        given().get("/api/stories?roadmap=scoped-spawn").then().statusCode(200)
                .body("items.slug", contains("alan-cancels"));
    }

    @Test
    void filters_by_words_in_title_summary_or_body_ignoring_case() {
        given().get("/api/stories?q=DEBUGGER runtime").then().statusCode(200)
                .body("items.slug", contains("alan-debugs"));
        given().get("/api/stories?q=grace-dreams").then().statusCode(200)
                .body("items.slug", contains("grace-dreams"));
        given().get("/api/stories?q=100%").then().statusCode(200).body("items.slug", contains("alan-debugs"));
        given().get("/api/stories?q=_").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void combines_filters_with_and() {
        given().get("/api/stories?character=grace&theme=cancellation&kind=status-quo").then().statusCode(200)
                .body("items.slug", contains("grace-cancels"));
    }

    @Test
    void unknown_slugs_match_nothing() {
        given().get("/api/stories?theme=no-such-theme").then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
    }

    @Test
    void anonymous_reader_may_not_list_unaccepted_states() {
        given().get("/api/stories?state=submitted").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/stories?state=accepted").then().statusCode(200).body("total", equalTo(4));
    }

    @Test
    void the_working_group_filters_by_any_state() {
        given().auth().preemptive().basic("admin", "admin-test-password")
                .get("/api/stories?state=submitted").then().statusCode(200)
                .body("items.slug", contains("grace-waits"));
        given().auth().preemptive().basic("admin", "admin-test-password")
                .get("/api/stories").then().statusCode(200).body("total", equalTo(5));
    }

    @Test
    void pages_through_the_list() {
        given().get("/api/stories?size=3&page=1").then().statusCode(200)
                .body("items", hasSize(3)).body("total", equalTo(4)).body("size", equalTo(3));
        given().get("/api/stories?size=3&page=2").then().statusCode(200)
                .body("items.slug", contains("alan-cancels")).body("page", equalTo(2));
        given().get("/api/stories?size=3&page=3").then().statusCode(200).body("items", empty());
        given().get("/api/stories?size=200").then().statusCode(200).body("items", hasSize(4));
    }

    @Test
    void paging_out_of_bounds_is_refused_naming_the_parameter() {
        given().get("/api/stories?size=201").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("size"));
        given().get("/api/stories?size=0").then().statusCode(400).body("violations.field", contains("size"));
        given().get("/api/stories?page=0").then().statusCode(400).body("violations.field", contains("page"));
        given().get("/api/stories?page=x").then().statusCode(400).body("violations.field", contains("page"));
    }

    @Test
    void malformed_filters_are_refused_naming_each_parameter() {
        given().get("/api/stories?kind=epic&state=lost&theme=Not A Slug&size=999").then().statusCode(400)
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("kind", "state", "theme", "size"));
        given().get("/api/stories?q=a b c d e f g h i j k").then().statusCode(400)
                .body("violations.field", hasItem("q"));
    }
}
