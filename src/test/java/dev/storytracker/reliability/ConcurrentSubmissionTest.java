package dev.storytracker.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.storytracker.TestData;
import dev.storytracker.web.FormSession;

/**
 * Many anonymous writers submitting at the same instant, all with the same title: every submission is stored once,
 * each under its own slug, whether it came through the JSON API or the form.
 */
@QuarkusTest
class ConcurrentSubmissionTest {

    static final int API_WRITERS = 200;
    static final int FORM_WRITERS = 20;
    static final String TITLE = "Alan races everyone";

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.theme("cancellation");
    }

    record Answer(int status, String slug, String token, String body) {
    }

    @Test
    void two_hundred_api_and_twenty_form_submissions_of_one_title_at_once_give_as_many_stories_with_distinct_slugs()
            throws Exception {
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < API_WRITERS; i++) {
            int n = i;
            calls.add(() -> {
                Response response = given().contentType(ContentType.JSON).body(story("api writer " + n))
                        .post("/api/stories");
                boolean created = response.statusCode() == 201;
                return new Answer(response.statusCode(), created ? response.jsonPath().getString("story.slug") : null,
                        created ? response.jsonPath().getString("editToken") : null, response.asString());
            });
        }
        for (int i = 0; i < FORM_WRITERS; i++) {
            int n = i;
            // Each form writer fetches the form (and its CSRF token) first; only the posts race.
            FormSession browser = new FormSession();
            browser.get("/stories/new?kind=status-quo");
            calls.add(() -> {
                Response response = browser.post("/stories", form("form writer " + n));
                String location = response.header("Location");
                String slug = response.statusCode() == 303 && location != null
                        ? location.replaceFirst(".*/stories/([^/?]+)/submitted.*", "$1")
                        : null;
                return new Answer(response.statusCode(), slug, null, response.asString());
            });
        }

        long start = System.nanoTime();
        List<Answer> answers = ConcurrentRequests.all(calls);
        System.out.printf("%d concurrent submissions answered in %d ms%n", calls.size(),
                (System.nanoTime() - start) / 1_000_000);

        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            int expected = i < API_WRITERS ? 201 : 303;
            assertEquals(expected, answer.status(), "submission " + i + " answered " + answer.body().substring(0,
                    Math.min(300, answer.body().length())));
            assertTrue(slugs.add(answer.slug()), "slug " + answer.slug() + " given twice");
        }
        assertEquals(API_WRITERS + FORM_WRITERS, slugs.size());
        assertEquals(API_WRITERS + FORM_WRITERS, data.count("Story"));
        assertEquals(API_WRITERS + FORM_WRITERS, data.count("Story", "title = ?1", TITLE));
        // One "submitted" event per story, none lost, none doubled by a retried slug.
        assertEquals(API_WRITERS + FORM_WRITERS, data.count("TriageEvent"));
        assertEquals(API_WRITERS + FORM_WRITERS, data.count("Story", "slug like 'alan-races-everyone%'"));
        for (int i = 0; i < API_WRITERS; i++) {
            Answer answer = answers.get(i);
            assertEquals("api writer " + i, given().header("X-Edit-Token", answer.token())
                    .get("/api/stories/" + answer.slug()).then().statusCode(200).extract().path("authors[0]"));
        }
    }

    private static Map<String, Object> story(String author) {
        Map<String, Object> story = new HashMap<>();
        story.put("kind", "status-quo");
        story.put("title", TITLE);
        story.put("body", "## The story\n\nEveryone presses submit at once.");
        story.put("character", "alan");
        story.put("themes", List.of("cancellation"));
        story.put("authors", List.of(author));
        return story;
    }

    private static Map<String, Object> form(String author) {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", "status-quo");
        form.put("title", TITLE);
        form.put("character", "alan");
        form.put("summary", "");
        form.put("body", "## The story\n\nEveryone presses submit at once.");
        form.put("themes", List.of("cancellation"));
        form.put("authors", author);
        form.put("action", "submit");
        return form;
    }
}
