package dev.storytracker.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.FormSession;

/** The review page: one-click transitions with a note, comments to the writer, one-click duplicates. */
@QuarkusTest
class ReviewPageTest {

    @Inject
    TestData data;

    FormSession triager;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.story("alan-cancels-a-stream", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of(),
                List.of(), List.of());
        data.story("alan-cancels-streams", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(),
                List.of());
        data.setTitle("alan-cancels-a-stream", "Alan cancels a stream");
        data.setTitle("alan-cancels-streams", "Alan cancels streams, again");
        data.user("tina", "triager");
        triager = new FormSession();
        triager.post("/j_security_check", Map.of("j_username", "tina", "j_password", "password-tina"));
    }

    @Test
    void the_page_offers_exactly_the_transitions_allowed_from_the_state() {
        Document page = triager.get("/stories/alan-cancels-a-stream/review");
        assertEquals(List.of("in-review", "declined"), page.select(".decide button[name=to]").eachAttr("value")
                .stream().filter(v -> !v.equals("duplicate")).toList());
        assertNotNull(page.selectFirst("form[action$=/transition] input[name=version]"));
    }

    private String version() {
        return triager.get("/stories/alan-cancels-a-stream/review").selectFirst("input[name=version]").val();
    }

    @Test
    void a_triager_moves_a_story_with_a_note_in_one_click() {
        Response moved = triager.post("/stories/alan-cancels-a-stream/review/transition",
                Map.of("to", "in-review", "note", "Reading it now", "version", version()));
        assertEquals(303, moved.statusCode());
        Document page = triager.get("/stories/alan-cancels-a-stream/review?done=moved");
        assertTrue(page.selectFirst("ol.history").text().contains("tina moved it from submitted to in-review: "
                + "Reading it now"), page.selectFirst("ol.history").text());
        assertEquals(List.of("changes-requested", "accepted", "declined"),
                page.select(".decide .actions button[name=to]").eachAttr("value"));
    }

    @Test
    void a_stale_page_is_refused_with_the_note_kept() {
        String seen = version();
        triager.post("/stories/alan-cancels-a-stream/review/transition", Map.of("to", "in-review", "version", seen));
        Response stale = triager.post("/stories/alan-cancels-a-stream/review/transition",
                Map.of("to", "declined", "note", "Too short", "version", seen));
        assertEquals(409, stale.statusCode());
        Document page = Jsoup.parse(stale.asString());
        assertEquals("Too short", page.selectFirst("textarea[name=note]").val());
        assertTrue(page.selectFirst(".summary-box").text().contains("changed since version " + seen));
    }

    @Test
    void a_likely_duplicate_is_listed_and_marked_in_one_click() {
        Document page = triager.get("/stories/alan-cancels-a-stream/review");
        assertEquals("Alan cancels streams, again", page.selectFirst("ul.hints a").text());
        Response marked = triager.post("/stories/alan-cancels-a-stream/review/transition", Map.of("to", "duplicate",
                "duplicateOf", "alan-cancels-streams", "version", page.selectFirst("input[name=version]").val()));
        assertEquals(303, marked.statusCode());
        Document after = triager.get("/stories/alan-cancels-a-stream/review");
        assertEquals("duplicate", after.selectFirst("h1 + p.meta .state").text());
    }

    @Test
    void a_request_to_the_writer_appears_on_the_edit_page_and_internal_notes_do_not() {
        FormSession writer = new FormSession();
        writer.get("/stories/new");
        Response created = writer.post("/stories", Map.of("kind", "status-quo", "title", "Writer story", "character",
                "alan", "body", "Text.", "action", "submit"));
        Document confirmation = writer.get(created.header("Location").replaceFirst("^https?://[^/]+", ""));
        String editLink = confirmation.selectFirst("a.secret").attr("href").replaceFirst("^https?://[^/]+", "");

        triager.get("/stories/writer-story/review");
        triager.post("/stories/writer-story/review/comment",
                Map.of("body", "Please add the **compiler error**.", "toWriter", "on"));
        triager.post("/stories/writer-story/review/comment", Map.of("body", "Internal: looks like a duplicate"));
        Document edit = writer.get(editLink);
        assertEquals("compiler error", edit.selectFirst("section.warning strong").text());
        assertNull(edit.selectFirst("section.warning:containsOwn(Internal)"));
        assertTrue(!edit.text().contains("Internal: looks like a duplicate"));
        Document review = triager.get("/stories/writer-story/review");
        assertEquals(2, review.select("ol.history li:contains(commented), ol.history li:contains(asked the writer)")
                .size());
    }
}
