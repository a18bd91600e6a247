package dev.storytracker.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.account.User;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryState;
import dev.storytracker.triage.TriageEvent;

/**
 * Two people changing the same story from the same version at the same instant, round after round: exactly one
 * change lands, the other is refused with a 409 problem document, the history holds the winner's event only, and
 * the loser's retry with the new version goes through.
 */
@QuarkusTest
class ConcurrentTriageTest {

    static final int ROUNDS = 20;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        // Cheap hashes (bcrypt cost 4) for the racing triagers: checking a cost-10 hash takes long enough on a busy
        // machine to pull the two requests apart, and the point is that they reach the database together.
        QuarkusTransaction.requiringNew().run(() -> {
            for (String name : List.of("tess", "theo")) {
                User user = new User();
                user.username = name;
                user.roles = "triager";
                user.passwordHash = BcryptUtil.bcryptHash("password-" + name, 4);
                user.persist();
            }
        });
    }

    record Answer(String who, int status, String contentType, JsonPath json) {
    }

    @Test
    void two_triagers_moving_one_story_from_the_same_version_one_wins_the_other_gets_409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, String> story = submit("Race " + round);
            String slug = story.get("slug");
            int version = setState(slug, StoryState.CHANGES_REQUESTED);
            List<Answer> answers = ConcurrentRequests.all(List.of(
                    transition("tess", slug, "in-review", version, "tess in round " + round),
                    transition("theo", slug, "accepted", version, "theo in round " + round)));
            Answer winner = oneWinner(answers, round);
            Answer loser = answers.get(answers.get(0) == winner ? 1 : 0);
            List<String> events = transitionsAfter(slug);
            assertEquals(List.of(winner.who() + " -> " + winner.json().getString("state")), events, "round " + round);
            assertEquals(version + 1, winner.json().getInt("version"));
            // The loser reloads and decides again on the new version: the workflow allows either order.
            String retryTo = loser.who().equals("tess") ? "in-review" : "accepted";
            triager(loser.who()).body(Map.of("to", retryTo, "version", version + 1))
                    .post("/api/stories/" + slug + "/transitions").then().statusCode(200);
            assertEquals(2, transitionsAfter(slug).size());
        }
    }

    @Test
    void a_triager_and_the_writer_changing_one_story_from_the_same_version_one_wins_the_other_gets_409()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, String> story = submit("Writer race " + round);
            String slug = story.get("slug");
            int version = setState(slug, StoryState.IN_REVIEW);
            List<Answer> answers = ConcurrentRequests.all(List.of(
                    transition("tess", slug, "changes-requested", version, "tess in round " + round),
                    revise(slug, story.get("token"), "Revised in round " + round, version)));
            Answer winner = oneWinner(answers, round);
            List<String> events = transitionsAfter(slug);
            JsonPath now = triager("tess").get("/api/stories/" + slug).then().statusCode(200).extract().jsonPath();
            if (winner.who().equals("writer")) {
                assertEquals(0, events.size(), "round " + round + ": " + events);
                assertEquals("in-review", now.getString("state"));
                assertEquals("Revised in round " + round, now.getString("title"));
                triager("tess").body(Map.of("to", "changes-requested", "version", version + 1))
                        .post("/api/stories/" + slug + "/transitions").then().statusCode(200);
            } else {
                assertEquals(1, events.size(), "round " + round + ": " + events);
                assertEquals("changes-requested", now.getString("state"));
                assertEquals("Writer race " + round, now.getString("title"));
                assertEquals(200,
                        revise(slug, story.get("token"), "Revised in round " + round, version + 1).call().status());
            }
            JsonPath after = triager("tess").get("/api/stories/" + slug).then().extract().jsonPath();
            assertEquals("changes-requested", after.getString("state"), "round " + round);
            assertEquals("Revised in round " + round, after.getString("title"), "round " + round);
            assertEquals(version + 2, after.getInt("version"));
        }
    }

    private static Answer oneWinner(List<Answer> answers, int round) {
        List<Answer> won = answers.stream().filter(a -> a.status() == 200).toList();
        List<Answer> refused = answers.stream().filter(a -> a.status() == 409).toList();
        assertEquals(1, won.size(), () -> "round " + round + ": " + answers);
        assertEquals(1, refused.size(), () -> "round " + round + ": " + answers);
        Answer loser = refused.get(0);
        assertTrue(loser.contentType().startsWith("application/problem+json"), loser.contentType());
        assertEquals("Edit conflict", loser.json().getString("title"));
        assertEquals(409, loser.json().getInt("status"));
        assertTrue(loser.json().getString("detail").contains("Reload"), loser.json().getString("detail"));
        return won.get(0);
    }

    private Callable<Answer> transition(String who, String slug, String to, int version, String note) {
        return () -> answer(who, triager(who).body(Map.of("to", to, "note", note, "version", version))
                .post("/api/stories/" + slug + "/transitions"));
    }

    private Callable<Answer> revise(String slug, String token, String title, int version) {
        Map<String, Object> input = story(title);
        input.put("version", version);
        return () -> answer("writer", given().contentType(ContentType.JSON).header("X-Edit-Token", token).body(input)
                .put("/api/stories/" + slug));
    }

    private static Answer answer(String who, Response response) {
        return new Answer(who, response.statusCode(), String.valueOf(response.contentType()), response.jsonPath());
    }

    /** The transitions of a story after its submission, as "actor -> state", read from the database. */
    private static List<String> transitionsAfter(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> TriageEvent
                .forStory(Story.findBySlug(slug).orElseThrow()).stream().filter(e -> e.fromState != null)
                .map(e -> e.actor + " -> " + e.toState.slug()).toList());
    }

    /** Puts a story in a state directly (the set-up of a round, not under test); returns its new version. */
    private static int setState(String slug, StoryState state) {
        QuarkusTransaction.requiringNew().run(() -> Story.findBySlug(slug).orElseThrow().state = state);
        return QuarkusTransaction.requiringNew().call(() -> Story.findBySlug(slug).orElseThrow().version);
    }

    private Map<String, String> submit(String title) {
        JsonPath created = given().contentType(ContentType.JSON).body(story(title)).post("/api/stories").then()
                .statusCode(201).extract().jsonPath();
        return Map.of("slug", created.getString("story.slug"), "token", created.getString("editToken"));
    }

    private static Map<String, Object> story(String title) {
        Map<String, Object> story = new HashMap<>();
        story.put("kind", "status-quo");
        story.put("title", title);
        story.put("body", "## The story\n\nTwo people press the button at once.");
        story.put("character", "alan");
        return story;
    }

    private static RequestSpecification triager(String name) {
        return given().auth().preemptive().basic(name, "password-" + name).contentType(ContentType.JSON);
    }

}
