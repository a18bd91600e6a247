package dev.storytracker.story;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.roadmap.RoadmapLevel;

/** Every public page answers with its key content, and unaccepted stories stay hidden from the public. */
@QuarkusTest
class StoryPagesTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.character("grace");
        data.theme("cancellation");
        data.project("youbuy");
        data.item("scoped-tasks", RoadmapLevel.GOAL, null);
        data.item("scoped-spawn", RoadmapLevel.INITIATIVE, "scoped-tasks");
        data.story("alan-cancels", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation"),
                List.of("youbuy"), List.of("scoped-spawn"));
        data.story("grace-dreams", StoryKind.SHINY_FUTURE, StoryState.ACCEPTED, "grace", List.of(), List.of(),
                List.of());
        data.story("grace-waits", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "grace", List.of(), List.of(),
                List.of());
        data.setBody("alan-cancels", """
                ## The story

                | step | what |
                |------|------|
                | 1    | drop |

                ```rust
                select! { _ = a => {} }
                ```
                """);
    }

    private static Document page(String path) {
        String html = given().accept("text/html").get(path).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        return Jsoup.parse(html);
    }

    @Test
    void the_home_page_counts_stories_and_shows_the_newest() {
        Document home = page("/");
        assertTrue(home.select(".counts").text().contains("1 status quo story"), home.select(".counts").text());
        assertTrue(home.select(".counts").text().contains("1 shiny future story"));
        assertEquals(List.of("Title of grace-dreams", "Title of alan-cancels"), home.select(".cards h3 a").eachText()
                .subList(0, 2));
        assertNotNull(home.selectFirst("a[href='/stories/new?kind=status-quo']"));
    }

    @Test
    void the_story_list_filters_like_the_api_and_hides_unaccepted_stories() {
        assertEquals(List.of("Title of grace-dreams", "Title of alan-cancels"),
                page("/stories").select(".cards h3 a").eachText());
        assertEquals(List.of("Title of alan-cancels"),
                page("/stories?character=alan&theme=cancellation&project=youbuy&kind=status-quo")
                        .select(".cards h3 a").eachText());
        assertEquals(List.of("Title of grace-dreams"),
                page("/stories?q=GRACE-dreams").select(".cards h3 a").eachText());
        given().accept("text/html").get("/stories?kind=epic").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("kind"));
    }

    @Test
    void a_story_page_renders_markdown_with_tables_code_and_anchors_and_lists_its_facts() {
        Document story = page("/stories/alan-cancels");
        assertEquals("Title of alan-cancels", story.selectFirst("h1").text());
        assertNotNull(story.selectFirst("article h2#md-the-story"));
        assertEquals(2, story.select("article table td").size());
        assertEquals("language-rust", story.selectFirst("article pre code").className());
        assertNotNull(story.selectFirst("a[href='/characters/alan']"));
        assertNotNull(story.selectFirst("a[href='/themes/cancellation']"));
        assertNotNull(story.selectFirst("a[href='/roadmap/scoped-spawn']"));
    }

    @Test
    void an_unaccepted_story_is_not_public_but_the_working_group_sees_it() {
        given().accept("text/html").get("/stories/grace-waits").then().statusCode(404)
                .contentType(containsString("text/html"));
        given().accept("text/html").auth().preemptive().basic("admin", "admin-test-password")
                .get("/stories/grace-waits").then().statusCode(200).body(containsString("submitted"));
        given().accept("text/html").get("/stories").then().body(not(containsString("grace-waits")));
    }

    @Test
    void character_and_theme_pages_list_their_stories() {
        assertEquals(List.of("Alan", "Grace"), page("/characters").select(".cards a").eachText());
        Document alan = page("/characters/alan");
        assertEquals("Alan", alan.selectFirst("h1").text());
        assertEquals(List.of("Title of alan-cancels"), alan.select(".cards h3 a").eachText());
        assertEquals(List.of("Cancellation"), page("/themes").select(".cards a").eachText());
        assertEquals(List.of("Title of alan-cancels"), page("/themes/cancellation").select(".cards h3 a").eachText());
        given().accept("text/html").get("/characters/nobody").then().statusCode(404);
    }

    @Test
    void the_roadmap_pages_show_the_tree_and_an_items_stories() {
        Document roadmap = page("/roadmap");
        assertEquals(List.of("Item scoped-tasks", "Item scoped-spawn"), roadmap.select("tbody th a").eachText());
        Document item = page("/roadmap/scoped-spawn");
        assertTrue(item.text().contains("Impact of scoped-spawn."));
        assertEquals(List.of("Title of alan-cancels"), item.select("ul.reached > li > a").eachText());
    }

    @Test
    void the_submission_forms_ask_their_own_questions() {
        Document statusQuo = page("/stories/new?kind=status-quo");
        assertNotNull(statusQuo.selectFirst("textarea[name=faq-morals]"));
        assertNotNull(statusQuo.selectFirst("textarea[name=faq-others]"));
        assertNotNull(statusQuo.selectFirst("input[name=csrf-token]"));
        assertNotNull(statusQuo.selectFirst("label[for=f-title]"));
        Document shiny = page("/stories/new?kind=shiny-future");
        assertNotNull(shiny.selectFirst("select[name=retells] option[value=alan-cancels]"));
        assertNotNull(shiny.selectFirst("textarea[name=faq-shiny]"));
        assertNotNull(shiny.selectFirst("textarea[name=faq-needs]"));
        Document idea = page("/stories/new?kind=idea");
        assertNotNull(idea.selectFirst("input[name=candidates][value=grace]"));
        assertNotNull(idea.selectFirst("textarea[name=morals]"));
    }

    @Test
    void every_page_sends_the_security_headers() {
        for (String path : List.of("/", "/stories", "/stories/alan-cancels", "/stories/new", "/login", "/roadmap")) {
            given().accept("text/html").get(path).then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY");
        }
    }

    @Test
    void hostile_markdown_renders_inert_on_the_story_page() {
        data.setBody("alan-cancels", "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\" onclick=\"x()\">a</a>\n\n"
                + "<svg onload=alert(5)></svg> {inject:viewer.name} {#for x in y}{/for}");
        String html = given().accept("text/html").get("/stories/alan-cancels").then().statusCode(200).extract()
                .asString();
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("article script, article img, article svg, article [onerror], article [onclick]")
                .isEmpty(), doc.select("article").html());
        assertTrue(doc.select("a[href~=(?i)^\\s*javascript]").isEmpty());
        assertTrue(doc.select("article").text().contains("{inject:viewer.name}"), "template syntax shown as text");
        assertEquals(1, doc.select("script").size(), "only the page's own script");
    }
}
