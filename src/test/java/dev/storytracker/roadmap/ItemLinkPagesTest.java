package dev.storytracker.roadmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** Planners link stories to an item, change and remove links from the item's page; nobody else can. */
@QuarkusTest
class ItemLinkPagesTest {

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

    private static Map<String, Object> form(String mode, String story, String relation, String note) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("mode", mode);
        form.put("story", story);
        form.put("relation", relation);
        form.put("note", note);
        return form;
    }

    @Test
    void a_planner_links_a_story_from_the_item_page_and_sees_it_there_and_under_the_goal() {
        FormSession planner = SignIn.as("pia");
        Document before = planner.get("/roadmap/traits");
        assertNotNull(before.selectFirst("form[action=/roadmap/traits/links] input[name=csrf-token]"));
        Response posted = planner.post("/roadmap/traits/links", form("add", "s5", "motivates", "Niklaus hits it."));
        assertEquals(303, posted.statusCode(), posted.asString());
        assertTrue(posted.header("Location").endsWith("/roadmap/traits?done=linked#links"), posted.header("Location"));
        assertEquals("pia", pages.createdBy("s5", "traits"));
        assertEquals("Niklaus hits it.", pages.note("s5", "traits"));

        Document after = planner.get("/roadmap/traits?done=linked");
        assertEquals("Story linked.", after.selectFirst(".notice").text());
        assertTrue(after.select(".link-rows a").eachText().contains("Title of s5"));
        Document goal = planner.get("/roadmap/async");
        List<String> niklaus = goal.select(".story-group").stream()
                .filter(g -> g.selectFirst("h3").text().startsWith("Niklaus"))
                .flatMap(g -> g.select("ul.reached > li > a").eachText().stream()).toList();
        assertTrue(niklaus.contains("Title of s5"), niklaus.toString());
    }

    @Test
    void a_planner_changes_the_relation_and_note_of_a_link() {
        FormSession planner = SignIn.as("pia");
        planner.get("/roadmap/traits");
        Response posted = planner.post("/roadmap/traits/links", form("edit", "s3", "illustrates", "The bright side."));
        assertEquals(303, posted.statusCode());
        assertEquals(LinkRelation.ILLUSTRATES, pages.relation("s3", "traits"));
        Document after = planner.get("/roadmap/traits?done=saved");
        assertEquals("illustrates", after.selectFirst(".link-edit select option[selected]").text());
        assertEquals("The bright side.", after.selectFirst(".link-edit input[name=note]").val());
    }

    @Test
    void a_planner_removes_a_link() {
        FormSession planner = SignIn.as("pia");
        planner.get("/roadmap/traits");
        Response posted = planner.post("/roadmap/traits/links/remove", Map.of("story", "s3"));
        assertEquals(303, posted.statusCode());
        assertTrue(posted.header("Location").endsWith("/roadmap/traits?done=removed#links"));
        assertFalse(pages.linked("s3", "traits"));
    }

    @Test
    void a_refused_link_shows_the_page_again_with_the_message_and_what_was_typed() {
        FormSession planner = SignIn.as("pia");
        planner.get("/roadmap/traits");
        Response posted = planner.post("/roadmap/traits/links", form("add", "no-such-story", "constrains",
                "Typed with care."));
        assertEquals(400, posted.statusCode());
        Document page = Jsoup.parse(posted.asString());
        assertTrue(page.selectFirst("[role=alert]").text().contains("'no-such-story' is not a story"),
                page.selectFirst("[role=alert]").text());
        assertEquals("no-such-story", page.selectFirst("#add-story").val());
        assertEquals("true", page.selectFirst("#add-story").attr("aria-invalid"));
        assertEquals("Typed with care.", page.selectFirst("#add-note").val());
        assertEquals("constrains", page.selectFirst("#add-relation option[selected]").val());

        Response twoLines = planner.post("/roadmap/traits/links", form("add", "s5", "motivates", "one\ntwo"));
        assertEquals(400, twoLines.statusCode());
        assertTrue(Jsoup.parse(twoLines.asString()).selectFirst("#add-note-error").text().contains("single line"));
        assertFalse(pages.linked("s5", "traits"));
    }

    @Test
    void a_refused_edit_keeps_what_was_typed_in_that_links_form() {
        FormSession planner = SignIn.as("pia");
        planner.get("/roadmap/traits");
        String tooLong = "x".repeat(StoryLink.MAX_NOTE + 1);
        Response posted = planner.post("/roadmap/traits/links", form("edit", "s3", "constrains", tooLong));
        assertEquals(400, posted.statusCode());
        Document page = Jsoup.parse(posted.asString());
        assertEquals(tooLong, page.selectFirst(".link-edit input[name=note]").val());
        assertEquals("constrains", page.selectFirst(".link-edit select option[selected]").val());
        assertEquals(LinkRelation.MOTIVATES, pages.relation("s3", "traits"));
    }

    @Test
    void a_triager_may_not_change_links_and_sees_no_forms() {
        FormSession triager = SignIn.as("tom");
        Document page = triager.get("/roadmap/traits");
        assertTrue(page.select("form[action^=/roadmap/traits/links]").isEmpty());
        assertEquals(403, triager.post("/roadmap/traits/links", form("add", "s5", "motivates", null)).statusCode());
        assertEquals(403, triager.post("/roadmap/traits/links/remove", Map.of("story", "s3")).statusCode());
        assertFalse(pages.linked("s5", "traits"));
        assertTrue(pages.linked("s3", "traits"));
    }

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in() {
        FormSession anonymous = new FormSession();
        anonymous.get("/stories/new");
        Response posted = anonymous.post("/roadmap/traits/links", form("add", "s5", "motivates", null));
        assertEquals(302, posted.statusCode());
        assertTrue(posted.header("Location").endsWith("/login"), posted.header("Location"));
        assertFalse(pages.linked("s5", "traits"));
    }

    @Test
    void a_form_without_the_csrf_token_is_refused() {
        FormSession planner = SignIn.as("pia");
        planner.get("/roadmap/traits");
        planner.forgetCsrf();
        assertEquals(400, planner.post("/roadmap/traits/links", form("add", "s5", "motivates", null)).statusCode());
        assertEquals(400, planner.post("/roadmap/traits/links/remove", Map.of("story", "s3")).statusCode());
        assertFalse(pages.linked("s5", "traits"));
        assertTrue(pages.linked("s3", "traits"));
    }
}
