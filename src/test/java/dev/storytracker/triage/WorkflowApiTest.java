package dev.storytracker.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/** The review workflow through the API: allowed and refused transitions, duplicates, concurrency, history. */
@QuarkusTest
class WorkflowApiTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.story("story", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of(), List.of(), List.of());
        data.story("original", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(), List.of());
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-test-password").contentType(ContentType.JSON);
    }

    private static int version(String slug) {
        return admin().get("/api/stories/" + slug).then().statusCode(200).extract().path("version");
    }

    private static io.restassured.response.Response move(String slug, String to, String note) {
        return admin().body(Map.of("to", to, "note", note, "version", version(slug)))
                .post("/api/stories/" + slug + "/transitions");
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @CsvSource({"idea,submitted", "idea,declined", "submitted,in-review", "submitted,declined",
            "in-review,changes-requested", "in-review,accepted", "in-review,declined", "changes-requested,in-review",
            "changes-requested,accepted", "changes-requested,declined", "accepted,in-review", "declined,in-review",
            "duplicate,in-review"})
    void every_allowed_transition_moves_the_story_and_is_recorded(String from, String to) {
        data.setState("story", dev.storytracker.SlugEnum.parse(StoryState.class, from).orElseThrow());
        move("story", to, "because " + to).then().statusCode(200).body("state", equalTo(to));
        admin().get("/api/stories/story/history").then().statusCode(200)
                .body("findAll { it.type == 'transition' }.last().from", equalTo(from))
                .body("findAll { it.type == 'transition' }.last().to", equalTo(to))
                .body("findAll { it.type == 'transition' }.last().actor", equalTo("admin"))
                .body("findAll { it.type == 'transition' }.last().note", equalTo("because " + to));
    }

    @ParameterizedTest(name = "{0} -> {1} is refused with the allowed ones listed")
    @CsvSource({"submitted,accepted,'in-review,declined,duplicate'", "idea,in-review,'submitted,declined,duplicate'",
            "accepted,declined,'in-review'", "declined,accepted,'in-review'", "in-review,submitted,"
                    + "'changes-requested,accepted,declined,duplicate'"})
    void a_disallowed_transition_is_409_listing_the_allowed_ones(String from, String to, String allowed) {
        data.setState("story", dev.storytracker.SlugEnum.parse(StoryState.class, from).orElseThrow());
        move("story", to, "no").then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Transition not allowed"))
                .body("allowed", containsInAnyOrder(allowed.split(",")));
        admin().get("/api/stories/story").then().body("state", equalTo(from));
    }

    @Test
    void an_unknown_state_or_missing_version_is_400() {
        admin().body(Map.of("to", "published", "version", 0)).post("/api/stories/story/transitions").then()
                .statusCode(400).body("violations.field", contains("to"));
        admin().body(Map.of("to", "in-review")).post("/api/stories/story/transitions").then().statusCode(400)
                .body("violations.field", contains("version"));
        admin().body(Map.of("to", "in-review", "version", 0)).post("/api/stories/nope/transitions").then()
                .statusCode(404);
    }

    @Test
    void a_duplicate_must_name_an_existing_other_story() {
        int v = version("story");
        admin().body(Map.of("to", "duplicate", "version", v)).post("/api/stories/story/transitions").then()
                .statusCode(400).body("violations.field", contains("duplicateOf"));
        admin().body(Map.of("to", "duplicate", "duplicateOf", "missing", "version", v))
                .post("/api/stories/story/transitions").then().statusCode(400)
                .body("violations[0].message", equalTo("'missing' is not a story"));
        admin().body(Map.of("to", "duplicate", "duplicateOf", "story", "version", v))
                .post("/api/stories/story/transitions").then().statusCode(400)
                .body("violations[0].message", equalTo("cannot be the story itself"));
        admin().body(Map.of("to", "duplicate", "duplicateOf", "original", "note", "same story", "version", v))
                .post("/api/stories/story/transitions").then().statusCode(200)
                .body("state", equalTo("duplicate")).body("duplicateOf", equalTo("original"));
        move("story", "in-review", "not a duplicate after all").then().statusCode(200)
                .body("duplicateOf", equalTo(null));
    }

    @Test
    void a_transition_from_a_stale_version_is_409_and_changes_nothing() {
        int v = version("story");
        admin().body(Map.of("to", "in-review", "version", v)).post("/api/stories/story/transitions").then()
                .statusCode(200);
        admin().body(Map.of("to", "declined", "version", v)).post("/api/stories/story/transitions").then()
                .statusCode(409).body("title", equalTo("Edit conflict"));
        admin().get("/api/stories/story").then().body("state", equalTo("in-review"));
    }

    @Test
    void two_triagers_deciding_at_once_one_wins_and_the_other_gets_409() throws Exception {
        int v = version("story");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String to : List.of("in-review", "declined")) {
                Callable<Integer> decide = () -> {
                    start.await();
                    return admin().body(Map.of("to", to, "note", "decided " + to, "version", v))
                            .post("/api/stories/story/transitions").statusCode();
                };
                answers.add(pool.submit(decide));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, data.count("TriageEvent", "e.story.slug = ?1 and e.fromState = ?2", "story",
                StoryState.SUBMITTED));
    }

    @Test
    void the_history_lists_transitions_and_comments_in_time_order() {
        move("story", "in-review", "looks promising").then().statusCode(200);
        admin().body(Map.of("body", "Could you add the **error message**?", "toWriter", true))
                .post("/api/stories/story/comments").then().statusCode(201).body("type", equalTo("comment"));
        move("story", "changes-requested", "needs the error").then().statusCode(200);
        admin().body(Map.of("body", "Internal note", "toWriter", false)).post("/api/stories/story/comments").then()
                .statusCode(201);
        admin().get("/api/stories/story/history").then().statusCode(200)
                .body("type", contains("transition", "comment", "transition", "comment"))
                .body("[0].to", equalTo("in-review"))
                .body("[1].body", equalTo("Could you add the **error message**?"))
                .body("[1].toWriter", equalTo(true))
                .body("[2].to", equalTo("changes-requested"))
                .body("[3].toWriter", equalTo(false));
    }

    @Test
    void a_story_is_assigned_to_an_active_triager_only() {
        data.user("tina", "triager");
        data.user("pat", "planner");
        admin().body(Map.of("assignee", "tina", "version", version("story"))).put("/api/stories/story/assignee")
                .then().statusCode(200);
        admin().body(Map.of("assignee", "pat", "version", version("story"))).put("/api/stories/story/assignee")
                .then().statusCode(400).body("violations.field", contains("assignee"));
        admin().body(Map.of("assignee", "tina", "version", 0)).put("/api/stories/story/assignee").then()
                .statusCode(409);
    }

    @Test
    void duplicate_hints_rank_stories_with_the_same_title_words_first() {
        data.story("alan-cancels-a-stream", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(),
                List.of());
        data.story("grace-cancels-a-stream", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of(),
                List.of(), List.of());
        data.story("barbara-writes-docs", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(),
                List.of());
        data.setTitle("alan-cancels-a-stream", "Alan cancels a stream");
        data.setTitle("grace-cancels-a-stream", "Grace cancels a stream too");
        data.setTitle("barbara-writes-docs", "Barbara writes docs");
        data.setTitle("story", "Niklaus learns");
        data.setTitle("original", "Grace measures");
        admin().get("/api/stories/grace-cancels-a-stream/similar").then().statusCode(200)
                .body("[0].slug", equalTo("alan-cancels-a-stream"))
                .body("slug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("barbara-writes-docs")));
    }
}
