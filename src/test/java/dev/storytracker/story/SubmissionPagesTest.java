package dev.storytracker.story;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.storytracker.TestData;
import dev.storytracker.web.FormSession;

/** The submission round trip through the HTML forms, as a browser without JavaScript does it. */
@QuarkusTest
class SubmissionPagesTest {

    @Inject
    TestData data;

    FormSession browser;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.character("grace");
        data.theme("cancellation");
        data.theme("debugging");
        data.story("alan-loses-data", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(),
                List.of());
        browser = new FormSession();
    }

    private static Map<String, Object> statusQuo(String title) {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", "status-quo");
        form.put("title", title);
        form.put("character", "alan");
        form.put("summary", "");
        form.put("body", "## The story\n\nAlan *drops* a future.");
        form.put("themes", List.of("cancellation", "debugging"));
        form.put("faq-morals", "* Dropping cancels.");
        form.put("extra-q-1", "Was it fun?");
        form.put("extra-a-1", "Not at all.");
        form.put("authors", "Jane Doe <jane@example.org>\n\nJohn Roe");
        form.put("action", "submit");
        return form;
    }

    /** Submits a valid story and follows the redirect to the confirmation; returns the edit link shown there. */
    private String submit(Map<String, Object> form) {
        browser.get("/stories/new?kind=" + form.get("kind"));
        Response posted = browser.post("/stories", form);
        assertEquals(303, posted.statusCode(), posted.asString());
        String location = posted.header("Location");
        Document confirmation = browser.get(location.replaceFirst("^https?://[^/]+", ""));
        return confirmation.selectFirst("a.secret").attr("href").replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused() {
        browser.get("/stories/new");
        browser.forgetCsrf();
        Response posted = browser.post("/stories", statusQuo("No token"));
        assertEquals(400, posted.statusCode());
        assertEquals(0, data.count("Story", "e.title = ?1", "No token"));
    }

    @Test
    void a_valid_submission_redirects_to_a_confirmation_that_shows_the_edit_link_once() {
        browser.get("/stories/new?kind=status-quo");
        Response posted = browser.post("/stories", statusQuo("Alan loses a write"));
        assertEquals(303, posted.statusCode());
        assertTrue(posted.header("Location").endsWith("/stories/alan-loses-a-write/submitted"));
        Document confirmation = browser.get("/stories/alan-loses-a-write/submitted");
        String link = confirmation.selectFirst("a.secret").attr("href");
        assertTrue(link.contains("/stories/alan-loses-a-write/edit?token="), link);
        Document again = browser.get("/stories/alan-loses-a-write/submitted");
        assertNull(again.selectFirst("a.secret"), "the link is shown only once");
        assertTrue(again.text().contains("shown once"));

        Story stored = QuarkusTransaction.requiringNew().call(() -> {
            Story s = Story.findBySlug("alan-loses-a-write").orElseThrow();
            s.faq.size();
            s.authors.size();
            return s;
        });
        assertEquals(StoryState.SUBMITTED, stored.state);
        assertEquals(StorySource.FORM, stored.source);
        assertEquals(List.of("Jane Doe <jane@example.org>", "John Roe"), stored.authors);
        assertEquals("What are the morals of the story?", stored.faq.get(0).question);
        assertEquals("Was it fun?", stored.faq.get(1).question);
    }

    @Test
    void an_invalid_submission_keeps_every_typed_value_and_names_each_error() {
        Map<String, Object> form = statusQuo("t".repeat(201));
        form.put("character", "");
        form.put("themes", List.of("cancellation", "no-such-theme"));
        browser.get("/stories/new?kind=status-quo");
        Response posted = browser.post("/stories", form);
        assertEquals(400, posted.statusCode());
        Document page = Jsoup.parse(posted.asString());
        assertEquals("t".repeat(201), page.selectFirst("input[name=title]").val());
        assertEquals("## The story\n\nAlan *drops* a future.", page.selectFirst("textarea[name=body]").val());
        assertEquals("* Dropping cancels.", page.selectFirst("textarea[name=faq-morals]").val());
        assertEquals("Was it fun?", page.selectFirst("input[name=extra-q-1]").val());
        assertNotNull(page.selectFirst("input[name=themes][value=cancellation][checked]"));
        assertTrue(page.selectFirst("#f-title-error").text().contains("at most 200"));
        assertTrue(page.selectFirst("#f-character-error").text().contains("required"));
        assertNotNull(page.selectFirst(".summary-box"));
        assertEquals(0, data.count("Story", "e.source = ?1", StorySource.FORM));
    }

    @Test
    void unknown_references_are_shown_beside_their_fields() {
        Map<String, Object> form = statusQuo("Unknown theme");
        form.put("themes", List.of("cancellation", "no-such-theme"));
        browser.get("/stories/new");
        Response posted = browser.post("/stories", form);
        assertEquals(400, posted.statusCode());
        Document page = Jsoup.parse(posted.asString());
        assertTrue(page.selectFirst("fieldset.invalid").text().contains("'no-such-theme' is not a known theme"));
    }

    @Test
    void the_preview_button_renders_the_markdown_without_saving() {
        Map<String, Object> form = statusQuo("Preview me");
        form.put("action", "preview");
        form.put("body", "Some **bold** <script>alert(1)</script>");
        browser.get("/stories/new");
        Response posted = browser.post("/stories", form);
        assertEquals(200, posted.statusCode());
        Document page = Jsoup.parse(posted.asString());
        assertEquals("bold", page.selectFirst("#preview-area strong").text());
        assertTrue(page.select("#preview-area script").isEmpty());
        assertEquals("Preview me", page.selectFirst("input[name=title]").val());
        assertEquals(0, data.count("Story", "e.title = ?1", "Preview me"));
    }

    @Test
    void the_live_preview_endpoint_renders_safely() {
        browser.get("/stories/new");
        Response preview = browser.post("/preview", Map.of("markdown", "# Hi\n\n<img src=x onerror=alert(1)>"));
        assertEquals(200, preview.statusCode());
        Document html = Jsoup.parseBodyFragment(preview.asString());
        assertEquals("Hi", html.selectFirst("h1").text());
        assertTrue(html.select("img").isEmpty());
    }

    @Test
    void the_edit_link_shows_the_story_and_saves_a_revision() {
        String link = submit(statusQuo("Revise me"));
        Document edit = browser.get(link);
        assertEquals("Revise me", edit.selectFirst("input[name=title]").val());
        assertEquals("* Dropping cancels.", edit.selectFirst("textarea[name=faq-morals]").val());
        assertEquals("Not at all.", edit.selectFirst("textarea[name=extra-a-1]").val());
        Map<String, Object> revised = statusQuo("Revised");
        revised.put("token", edit.selectFirst("input[name=token]").val());
        revised.put("version", edit.selectFirst("input[name=version]").val());
        Response saved = browser.post("/stories/revise-me/edit", revised);
        assertEquals(303, saved.statusCode(), saved.asString());
        Document after = browser.get(saved.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertTrue(after.selectFirst(".notice").text().startsWith("Saved"));
        assertEquals("Revised", after.selectFirst("input[name=title]").val());
    }

    @Test
    void a_revision_from_a_stale_form_is_refused_and_keeps_the_typed_text() {
        String link = submit(statusQuo("Two tabs"));
        Document first = browser.get(link);
        String token = first.selectFirst("input[name=token]").val();
        Map<String, Object> tabOne = statusQuo("From tab one");
        tabOne.put("token", token);
        tabOne.put("version", "0");
        assertEquals(303, browser.post("/stories/two-tabs/edit", tabOne).statusCode());
        Map<String, Object> tabTwo = statusQuo("From tab two");
        tabTwo.put("token", token);
        tabTwo.put("version", "0");
        Response refused = browser.post("/stories/two-tabs/edit", tabTwo);
        assertEquals(409, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals("From tab two", page.selectFirst("input[name=title]").val());
        assertTrue(page.text().contains("changed since version 0"));
    }

    @Test
    void a_wrong_edit_token_is_refused() {
        submit(statusQuo("Guarded"));
        Response wrong = browser.getResponse("/stories/guarded/edit?token=guess");
        assertEquals(403, wrong.statusCode());
        Response missing = browser.getResponse("/stories/guarded/edit");
        assertEquals(403, missing.statusCode());
    }

    @Test
    void an_accepted_story_says_why_its_link_no_longer_edits() {
        String link = submit(statusQuo("Accepted soon"));
        Document edit = browser.get(link);
        String token = edit.selectFirst("input[name=token]").val();
        data.setState("accepted-soon", StoryState.ACCEPTED);
        Document closed = browser.get(link);
        assertNull(closed.selectFirst("form textarea"));
        assertTrue(closed.text().contains("accepted"), closed.text());
        Map<String, Object> late = statusQuo("Too late");
        late.put("token", token);
        late.put("version", "1");
        Response refused = browser.post("/stories/accepted-soon/edit", late);
        assertEquals(409, refused.statusCode());
        assertEquals(0, data.count("Story", "e.title = ?1", "Too late"));
    }

    @Test
    void a_shiny_future_story_retells_chosen_and_named_stories() {
        data.story("grace-waits", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "grace", List.of(), List.of(), List.of());
        Map<String, Object> form = statusQuo("Alan keeps data");
        form.put("kind", "shiny-future");
        form.put("retells", List.of("alan-loses-data"));
        form.put("retells-other", "grace-waits");
        form.put("faq-shiny", "Nothing is lost.");
        submit(form);
        Story story = QuarkusTransaction.requiringNew().call(() -> {
            Story s = Story.findBySlug("alan-keeps-data").orElseThrow();
            s.retells.size();
            s.faq.size();
            return s;
        });
        assertEquals(2, story.retells.size());
        assertEquals("What is the \"most shiny\" about this future?", story.faq.get(0).question);
    }

    @Test
    void an_idea_is_stored_with_its_candidates_and_morals() {
        Map<String, Object> idea = new HashMap<>();
        idea.put("kind", "idea");
        idea.put("title", "Someone fights the borrow checker in a closure");
        idea.put("summary", "A newcomer captures a reference in an async block.");
        idea.put("candidates", List.of("alan", "grace"));
        idea.put("morals", "Async blocks capture like closures.");
        idea.put("action", "submit");
        submit(idea);
        Story stored = QuarkusTransaction.requiringNew().call(() -> {
            Story s = Story.findBySlug("someone-fights-the-borrow-checker-in-a-closure").orElseThrow();
            s.faq.size();
            return s;
        });
        assertEquals(StoryState.IDEA, stored.state);
        assertTrue(stored.body.contains("- Alan") && stored.body.contains("- Grace"), stored.body);
        assertEquals("Async blocks capture like closures.", stored.faq.get(0).answer);
    }

    @Test
    void a_filled_honeypot_is_refused() {
        Map<String, Object> form = statusQuo("Robot");
        form.put("website", "http://spam.example");
        browser.get("/stories/new");
        Response posted = browser.post("/stories", form);
        assertEquals(400, posted.statusCode());
        assertEquals(0, data.count("Story", "e.title = ?1", "Robot"));
    }

    @Test
    void errors_are_html_pages_for_people() {
        browser.getResponse("/stories/nope").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is no story"));
    }
}
