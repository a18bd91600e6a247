package dev.storytracker.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.storytracker.TestData;
import dev.storytracker.account.TestUsers;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/**
 * The security headers (CSP, no MIME sniffing, no framing, no referrer to other sites) are on every kind of answer:
 * pages, API documents, the feed, static files, health, redirects, and the error answers (400, 401, 403, 404, 405,
 * 413, and the CSRF refusal).
 */
@QuarkusTest
class SecurityHeadersTest {

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    @BeforeEach
    void setUp() {
        data.reset();
        users.removeAll();
        data.character("alan");
        data.item("goal-h", RoadmapLevel.GOAL, null);
        data.story("shown", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(),
                List.of("goal-h"));
        users.createWorkingGroup();
    }

    @AfterEach
    void cleanUp() {
        data.reset();
        users.removeAll();
    }

    record Case(String name, int status, Supplier<Response> call) {
    }

    @Test
    void every_answer_carries_the_security_headers() {
        String big = "x".repeat(2 * 1024 * 1024);
        List<Case> cases = List.of(
                page("home", 200, "/"), page("story list", 200, "/stories"), page("story", 200, "/stories/shown"),
                page("form", 200, "/stories/new"), page("characters", 200, "/characters"),
                page("roadmap", 200, "/roadmap"), page("roadmap item", 200, "/roadmap/goal-h"),
                page("trace", 200, "/roadmap/goal-h/trace"), page("gaps", 200, "/gaps"),
                page("sign-in", 200, "/login"), page("redirect to sign-in", 302, "/dashboard"),
                new Case("dashboard", 200, () -> given().redirects().follow(false).accept("text/html").auth()
                        .preemptive().basic(TestUsers.TRIAGER, TestUsers.PASSWORD).get("/dashboard")),
                new Case("403 page", 403, () -> given().redirects().follow(false).accept("text/html").auth()
                        .preemptive().basic(TestUsers.TRIAGER, TestUsers.PASSWORD).get("/admin/users")),
                page("404 page", 404, "/stories/no-such-story"),
                page("400 page", 400, "/stories?page=minus-one"),
                new Case("CSRF refusal", 400, () -> given().accept("text/html")
                        .contentType("application/x-www-form-urlencoded").formParam("markdown", "x").post("/preview")),
                api("API list", 200, "/api/stories"), api("404 problem", 404, "/api/stories/no-such-story"),
                api("400 problem", 400, "/api/stories?size=100000"),
                new Case("401 problem", 401, () -> given().accept(ContentType.JSON).get("/api/dashboard")),
                new Case("403 problem", 403, () -> given().accept(ContentType.JSON).auth().preemptive()
                        .basic(TestUsers.TRIAGER, TestUsers.PASSWORD).contentType(ContentType.JSON)
                        .body("{\"slug\": \"g\", \"title\": \"G\", \"level\": \"goal\"}").post("/api/roadmap")),
                new Case("405", 405, () -> given().accept(ContentType.JSON).delete("/api/stories")),
                new Case("413 problem", 413, () -> given().accept(ContentType.JSON).contentType(ContentType.JSON)
                        .body(big).post("/api/stories")),
                new Case("400 malformed JSON", 400, () -> given().accept(ContentType.JSON)
                        .contentType(ContentType.JSON).body("{").post("/api/stories")),
                raw("feed", 200, "/feed.xml"), raw("CSV", 200, "/api/trace.csv"), raw("stylesheet", 200,
                        "/css/tracker.css"),
                raw("script", 200, "/js/tracker.js"), raw("health", 200, "/q/health"),
                raw("API description", 200, "/q/openapi"), raw("static 404", 404, "/css/no-such-file.css"));
        List<String> missing = new ArrayList<>();
        for (Case c : cases) {
            Response answer = c.call().get();
            assertEquals(c.status(), answer.statusCode(), c.name() + ": " + answer.asString());
            check(c.name(), answer, "X-Content-Type-Options", "nosniff", missing);
            check(c.name(), answer, "X-Frame-Options", "DENY", missing);
            check(c.name(), answer, "Referrer-Policy", "same-origin", missing);
            String csp = answer.header("Content-Security-Policy");
            if (csp == null || !csp.contains("default-src 'self'") || !csp.contains("script-src 'self'")
                    || !csp.contains("frame-ancestors 'none'") || !csp.contains("object-src 'none'")) {
                missing.add(c.name() + ": Content-Security-Policy is " + csp);
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        System.out.printf("Security headers: %d kinds of answer checked, all carry the four headers%n",
                cases.size());
    }

    private static void check(String name, Response answer, String header, String value, List<String> missing) {
        if (!value.equals(answer.header(header))) {
            missing.add(name + ": " + header + " is " + answer.header(header));
        }
    }

    private static Case page(String name, int status, String path) {
        return new Case(name, status, () -> given().redirects().follow(false).accept("text/html").get(path));
    }

    private static Case api(String name, int status, String path) {
        return new Case(name, status, () -> given().accept(ContentType.JSON).get(path));
    }

    private static Case raw(String name, int status, String path) {
        return new Case(name, status, () -> given().get(path));
    }
}
