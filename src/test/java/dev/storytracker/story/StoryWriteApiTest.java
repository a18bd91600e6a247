package dev.storytracker.story;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.storytracker.TestData;

/** Submitting a story, revising it with its edit token, and every bound and refusal on the way. */
@QuarkusTest
class StoryWriteApiTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.theme("cancellation");
        data.theme("debugging");
        data.project("youbuy");
        data.story("alan-loses-data", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(),
                List.of());
    }

    static Map<String, Object> story(String title) {
        Map<String, Object> story = new HashMap<>();
        story.put("kind", "status-quo");
        story.put("title", title);
        story.put("body", "## The story\n\nAlan drops a future and *loses* a write.");
        story.put("character", "alan");
        story.put("themes", List.of("cancellation", "debugging"));
        story.put("projects", List.of("youbuy"));
        story.put("authors", List.of("Jane Doe <jane@example.org>"));
        story.put("faq",
                List.of(Map.of("question", "What are the morals of the story?", "answer", "* Dropping cancels.")));
        return story;
    }

    private static JsonPath submit(Map<String, Object> story) {
        return given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void anonymous_writer_submits_a_story_and_gets_its_edit_token() {
        given().contentType(ContentType.JSON).body(story("Alan's cache: loses data!")).post("/api/stories")
                .then().statusCode(201)
                .header("Location", containsString("/api/stories/alan-s-cache-loses-data"))
                .body("story.slug", equalTo("alan-s-cache-loses-data"))
                .body("story.state", equalTo("submitted"))
                .body("story.source", equalTo("api"))
                .body("story.themes", contains("cancellation", "debugging"))
                .body("story.faq[0].question", equalTo("What are the morals of the story?"))
                .body("story.summary", equalTo("Alan drops a future and loses a write."))
                .body("editToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("editLink", containsString("/stories/alan-s-cache-loses-data/edit?token="));
        assertEquals(1, data.count("TriageEvent", "e.story.slug = ?1 and e.toState = ?2", "alan-s-cache-loses-data",
                StoryState.SUBMITTED));
    }

    @Test
    void an_unaccepted_story_is_hidden_from_the_public_but_shown_to_its_writer() {
        JsonPath created = submit(story("Hidden for now"));
        String slug = created.getString("story.slug");
        given().get("/api/stories/" + slug).then().statusCode(404);
        given().get("/api/stories").then().body("items.slug", not(hasItem(slug)));
        given().header("X-Edit-Token", created.getString("editToken")).get("/api/stories/" + slug).then()
                .statusCode(200).body("title", equalTo("Hidden for now"));
        given().header("X-Edit-Token", "not-the-token").get("/api/stories/" + slug).then().statusCode(404);
    }

    @Test
    void equal_titles_get_distinct_slugs() {
        String first = submit(story("Same title")).getString("story.slug");
        String second = submit(story("Same title")).getString("story.slug");
        assertEquals("same-title", first);
        assertEquals("same-title-2", second);
    }

    @Test
    void writer_revises_with_the_edit_token_and_the_version_moves_on() {
        JsonPath created = submit(story("First draft"));
        String slug = created.getString("story.slug");
        Map<String, Object> revised = story("Second draft");
        revised.put("version", created.getInt("story.version"));
        revised.put("themes", List.of("debugging"));
        given().contentType(ContentType.JSON).header("X-Edit-Token", created.getString("editToken")).body(revised)
                .put("/api/stories/" + slug).then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("title", equalTo("Second draft"))
                .body("themes", contains("debugging"))
                .body("version", equalTo(created.getInt("story.version") + 1));
    }

    @Test
    void a_wrong_or_missing_edit_token_is_refused() {
        JsonPath created = submit(story("Mine"));
        Map<String, Object> revised = story("Theirs");
        revised.put("version", 0);
        String slug = created.getString("story.slug");
        given().contentType(ContentType.JSON).header("X-Edit-Token", "guess").body(revised).put("/api/stories/" + slug)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(revised).put("/api/stories/" + slug).then().statusCode(403);
        given().contentType(ContentType.JSON).header("X-Edit-Token", created.getString("editToken")).body(revised)
                .put("/api/stories/alan-loses-data").then().statusCode(403);
    }

    @Test
    void a_revision_from_a_stale_version_is_refused_with_409() {
        JsonPath created = submit(story("Contested"));
        String slug = created.getString("story.slug");
        String token = created.getString("editToken");
        Map<String, Object> revised = story("Contested, take two");
        revised.put("version", 0);
        given().contentType(ContentType.JSON).header("X-Edit-Token", token).body(revised).put("/api/stories/" + slug)
                .then().statusCode(200);
        revised.put("title", "Contested, lost update");
        given().contentType(ContentType.JSON).header("X-Edit-Token", token).body(revised).put("/api/stories/" + slug)
                .then().statusCode(409).contentType("application/problem+json").body("title", equalTo("Edit conflict"));
        given().header("X-Edit-Token", token).get("/api/stories/" + slug).then()
                .body("title", equalTo("Contested, take two"));
    }

    @Test
    void a_revision_without_version_is_refused() {
        JsonPath created = submit(story("No version"));
        given().contentType(ContentType.JSON).header("X-Edit-Token", created.getString("editToken"))
                .body(story("No version either")).put("/api/stories/" + created.getString("story.slug"))
                .then().statusCode(400).body("violations.field", contains("version"));
    }

    @Test
    void an_accepted_story_is_no_longer_editable_through_its_link() {
        JsonPath created = submit(story("Soon accepted"));
        String slug = created.getString("story.slug");
        data.setState(slug, StoryState.ACCEPTED);
        Map<String, Object> revised = story("Too late");
        revised.put("version", created.getInt("story.version") + 1);
        given().contentType(ContentType.JSON).header("X-Edit-Token", created.getString("editToken")).body(revised)
                .put("/api/stories/" + slug).then().statusCode(409).body("detail", containsString("accepted"));
    }

    @Test
    void an_unknown_story_is_404_problem_json() {
        given().get("/api/stories/no-such-story").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not Found"))
                .body("detail", containsString("no-such-story"));
    }

    @Test
    void missing_fields_are_each_named() {
        given().contentType(ContentType.JSON).body("{}").post("/api/stories").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid input"))
                .body("violations.field", contains("body", "character", "kind", "title"));
    }

    @Test
    void the_title_may_have_200_characters_but_not_201() {
        submit(story("t".repeat(200)));
        given().contentType(ContentType.JSON).body(story("t".repeat(201))).post("/api/stories").then().statusCode(400)
                .body("violations.field", contains("title"))
                .body("violations.message", contains("must be at most 200 characters"));
    }

    @Test
    void the_body_may_have_256_kib_but_not_more() {
        Map<String, Object> story = story("Long");
        story.put("body", "a".repeat(256 * 1024));
        submit(story);
        story.put("body", "a".repeat(256 * 1024 + 1));
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(400)
                .body("violations.field", contains("body"));
        // Multi-byte text counts in bytes of UTF-8, as stored.
        story.put("body", "é".repeat(128 * 1024 + 1));
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(400)
                .body("violations.field", contains("body"));
    }

    @Test
    void a_story_may_have_20_themes_but_not_21() {
        List<String> themes = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            themes.add("theme-" + i);
        }
        themes.forEach(data::theme);
        Map<String, Object> story = story("Many themes");
        story.put("themes", themes.subList(0, 20));
        submit(story);
        story.put("themes", themes);
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(400)
                .body("violations.field", contains("themes"));
    }

    @Test
    void unknown_references_and_bad_values_are_each_named() {
        Map<String, Object> story = story("Bad refs");
        story.put("kind", "epic");
        story.put("character", "nobody");
        story.put("themes", List.of("cancellation", "Not A Slug"));
        story.put("faq", List.of(Map.of("question", "", "answer", "x")));
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(400)
                .body("violations.field", contains("faq[0].question", "kind", "themes[1]"));
        story.put("kind", "status-quo");
        story.put("themes", List.of("cancellation", "no-such-theme"));
        story.put("faq", List.of());
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(400)
                .body("violations.field", contains("character", "themes[1]"));
    }

    @Test
    void retells_must_name_status_quo_stories_and_only_from_shiny_future() {
        Map<String, Object> story = story("Retelling");
        story.put("retells", List.of("alan-loses-data"));
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(400)
                .body("violations.field", contains("retells"));
        story.put("kind", "shiny-future");
        story.put("retells", List.of("alan-loses-data", "nothing-here"));
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(400)
                .body("violations.field", contains("retells[1]"));
        story.put("retells", List.of("alan-loses-data"));
        given().contentType(ContentType.JSON).body(story).post("/api/stories").then().statusCode(201)
                .body("story.retells", contains("alan-loses-data"));
    }

    @Test
    void malformed_json_and_wrong_types_are_400_problems() {
        given().contentType(ContentType.JSON).body("{\"title\": ").post("/api/stories").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON).body("{\"themes\": {\"a\": 1}}").post("/api/stories").then()
                .statusCode(400).body("violations.field", contains("themes"));
    }

    @Test
    void an_oversized_request_is_refused_before_it_is_read() {
        String huge = "x".repeat(2 * 1024 * 1024);
        given().contentType(ContentType.JSON).body(huge).post("/api/stories").then().statusCode(413)
                .contentType("application/problem+json").body("detail", notNullValue());
    }
}
