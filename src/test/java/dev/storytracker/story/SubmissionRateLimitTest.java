package dev.storytracker.story;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.storytracker.TestData;

/** Past the configured number of submissions per client, the answer is 429 with Retry-After. */
@QuarkusTest
@TestProfile(SubmissionRateLimitTest.ThreeAnHour.class)
class SubmissionRateLimitTest {

    /** Three submissions per hour, so the fourth is refused. */
    public static class ThreeAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.submissions.per-window", "3", "tracker.submissions.window", "1h");
        }
    }

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
    }

    @Test
    void the_fourth_submission_in_the_window_is_refused_with_retry_after() {
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json")
                    .body(Map.of("kind", "status-quo", "title", "Story " + i, "body", "Text.", "character", "alan"))
                    .post("/api/stories").then().statusCode(201);
        }
        Response refused = given().contentType("application/json")
                .body(Map.of("kind", "status-quo", "title", "One too many", "body", "Text.", "character", "alan"))
                .post("/api/stories");
        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(3, data.count("Story"));
    }
}
