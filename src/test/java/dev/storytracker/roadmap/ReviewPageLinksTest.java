package dev.storytracker.roadmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.storytracker.TestData;
import dev.storytracker.web.FormSession;

/** Planners link a story to the roadmap from the story's review page, picking the item from the roadmap tree. */
@QuarkusTest
class ReviewPageLinksTest {

    @Inject
    PlannerData planning;

    @Inject
    PageData pages;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        planning.build();
        data.user("pia", "planner");
        data.user("tom", "triager");
    }

    private static Map<String, Object> form(String mode, String item, String relation, String note) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("mode", mode);
        form.put("item", item);
        form.put("relation", relation);
        form.put("note", note);
        return form;
    }

    @Test
    void the_item_select_offers_the_roadmap_tree_indented() {
        Document review = SignIn.as("pia").get("/stories/s5/review");
        List<String> options = review.select("#add-item option").stream().map(o -> o.wholeText()).toList();
        assertEquals(List.of("Choose an item", "Item async (goal)", "\u00a0\u00a0\u00a0Item cancel (initiative)",
                "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Item lint (milestone)",
                "\u00a0\u00a0\u00a0Item traits (initiative)",
                "Item empty-goal (goal)", "Item tooling (goal)", "\u00a0\u00a0\u00a0Item inspector (initiative)"),
                options);
        assertEquals("Roadmap links", review.selectFirst("#links-heading").text());
    }

    @Test
    void a_planner_links_changes_and_removes_a_link_from_the_review_page() {
        FormSession planner = SignIn.as("pia");
        planner.get("/stories/s5/review");
        Response linked = planner.post("/stories/s5/review/links", form("add", "inspector", "motivates",
                "Too many messages."));
        assertEquals(303, linked.statusCode(), linked.asString());
        assertTrue(linked.header("Location").endsWith("/stories/s5/review?done=linked"));
        assertEquals("Too many messages.", pages.note("s5", "inspector"));
        Document page = planner.get("/stories/s5/review?done=linked");
        assertEquals("Linked to the roadmap.", page.selectFirst(".notice").text());
        assertEquals(List.of("Item inspector"), page.select("#links .link-rows > li > p > a").eachText());

        Response saved = planner.post("/stories/s5/review/links", form("edit", "inspector", "constrains", "Less."));
        assertEquals(303, saved.statusCode());
        assertEquals(LinkRelation.CONSTRAINS, pages.relation("s5", "inspector"));
        assertEquals("Less.", pages.note("s5", "inspector"));

        Response removed = planner.post("/stories/s5/review/links/remove", Map.of("item", "inspector"));
        assertEquals(303, removed.statusCode());
        assertTrue(removed.header("Location").endsWith("/stories/s5/review?done=unlinked"));
        assertFalse(pages.linked("s5", "inspector"));
    }

    @Test
    void a_refused_link_shows_the_review_page_again_with_what_was_typed() {
        FormSession planner = SignIn.as("pia");
        planner.get("/stories/s5/review");
        Response posted = planner.post("/stories/s5/review/links", form("add", "", "illustrates", "Kept."));
        assertEquals(400, posted.statusCode());
        Document page = Jsoup.parse(posted.asString());
        assertTrue(page.selectFirst("#links [role=alert]").text().contains("is required"),
                page.selectFirst("#links [role=alert]").text());
        assertEquals("Kept.", page.selectFirst("#add-note").val());
        assertEquals("illustrates", page.selectFirst("#add-relation option[selected]").val());
        assertEquals("true", page.selectFirst("#add-item").attr("aria-invalid"));
    }

    @Test
    void a_triager_sees_the_links_but_may_not_change_them() {
        FormSession triager = SignIn.as("tom");
        Document page = triager.get("/stories/s2/review");
        assertEquals(List.of("Item cancel", "Item lint"), page.select("#links .link-rows > li > p > a").eachText());
        assertTrue(page.select("#links form").isEmpty());
        assertEquals(403, triager.post("/stories/s2/review/links", form("add", "traits", null, null)).statusCode());
        assertEquals(403, triager.post("/stories/s2/review/links/remove", Map.of("item", "lint")).statusCode());
        assertTrue(pages.linked("s2", "lint"));
        assertFalse(pages.linked("s2", "traits"));
    }

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in_and_a_missing_token_is_refused() {
        FormSession anonymous = new FormSession();
        anonymous.get("/stories/new");
        Response posted = anonymous.post("/stories/s5/review/links", form("add", "traits", null, null));
        assertEquals(302, posted.statusCode());
        assertTrue(posted.header("Location").endsWith("/login"), posted.header("Location"));

        FormSession planner = SignIn.as("pia");
        planner.get("/stories/s5/review");
        planner.forgetCsrf();
        assertEquals(400, planner.post("/stories/s5/review/links", form("add", "traits", null, null)).statusCode());
        assertFalse(pages.linked("s5", "traits"));
    }
}
