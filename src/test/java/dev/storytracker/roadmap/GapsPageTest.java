package dev.storytracker.roadmap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;

/** The gaps page lists exactly the gaps of {@link PlannerData}'s known data set, each linked to what it names. */
@QuarkusTest
class GapsPageTest {

    @Inject
    PlannerData planning;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        planning.build();
    }

    private static Document page(String path) {
        return Jsoup.parse(given().accept("text/html").get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void accepted_stories_linked_to_nothing_are_listed_with_links_to_them() {
        Document gaps = page("/gaps");
        assertEquals(List.of("Title of s5"), gaps.select("#unaddressed-stories > li > a").eachText());
        assertEquals("/stories/s5", gaps.selectFirst("#unaddressed-stories a").attr("href"));
        assertEquals("Stories no item addresses 1", gaps.selectFirst("#unaddressed-heading").text());
    }

    @Test
    void items_without_an_accepted_story_below_them_are_listed_goals_first() {
        Document gaps = page("/gaps");
        assertEquals(List.of("/roadmap/empty-goal", "/roadmap/tooling", "/roadmap/inspector"),
                gaps.select("#ungrounded-items > li > a").eachAttr("href"));
        org.jsoup.nodes.Element inspector = gaps.select("#ungrounded-items > li").get(2);
        assertEquals("Item inspector initiative · 🦀 in progress · 50% · under Item tooling", inspector.text());
        assertEquals("/roadmap/tooling", inspector.selectFirst(".meta a").attr("href"));
    }

    @Test
    void thin_character_and_theme_pairs_are_listed_emptiest_first_below_the_threshold() {
        Document gaps = page("/gaps");
        List<String> cells = gaps.select("#thin-coverage tbody tr").eachText();
        assertEquals(List.of("Alan Ecosystem 0", "Grace Debugging 0", "Grace Ecosystem 0", "Niklaus Cancellation 0",
                "Niklaus Debugging 0", "Alan Cancellation 1", "Grace Cancellation 1", "Niklaus Ecosystem 1"), cells);
        assertEquals("/stories?character=alan&theme=cancellation",
                gaps.select("#thin-coverage tbody tr").get(5).selectFirst("a").attr("href"));
        assertEquals(List.of("Alan Ecosystem 0"), page("/gaps?threshold=1").select("#thin-coverage tbody tr")
                .eachText().subList(0, 1));
        assertEquals(5, page("/gaps?threshold=1").select("#thin-coverage tbody tr").size());
        given().accept("text/html").get("/gaps?threshold=0").then().statusCode(400);
    }

    @Test
    void each_list_pages_on_at_its_own_address() {
        for (int i = 0; i < 21; i++) {
            data.story("alone-" + i, dev.storytracker.story.StoryKind.STATUS_QUO,
                    dev.storytracker.story.StoryState.ACCEPTED, "alan", List.of(), List.of(), List.of());
        }
        Document gaps = page("/gaps");
        assertEquals(20, gaps.select("#unaddressed-stories > li").size());
        assertEquals("/gaps/unaddressed-stories?page=2",
                gaps.selectFirst("#unaddressed-heading").parent().selectFirst("a[rel=next]").attr("href"));
        Document second = page("/gaps/unaddressed-stories?page=2");
        assertEquals(2, second.select("#unaddressed-stories > li").size());
        assertNull(second.selectFirst("#ungrounded-items"));
        assertEquals("/gaps/unaddressed-stories?page=1", second.selectFirst("a[rel=prev]").attr("href"));
        assertEquals(3, page("/gaps/ungrounded-items").select("#ungrounded-items > li").size());
        assertEquals(8, page("/gaps/thin-coverage").select("#thin-coverage tbody tr").size());
    }
}
