package dev.storytracker.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/**
 * Every bounded field and list of the JSON API, and every page parameter: just at the limit is accepted, one past it is
 * refused with a 400 problem document that names the field and the limit.
 */
@QuarkusTest
class BoundsApiTest {

    static int checked;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        for (int i = 0; i <= 20; i++) {
            data.theme("theme-" + i);
            data.project("project-" + i);
        }
        data.item("goal", RoadmapLevel.GOAL, null);
        data.user("bounds-planner", "planner");
        data.user("bounds-triager", "triager");
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "password-" + user).contentType(ContentType.JSON);
    }

    private static Map<String, Object> story(String title) {
        Map<String, Object> story = new HashMap<>();
        story.put("kind", "status-quo");
        story.put("title", title);
        story.put("body", "Alan waits.");
        story.put("character", "alan");
        return story;
    }

    private static List<String> strings(int n, IntFunction<String> value) {
        return IntStream.range(0, n).mapToObj(value).toList();
    }

    /**
     * Sends the body made for {@code limit} (must be accepted) and for {@code limit + 1} (must be refused naming
     * {@code field} and a message holding the limit).
     */
    private static void bound(String field, int limit, IntFunction<Map<String, Object>> body,
            java.util.function.Function<Map<String, Object>, Response> send) {
        Response under = send.apply(body.apply(limit));
        assertTrue(under.statusCode() < 300, field + " at its limit " + limit + " was refused: " + under.statusCode()
                + " " + under.asString());
        Response over = send.apply(body.apply(limit + 1));
        assertEquals(400, over.statusCode(), field + " over its limit: " + over.asString());
        assertEquals("application/problem+json", over.contentType().split(";")[0], field);
        List<String> fields = over.jsonPath().getList("violations.field");
        List<String> messages = over.jsonPath().getList("violations.message");
        assertEquals(List.of(field), fields, over.asString());
        String message = messages.get(0);
        assertTrue(message.contains(String.valueOf(limit)) || message.contains(String.format("%,d", limit))
                || (limit % 1024 == 0 && message.contains(limit / 1024 + " KiB")),
                field + ": the message '" + message + "' should name the limit " + limit);
        checked++;
    }

    private static Response submit(Map<String, Object> story) {
        return given().contentType(ContentType.JSON).body(story).post("/api/stories");
    }

    @Test
    void story_fields_and_lists_are_bounded() {
        int[] n = {0};
        IntFunction<String> title = i -> "Bounded story " + (n[0]++) + " ";
        bound("title", 200, len -> story(pad(title.apply(0), len)), BoundsApiTest::submit);
        bound("summary", 500, len -> with(story(title.apply(0)), "summary", "s".repeat(len)), BoundsApiTest::submit);
        bound("body", 256 * 1024, len -> with(story(title.apply(0)), "body", "b".repeat(len)), BoundsApiTest::submit);
        bound("themes", 20, len -> with(story(title.apply(0)), "themes", strings(len, i -> "theme-" + i)),
                BoundsApiTest::submit);
        bound("projects", 20, len -> with(story(title.apply(0)), "projects", strings(len, i -> "project-" + i)),
                BoundsApiTest::submit);
        bound("authors", 20, len -> with(story(title.apply(0)), "authors", strings(len, i -> "Writer " + i)),
                BoundsApiTest::submit);
        bound("authors[0]", 200, len -> with(story(title.apply(0)), "authors", List.of("a".repeat(len))),
                BoundsApiTest::submit);
        bound("faq", 30, len -> with(story(title.apply(0)), "faq",
                strings(len, i -> "Q" + i + "?").stream().map(q -> Map.of("question", q, "answer", "A.")).toList()),
                BoundsApiTest::submit);
        bound("faq[0].question", 300, len -> with(story(title.apply(0)), "faq",
                List.of(Map.of("question", "q".repeat(len), "answer", "A."))), BoundsApiTest::submit);
        bound("faq[0].answer", 16_384, len -> with(story(title.apply(0)), "faq",
                List.of(Map.of("question", "Why?", "answer", "a".repeat(len)))), BoundsApiTest::submit);
        for (int i = 0; i <= 20; i++) {
            data.story("told-" + i, StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(),
                    List.of());
        }
        bound("retells", 20, len -> with(with(story(title.apply(0)), "kind", "shiny-future"), "retells",
                strings(len, i -> "told-" + i)), BoundsApiTest::submit);
    }

    @Test
    void roadmap_items_links_and_triage_inputs_are_bounded() {
        int[] n = {0};
        IntFunction<Map<String, Object>> item = i -> {
            Map<String, Object> goal = new HashMap<>();
            goal.put("title", "Goal " + (n[0]++));
            goal.put("level", "goal");
            return goal;
        };
        var planner = (java.util.function.Function<Map<String, Object>, Response>) b -> as("bounds-planner").body(b)
                .post("/api/roadmap");
        bound("title", 200, len -> with(item.apply(0), "title", pad("Goal " + n[0]++ + " ", len)), planner);
        bound("slug", 120, len -> with(item.apply(0), "slug", pad("g" + n[0]++ + "-", len)), planner);
        bound("owners", 20, len -> with(item.apply(0), "owners", strings(len, i -> "Owner " + i)), planner);
        bound("owners[0]", 200, len -> with(item.apply(0), "owners", List.of("o".repeat(len))), planner);
        bound("landing", 2000, len -> with(item.apply(0), "landing", pad("https://example.org/", len)), planner);
        bound("impact", 65_536, len -> with(item.apply(0), "impact", "i".repeat(len)), planner);

        data.story("linked", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(), List.of());
        bound("note", 500, len -> Map.of("story", "linked", "item", "goal", "note", "n".repeat(len)),
                b -> as("bounds-planner").body(b).put("/api/links"));

        data.story("triaged", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of(), List.of(), List.of());
        bound("body", 16_384, len -> Map.of("body", "c".repeat(len)),
                b -> as("bounds-triager").body(b).post("/api/stories/triaged/comments"));
    }

    @Test
    void a_story_holds_at_most_100_links() {
        data.story("many-links", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(), List.of());
        for (int i = 0; i < 101; i++) {
            data.item("item-" + i, RoadmapLevel.INITIATIVE, "goal");
        }
        for (int i = 0; i < 100; i++) {
            as("bounds-planner").body(Map.of("story", "many-links", "item", "item-" + i)).put("/api/links").then()
                    .statusCode(201);
        }
        Response over = as("bounds-planner").body(Map.of("story", "many-links", "item", "item-100"))
                .put("/api/links");
        assertTrue(over.statusCode() == 400 || over.statusCode() == 409, over.asString());
        assertEquals("application/problem+json", over.contentType().split(";")[0]);
        assertTrue(over.asString().contains("100"), over.asString());
        checked++;
    }

    @Test
    void page_sizes_and_numbers_are_bounded_on_every_list() {
        for (String list : List.of("/api/stories", "/api/trace", "/api/trace/links", "/api/gaps/unaddressed-stories",
                "/api/gaps/ungrounded-items", "/api/gaps/thin-coverage", "/api/roadmap/goal/stories")) {
            given().get(list + "?size=200&page=1000000").then().statusCode(200);
            for (String query : List.of("size=201", "size=0", "size=-1", "size=99999999999999", "size=x")) {
                pageRefused(list, query, "size", "200");
            }
            for (String query : List.of("page=0", "page=-1", "page=1000001", "page=99999999999999", "page=1.5")) {
                pageRefused(list, query, "page", "1000000");
            }
        }
    }

    private static void pageRefused(String list, String query, String field, String limit) {
        Response answer = given().get(list + "?" + query);
        assertEquals(400, answer.statusCode(), list + "?" + query + ": " + answer.asString());
        assertEquals("application/problem+json", answer.contentType().split(";")[0], list + "?" + query);
        assertEquals(List.of(field), answer.jsonPath().getList("violations.field"), list + "?" + query);
        assertTrue(answer.asString().contains(limit), list + "?" + query + ": " + answer.asString());
        checked++;
    }

    @Test
    void the_search_words_are_bounded() {
        given().get("/api/stories?q=" + "w".repeat(200)).then().statusCode(200);
        pageRefusedQ("q=" + "w".repeat(201));
        given().get("/api/stories?q=" + String.join(" ", strings(10, i -> "w" + i))).then().statusCode(200);
        pageRefusedQ("q=" + String.join(" ", strings(11, i -> "w" + i)));
    }

    private static void pageRefusedQ(String query) {
        Response answer = given().get("/api/stories?" + query);
        assertEquals(400, answer.statusCode(), answer.asString());
        assertEquals(List.of("q"), answer.jsonPath().getList("violations.field"));
        checked++;
    }

    @Test
    void query_strings_are_bounded_in_length_and_parameters() {
        String under = "/api/stories?q=" + "w".repeat(100) + "&" + String.join("&", strings(48, i -> "x" + i + "=1"));
        given().get(under).then().statusCode(200);
        Response many = given().get("/api/stories?" + String.join("&", strings(51, i -> "x" + i + "=1")));
        assertEquals(400, many.statusCode(), many.asString());
        assertEquals("application/problem+json", many.contentType().split(";")[0]);
        assertTrue(many.asString().contains("50"), many.asString());
        Response tooLong = given().get("/api/stories?x=" + "y".repeat(4096));
        assertEquals(414, tooLong.statusCode(), tooLong.asString());
        assertEquals("application/problem+json", tooLong.contentType().split(";")[0]);
        assertTrue(tooLong.asString().contains("4096"), tooLong.asString());
        checked += 2;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static String pad(String prefix, int length) {
        return prefix + "x".repeat(Math.max(0, length - prefix.length()));
    }
}
