package dev.storytracker.roadmap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/** The picture of a goal's trace, drawn by the server as SVG, on {@link PlannerData}'s known data set. */
@QuarkusTest
class TracePageTest {

    @Inject
    PlannerData planning;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        planning.build();
    }

    private static String html(String path) {
        return given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    private static List<String> nodes(Element svg, String kind) {
        return svg.select("g.node." + kind).eachAttr("data-key");
    }

    @Test
    void the_trace_of_a_goal_has_one_node_per_item_and_per_accepted_story() {
        Element svg = Jsoup.parse(html("/roadmap/async/trace")).selectFirst("figure.trace svg");
        assertEquals(List.of("async"), nodes(svg, "goal"));
        assertEquals(List.of("cancel", "traits"), nodes(svg, "initiative"));
        assertEquals(List.of("lint"), nodes(svg, "milestone"));
        assertEquals(List.of("story:s2", "story:s1", "story:s3"), nodes(svg, "story"));
        assertEquals(List.of("Item async", "Item cancel", "Item traits", "Item lint"),
                svg.select("g.node.goal text:not(.sub), g.node.initiative text:not(.sub),"
                        + " g.node.milestone text:not(.sub)").eachText());
        assertEquals("2 stories · initiative", svg.selectFirst("g.node[data-key=cancel] text.sub").text());
    }

    @Test
    void the_trace_has_an_edge_per_link_and_per_item_with_the_stories_it_carries() {
        Document page = Jsoup.parse(html("/roadmap/async/trace"));
        List<String> edges = page.select("figure.trace path.edge").eachText();
        assertEquals(List.of("Title of s1 → Item lint", "Title of s2 → Item cancel", "Title of s2 → Item lint",
                "Title of s3 → Item traits", "Item cancel → Item async: 2 stories",
                "Item lint → Item cancel: 2 stories", "Item traits → Item async: 1 story"), edges);
        assertEquals(List.of("2", "2", "1"), page.select("figure.trace text.edge-count").eachText());
        List<String> table = page.select(".trace-table tbody tr").eachText();
        assertTrue(table.contains("Item cancel Item async 2"), table.toString());
        assertEquals(7, table.size());
    }

    @Test
    void the_picture_has_an_accessible_name_and_description() {
        Document page = Jsoup.parse(html("/roadmap/async/trace"));
        Element svg = page.selectFirst("figure.trace svg");
        assertEquals("img", svg.attr("role"));
        assertEquals("How stories reach Item async", page.getElementById(svg.attr("aria-labelledby")).text());
        assertEquals("3 stories reach Item async through 4 roadmap items. Wider lines carry more stories.",
                page.getElementById(svg.attr("aria-describedby")).text());
        assertTrue(svg.select("[style]").isEmpty());
        assertEquals(List.of("Alan", "Grace"), page.select("ul.legend li").eachText());
    }

    @Test
    void titles_are_drawn_as_text_never_as_markup() {
        planning.setTitle("s1", "<script>alert('x')</script> & <b>bold</b>");
        String html = html("/roadmap/async/trace");
        Document page = Jsoup.parse(html);
        Element story = page.selectFirst("g.node[data-key=story:s1]");
        assertEquals("<script>alert('x')</script> & <b>bold</b>", story.selectFirst("title").text());
        assertTrue(story.selectFirst("text").text().startsWith("<script>"), story.text());
        assertTrue(page.select("main script, main b").isEmpty());
        assertFalse(html.contains("<script>alert"));
        assertTrue(html.contains("&lt;script&gt;alert"));
    }

    @Test
    void the_stories_are_listed_below_the_picture_with_the_items_they_are_linked_to() {
        Document page = Jsoup.parse(html("/roadmap/async/trace"));
        assertEquals(List.of("Title of s3", "Title of s2", "Title of s1"),
                page.select("ul.reached > li > a").eachText());
        assertTrue(page.select("ul.reached > li").get(1).text().endsWith("linked to Item cancel, Item lint"));
        assertNotNull(page.selectFirst("a[href=/roadmap/async#stories]"));
    }

    @Test
    void past_forty_stories_the_picture_shows_one_box_per_character_with_counts() {
        for (int i = 0; i < 40; i++) {
            data.story("more-" + i, StoryKind.STATUS_QUO, StoryState.ACCEPTED, i % 4 == 0 ? "grace" : "alan",
                    List.of(), List.of(), List.of(i % 2 == 0 ? "lint" : "traits"));
        }
        Document page = Jsoup.parse(html("/roadmap/async/trace"));
        Element svg = page.selectFirst("figure.trace svg");
        assertTrue(svg.select("g.node.story").isEmpty());
        // Grace's stories reach the higher items (cancel and lint), so her box stands first.
        assertEquals(List.of("character:grace", "character:alan"), nodes(svg, "group"));
        // alan: s1, s3 and 30 more; grace: s2 and 10 more (every fourth, all to lint).
        assertEquals("32 stories", svg.selectFirst("g.node[data-key=character:alan] text.sub").text());
        assertEquals("11 stories", svg.selectFirst("g.node[data-key=character:grace] text.sub").text());
        List<String> edges = svg.select("path.edge").eachText();
        assertTrue(edges.contains("Alan → Item traits: 21 stories"), edges.toString());
        assertTrue(edges.contains("Grace → Item lint: 11 stories"), edges.toString());
        assertTrue(edges.contains("Grace → Item cancel: 1 story"), edges.toString());
        assertEquals(20, page.select("ul.reached > li").size());
        assertNotNull(page.selectFirst("a[rel=next][href=/roadmap/async/trace?page=2]"));
    }
}
