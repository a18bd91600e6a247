package dev.storytracker.roadmap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** The roadmap overview and an item's page on {@link PlannerData}'s known data set, as readers see them. */
@QuarkusTest
class RoadmapPagesTest {

    @Inject
    PlannerData planning;

    @Inject
    PageData pages;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        planning.build();
        pages.progress("async", ProgressMode.ROLLUP, RoadmapState.IN_PROGRESS, 50);
        pages.progress("traits", ProgressMode.MANUAL, RoadmapState.DONE, 100);
        pages.owners("async", "Ann", "Bo");
    }

    private static Document page(String path) {
        return Jsoup.parse(given().accept("text/html").get(path).then().statusCode(200).extract().asString());
    }

    private static Element row(Document overview, String title) {
        return overview.select("table.roadmap tbody tr").stream()
                .filter(r -> r.selectFirst("th a").text().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void the_overview_lists_each_goal_followed_by_its_items_indented() {
        Document overview = page("/roadmap");
        List<String> rows = overview.select("table.roadmap tbody tr").stream()
                .map(r -> r.className() + " " + r.selectFirst("th a").text()).toList();
        assertEquals(List.of("depth-0 Item async", "depth-1 Item cancel", "depth-2 Item lint", "depth-1 Item traits",
                "depth-0 Item empty-goal", "depth-0 Item tooling", "depth-1 Item inspector"), rows);
        assertEquals("/roadmap/lint", row(overview, "Item lint").selectFirst("th a").attr("href"));
        assertNotNull(overview.selectFirst("a[href=/gaps]"));
    }

    @Test
    void each_row_shows_its_state_as_an_icon_and_a_word_its_progress_and_its_owners() {
        Document overview = page("/roadmap");
        Element traits = row(overview, "Item traits");
        assertEquals("✅", traits.selectFirst("td .state-icon[aria-hidden=true]").text());
        assertEquals("✅ done", traits.select("td").get(0).text());
        assertEquals("🦀 in progress", row(overview, "Item cancel").select("td").get(0).text());
        assertEquals("100", traits.selectFirst("progress").attr("value"));
        assertEquals("Ann, Bo", row(overview, "Item async").select("td").get(2).text());
    }

    @Test
    void the_overview_says_whether_progress_is_rolled_up_or_entered() {
        Document overview = page("/roadmap");
        assertEquals("rolled up", row(overview, "Item async").selectFirst(".progress-mode").text());
        assertEquals("entered", row(overview, "Item cancel").selectFirst(".progress-mode").text());
    }

    @Test
    void the_overview_counts_accepted_stories_linked_directly_and_with_everything_below_each_once() {
        Document overview = page("/roadmap");
        // s2 is linked to both cancel and lint: async reaches s1, s2 and s3, each once; s4 is not accepted.
        assertEquals(List.of("0", "3"), row(overview, "Item async").select("td.number").eachText());
        assertEquals(List.of("1", "2"), row(overview, "Item cancel").select("td.number").eachText());
        assertEquals(List.of("2", "2"), row(overview, "Item lint").select("td.number").eachText());
        assertEquals(List.of("0", "0"), row(overview, "Item inspector").select("td.number").eachText());
        assertTrue(overview.select("thead").text().contains("Stories with all below"));
    }

    @Test
    void an_item_page_shows_its_facts_impact_and_the_items_below_it() {
        Document item = page("/roadmap/cancel");
        assertEquals("Item cancel", item.selectFirst("h1").text());
        assertEquals(List.of("Roadmap", "Item async"), item.select("nav[aria-label=Breadcrumb] a").eachText());
        assertTrue(item.selectFirst("p.meta").text().contains("🦀 in progress"));
        assertTrue(item.selectFirst("p.meta").text().contains("entered"));
        assertEquals("Impact of cancel.", item.selectFirst(".prose").text());
        assertEquals("Item lint milestone", item.selectFirst("table.list tbody th").text());
        assertTrue(page("/roadmap/async").selectFirst("p.meta").text().contains("rolled up from the items below"));
    }

    @Test
    void an_item_page_counts_the_accepted_stories_reaching_each_item_below_it_each_once() {
        // cancel: s1 (lint) and s2 (lint and cancel, once); s4 reaches lint too but is not accepted.
        assertEquals(List.of("Item cancel initiative 2", "Item traits initiative 1"), page("/roadmap/async")
                .select("table.list tbody tr").stream().map(r -> r.selectFirst("th").text() + " "
                        + r.select("td").last().text())
                .toList());
        assertEquals(List.of("0"), page("/roadmap/tooling").select("table.list tbody tr td:last-child").eachText());
        assertEquals(List.of("2"), page("/roadmap/cancel").select("table.list tbody tr td:last-child").eachText());
    }

    @Test
    void a_goal_page_groups_its_stories_by_character_with_counts_each_story_once() {
        Document goal = page("/roadmap/async");
        assertEquals("Motivated by 3 stories", goal.selectFirst("h2#stories").text());
        assertEquals(List.of("Alan 2", "Grace 1"), goal.select("section[aria-labelledby=by-character-heading] li")
                .eachText());
        assertEquals(List.of("Cancellation 2", "Debugging 2"),
                goal.select("section[aria-labelledby=by-theme-heading] li").eachText());
        assertEquals(List.of("Alan 2", "Grace 1"), goal.select(".story-group h3").eachText());
        assertEquals(List.of("Title of s3", "Title of s1"),
                goal.select(".story-group").get(0).select("ul.reached > li > a").eachText());
        // s2 is linked to the milestone lint and to its initiative cancel: listed once, with both.
        List<Element> s2 = goal.select("ul.reached > li").stream()
                .filter(li -> li.selectFirst("a").text().equals("Title of s2")).toList();
        assertEquals(1, s2.size());
        assertEquals("via Item cancel; via Item lint", s2.get(0).selectFirst(".via").text());
        assertEquals(List.of("/roadmap/cancel", "/roadmap/lint"), s2.get(0).select(".via a").eachAttr("href"));
    }

    @Test
    void a_goal_page_groups_its_stories_by_theme_on_request() {
        Document goal = page("/roadmap/async?by=theme");
        assertEquals(List.of("Cancellation 2", "Debugging 2"), goal.select(".story-group h3").eachText());
        assertEquals(List.of("Title of s2", "Title of s1"),
                goal.select(".story-group").get(0).select("ul.reached > li > a").eachText());
        assertEquals(List.of("Title of s3", "Title of s1"),
                goal.select(".story-group").get(1).select("ul.reached > li > a").eachText());
        assertEquals("Motivated by 3 stories", goal.selectFirst("h2#stories").text());
        given().accept("text/html").get("/roadmap/async?by=colour").then().statusCode(400);
    }

    @Test
    void a_story_linked_directly_reads_linked_here_and_unaccepted_stories_stay_hidden_from_readers() {
        Document lint = page("/roadmap/lint");
        assertTrue(lint.select(".via").eachText().stream().allMatch(v -> v.startsWith("linked here")));
        assertTrue(lint.select("ul.reached a").eachText().stream().noneMatch(t -> t.equals("Title of s4")));
        Document inspector = page("/roadmap/inspector");
        assertTrue(inspector.text().contains("No accepted story is linked to this item or to anything below it yet."));
        data.user("wendy", "triager");
        Document seenByTriager = SignIn.as("wendy").get("/roadmap/inspector");
        assertEquals(List.of("Title of s4"), seenByTriager.select("ul.reached > li > a").eachText());
        assertEquals("submitted", seenByTriager.selectFirst("ul.reached .state").text());
    }

    @Test
    void the_story_list_of_an_item_is_paginated_and_groups_carry_on_across_pages() {
        for (int i = 0; i < 21; i++) {
            data.story("many-" + i, dev.storytracker.story.StoryKind.STATUS_QUO,
                    dev.storytracker.story.StoryState.ACCEPTED, "niklaus", List.of(), List.of(), List.of("traits"));
        }
        Document first = page("/roadmap/async");
        assertEquals(20, first.select("ul.reached > li").size());
        assertEquals("/roadmap/async?page=2", first.selectFirst("a[rel=next]").attr("href"));
        Document second = page("/roadmap/async?page=2");
        assertEquals(List.of("Niklaus 21 (continued)"), second.select(".story-group h3").eachText());
        assertEquals(4, second.select("ul.reached > li").size());
        assertNull(second.selectFirst("a[rel=next]"));
    }

    @Test
    void readers_see_no_link_forms() {
        Document goal = page("/roadmap/async");
        assertNull(goal.selectFirst("form[action=/roadmap/async/links]"));
        assertNull(goal.selectFirst("#links"));
    }
}
