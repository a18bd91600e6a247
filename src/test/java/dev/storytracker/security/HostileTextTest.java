package dev.storytracker.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.account.TestUsers;
import dev.storytracker.account.User;
import dev.storytracker.ingest.ImportResource;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.security.HostileVectors.Vector;
import dev.storytracker.story.StoryResource;
import dev.storytracker.web.FormSession;

/**
 * Sends every hostile vector through every way text enters the tracker (the three submission forms, the edit form,
 * the story API, comments, transition notes, the roadmap and link APIs, user names, previews, front-matter files and an
 * mdBook), then walks every page that can show the text, as a triager, as an anonymous reader and as an admin, and
 * inspects each with jsoup. One test, so the data is written once: the report lists vectors x entry points, pages
 * checked and failures, and the test fails on any failure.
 */
@QuarkusTest
class HostileTextTest {

    private static final List<Vector> VECTORS = HostileVectors.ALL;
    private static final String TRIAGER = "t-h-triager";
    private static final String PLANNER = "t-h-planner";
    private static final String PASSWORD = TestUsers.PASSWORD;

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    private final Tally tally = new Tally();
    private final List<String> acceptedSlugs = new ArrayList<>();
    /** Story slug of each vector's status-quo form story, for the template checks. */
    private final Map<Integer, String> formStory = new HashMap<>();
    private final List<String> editPages = new ArrayList<>();
    /** Review pages worth walking: those of stories with comments and transition notes. */
    private final List<String> reviewPages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        data.reset();
        users.removeAll();
        data.character("alan");
        data.theme("debugging");
        data.item("hostile-goal", RoadmapLevel.GOAL, null);
        // A cheap hash: these accounts sign every API call with HTTP Basic, and bcrypt is slow on purpose.
        String hash = BcryptUtil.bcryptHash(PASSWORD, 4);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] account : new String[][]{{TRIAGER, User.TRIAGER}, {PLANNER, User.PLANNER}}) {
                User user = new User();
                user.username = account[0];
                user.passwordHash = hash;
                user.roles = account[1];
                user.persist();
            }
        });
    }

    @AfterEach
    void cleanUp() {
        data.reset();
        users.removeAll();
    }

    @Test
    void no_entry_point_lets_hostile_text_reach_a_page_as_markup() {
        long started = System.nanoTime();
        // One CSRF token per session serves every form post (it is a double-submit cookie, not one per page).
        FormSession writer = new FormSession();
        writer.get("/stories/new");
        FormSession triager = new FormSession();
        triager.signIn(TRIAGER, PASSWORD);
        triager.get("/dashboard");
        FormSession admin = new FormSession();
        admin.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        admin.get("/admin/users");
        for (int i = 0; i < VECTORS.size(); i++) {
            Vector v = VECTORS.get(i);
            String sq = statusQuoForm(writer, triager, i, v);
            String sf = shinyFutureForm(writer, i, v);
            ideaForm(writer, i, v);
            apiStory(triager, i, v);
            if (sq != null) {
                accept(triager, sq, v);
            }
            if (sf != null) {
                accept(triager, sf, v);
            }
            String item = roadmapItem(i, v);
            if (sq != null && item != null) {
                linkNote(sq, item, v);
            }
            userName(admin, v);
            preview(writer, v);
            hostileAddress(writer, v);
        }
        imports(admin);
        long written = System.nanoTime();

        SiteCrawler asTriager = new SiteCrawler(triager, "triager", tally, true).seed("/", "/stories",
                "/characters", "/themes", "/roadmap", "/dashboard", "/gaps", "/gaps/unaddressed-stories",
                "/gaps/ungrounded-items", "/gaps/thin-coverage", "/stories?state=submitted", "/stories?state=idea");
        asTriager.notFollowing("/stories/[^/]+/(review|edit).*").seed(editPages).seed(reviewPages);
        asTriager.crawl(5000);
        // Anonymous readers see the same templates without the working group's parts: the listings and the
        // accepted stories are enough to tell the difference.
        new SiteCrawler(new FormSession(), "anonymous", tally, false).seed("/", "/stories", "/characters", "/themes",
                "/roadmap", "/gaps").seed(acceptedSlugs.stream().map(slug -> "/stories/" + slug).toList())
                .crawl(1000);
        new SiteCrawler(admin, "admin", tally, false).seed("/admin/users", "/admin/imports").crawl(10);
        feed();
        templatesShownAsText(asTriager);

        String report = tally.report(VECTORS.size()) + String.format("  written in %d ms, pages walked in %d ms%n",
                (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        System.out.println(report);
        assertTrue(VECTORS.size() >= 50, "at least 50 vectors");
        assertTrue(tally.failures.isEmpty(), report);
    }

    // ---- Entry points -----------------------------------------------------------------------------------------

    private String statusQuoForm(FormSession writer, FormSession triager, int i, Vector v) {
        Map<String, Object> fields = storyFields("status-quo", i, v);
        fields.put("faq-morals", v.text());
        fields.put("faq-why", v.text());
        String slug = submit(writer, "form-status-quo", v, fields);
        if (slug == null) {
            return null;
        }
        formStory.put(i, slug);
        String token = editToken(writer, slug, v);
        if (token == null) {
            return slug;
        }
        // The edit form, filled in the way a browser would send it, with the vector in every text box left.
        String edit = "/stories/" + slug + "/edit?token=" + token;
        Document page = writer.get(edit);
        inspect("edit-form", v, "GET " + edit, page);
        Element form = page.selectFirst("form[action$=/edit]");
        Map<String, Object> revised = Forms.fields(form);
        revised.put("faq-sources", v.text());
        revised.put("extra-q-2", v.text());
        revised.put("extra-a-2", v.text());
        revised.put("action", "save");
        Response saved = writer.post("/stories/" + slug + "/edit", revised);
        outcome("edit-form", v, saved);
        // The working group's comments, one as a request to the writer, shown on the edit page.
        outcome("review-comment", v, triager.post("/stories/" + slug + "/review/comment",
                Map.of("body", v.text(), "toWriter", "on")));
        outcome("api-comment", v, api(TRIAGER).contentType(ContentType.JSON)
                .body(Map.of("body", v.text(), "toWriter", true)).post("/api/stories/" + slug + "/comments"));
        editPages.add(edit);
        reviewPages.add("/stories/" + slug + "/review");
        return slug;
    }

    private String shinyFutureForm(FormSession writer, int i, Vector v) {
        Map<String, Object> fields = storyFields("shiny-future", i, v);
        fields.put("faq-shiny", v.text());
        fields.put("retells-other", formStory.getOrDefault(i, ""));
        return submit(writer, "form-shiny-future", v, fields);
    }

    private void ideaForm(FormSession writer, int i, Vector v) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", "idea");
        fields.put("title", "Idea " + i + " " + v.text());
        fields.put("summary", v.text());
        fields.put("candidates", "alan");
        fields.put("morals", v.text());
        fields.put("authors", v.text());
        submit(writer, "form-idea", v, fields);
    }

    private Map<String, Object> storyFields(String kind, int i, Vector v) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("title", kind + " " + i + " " + v.text());
        fields.put("summary", v.text());
        fields.put("body", "Before.\n\n" + v.text() + "\n\nAfter " + v.text());
        fields.put("character", "alan");
        fields.put("themes", "debugging");
        fields.put("authors", v.text() + "\nJane Doe");
        fields.put("extra-q-1", v.text());
        fields.put("extra-a-1", v.text());
        return fields;
    }

    /** Posts a submission form; answers the new story's slug, or null when it was (cleanly) refused. */
    private String submit(FormSession writer, String entry, Vector v, Map<String, Object> fields) {
        Response response = writer.post("/stories", fields);
        outcome(entry, v, response);
        if (response.statusCode() != 303) {
            return null;
        }
        String location = response.header("Location");
        String slug = location.replaceAll(".*/stories/([^/]+)/submitted$", "$1");
        return slug.equals(location) ? null : slug;
    }

    private String editToken(FormSession writer, String slug, Vector v) {
        Document submitted = writer.get("/stories/" + slug + "/submitted");
        inspect("form-status-quo", v, "GET /stories/" + slug + "/submitted", submitted);
        Element link = submitted.selectFirst("a.secret");
        return link == null ? null : link.attr("href").replaceAll(".*[?&]token=([^&]+).*", "$1");
    }

    private void apiStory(FormSession triager, int i, Vector v) {
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("kind", "status-quo");
        story.put("title", "API " + i + " " + v.text());
        story.put("summary", v.text());
        story.put("body", v.text());
        story.put("character", "alan");
        story.put("faq", List.of(Map.of("question", v.text(), "answer", v.text())));
        story.put("authors", List.of(v.text()));
        Response created = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(story)
                .post("/api/stories");
        outcome("api-create", v, created);
        if (created.statusCode() != 201) {
            return;
        }
        String slug = created.path("story.slug");
        String token = created.path("editToken");
        story.put("body", "Revised.\n\n" + v.text());
        story.put("version", created.<Integer>path("story.version"));
        outcome("api-edit", v, given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header(StoryResource.EDIT_TOKEN, token).body(story).put("/api/stories/" + slug));
        editPages.add("/stories/" + slug + "/edit?token=" + token);
    }

    /** Moves a story to in-review and then to accepted through the review page, each time with the vector as note. */
    private void accept(FormSession triager, String slug, Vector v) {
        Document review = triager.get("/stories/" + slug + "/review");
        inspect("transition-note", v, "GET /stories/" + slug + "/review", review);
        Element version = review.selectFirst("form[action$=/review/transition] input[name=version]");
        if (version == null) {
            tally.fail("transition-note", v, slug + " has no transition form");
            return;
        }
        int seen = Integer.parseInt(version.attr("value"));
        for (String to : List.of("in-review", "accepted")) {
            Response moved = triager.post("/stories/" + slug + "/review/transition",
                    Map.of("to", to, "version", String.valueOf(seen++), "note", v.text()));
            outcome("transition-note", v, moved);
            if (moved.statusCode() != 303) {
                return;
            }
        }
        acceptedSlugs.add(slug);
    }

    private String roadmapItem(int i, Vector v) {
        String slug = HostileBooks.slug("api-item", i);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("slug", slug);
        item.put("title", "Item " + i + " " + v.text());
        item.put("level", "initiative");
        item.put("parent", "hostile-goal");
        item.put("owners", List.of(v.text()));
        item.put("impact", v.text());
        item.put("landing", v.text());
        Response raw = api(PLANNER).contentType(ContentType.JSON).body(item).post("/api/roadmap");
        outcome("roadmap-landing-raw", v, raw);
        if (raw.statusCode() == 201) {
            return slug;
        }
        item.put("landing", "https://example.org/?" + v.text().replaceAll("\\s", ""));
        Response withLanding = api(PLANNER).contentType(ContentType.JSON).body(item).post("/api/roadmap");
        outcome("roadmap-landing-https", v, withLanding);
        if (withLanding.statusCode() == 201) {
            return slug;
        }
        item.remove("landing");
        Response created = api(PLANNER).contentType(ContentType.JSON).body(item).post("/api/roadmap");
        outcome("roadmap-title-owners-impact", v, created);
        return created.statusCode() == 201 ? slug : null;
    }

    private void linkNote(String story, String item, Vector v) {
        Map<String, Object> link = Map.of("story", story, "item", item, "relation", "motivates", "note",
                v.text().replaceAll("\\R", " "));
        outcome("link-note", v, api(PLANNER).contentType(ContentType.JSON).body(link).put("/api/links"));
    }

    private void userName(FormSession admin, Vector v) {
        Response response = admin.post("/admin/users",
                Map.of("username", v.text(), "password", "a-long-enough-password", "roles", "triager"));
        outcome("admin-user-name", v, response);
    }

    private void preview(FormSession writer, Vector v) {
        Response response = writer.post("/preview", Map.of("markdown", v.text()));
        if (response.statusCode() != 200) {
            tally.fail("preview", v, "answered " + response.statusCode());
            return;
        }
        tally.stored("preview");
        inspect("preview", v, "POST /preview", HtmlInspector.parse(response.asString()));
    }

    /** The vector in a page address and a query: the not-found and bad-request pages must show it inert. */
    private void hostileAddress(FormSession writer, Vector v) {
        String encoded = URLEncoder.encode(v.text(), StandardCharsets.UTF_8).replace("+", "%20");
        for (String path : List.of("/stories/" + encoded, "/stories?page=" + encoded)) {
            Response response = writer.getResponse(path);
            String entry = path.contains("?") ? "address-query" : "address-path";
            outcome(entry, v, response);
        }
    }

    private void imports(FormSession admin) {
        Element csrf = admin.get("/admin/imports").selectFirst("input[name=csrf-token]");
        Response page = given().redirects().follow(false).accept("text/html")
                .cookie("tracker-session", admin.cookie("tracker-session"))
                .cookie("tracker-csrf", admin.cookie("tracker-csrf"))
                .multiPart("csrf-token", csrf == null ? "" : csrf.attr("value"))
                .multiPart("format", "frontmatter")
                .multiPart("file", "corpus.zip", HostileBooks.frontMatterCorpus(VECTORS), ImportResource.ZIP)
                .post("/admin/imports");
        Document report = HtmlInspector.parse(page.asString());
        importOutcomes(page.statusCode(), report.text(), "import-frontmatter");
        for (String finding : HtmlInspector.findings(report)) {
            tally.fail("import report page: " + finding);
        }
        Response book = given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ImportResource.ZIP).body(HostileBooks.mdBook(VECTORS))
                .post("/api/admin/imports?format=mdbook");
        importOutcomes(book.statusCode(), book.asString(), "import-mdbook");
    }

    /**
     * The importer keeps what it can and reports a problem for each file it refuses (YAML, for one, holds no NUL):
     * a vector counts as stored when its story is in the database, as refused otherwise.
     */
    private void importOutcomes(int status, String report, String entry) {
        if (status != 200) {
            tally.fail(entry + " answered " + status + ": " + clip(report));
        }
        for (int i = 0; i < VECTORS.size(); i++) {
            boolean stored = entry.endsWith("mdbook")
                    ? data.count("Story", "e.title like ?1", "Book " + i + " %") == 1
                    : data.count("Story", "e.slug = ?1", HostileBooks.slug("fm-story", i)) == 1;
            if (stored) {
                tally.stored(entry);
            } else {
                tally.refused(entry);
            }
        }
    }

    // ---- Checks -------------------------------------------------------------------------------------------------

    /** A write either kept the text (2xx, 3xx) or refused it with a clear error; a refusal page is inspected too. */
    private void outcome(String entry, Vector v, Response response) {
        int status = response.statusCode();
        if (status >= 200 && status < 400) {
            tally.stored(entry);
        } else if (status == 400 || status == 404 || status == 409) {
            tally.refused(entry);
        } else {
            tally.fail(entry, v, "answered " + status + ": " + clip(response.asString()));
            return;
        }
        String type = response.contentType() == null ? "" : response.contentType();
        if (type.startsWith("text/html")) {
            inspect(entry, v, "answer " + status, HtmlInspector.parse(response.asString()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            tally.fail(entry, v, "refused with " + type + " instead of a problem document");
        }
    }

    private void inspect(String entry, Vector v, String where, Document page) {
        tally.pages++;
        for (String finding : HtmlInspector.findings(page)) {
            tally.fail(entry, v, where + ": " + finding);
        }
    }

    private void feed() {
        Response feed = given().get("/feed.xml");
        tally.pages++;
        if (feed.statusCode() != 200) {
            tally.fail("feed answered " + feed.statusCode());
            return;
        }
        String xml = feed.asString();
        HtmlInspector.feedFindings(xml).forEach(f -> tally.fail("feed: " + f));
        for (Vector v : VECTORS) {
            if (v.template() && !xml.contains(v.text().replace("&", "&amp;").replace("<", "&lt;"))) {
                tally.fail("feed", v, "the template text is not in the feed as typed");
            }
        }
    }

    /** Template syntax must come out as the very text typed: not evaluated, not an error. */
    private void templatesShownAsText(SiteCrawler crawler) {
        for (int i = 0; i < VECTORS.size(); i++) {
            Vector v = VECTORS.get(i);
            if (!v.template()) {
                continue;
            }
            checkHeading(crawler, "/stories/" + formStory.get(i), v);
            checkHeading(crawler, "/roadmap/" + HostileBooks.slug("api-item", i), v);
            checkHeading(crawler, "/stories/" + HostileBooks.slug("fm-story", i), v);
            checkHeading(crawler, "/characters/" + HostileBooks.slug("fm-char", i), v);
        }
    }

    private void checkHeading(SiteCrawler crawler, String path, Vector v) {
        Document page = crawler.pages.get(path);
        Element heading = page == null ? null : page.selectFirst("h1");
        if (heading == null || !heading.text().contains(v.text())) {
            tally.fail("template", v, path + " does not show the text as typed: "
                    + (heading == null ? "no page or heading" : heading.text()));
        }
    }

    private static RequestSpecification api(String username) {
        return given().auth().preemptive().basic(username, PASSWORD).accept(ContentType.JSON);
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
