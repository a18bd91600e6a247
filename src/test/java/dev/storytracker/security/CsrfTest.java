package dev.storytracker.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.account.TestUsers;
import dev.storytracker.account.User;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.FormSession;

/**
 * Every form that posts, found on the pages that show it (as the admin, who sees them all, and as the writer for the
 * edit form), is sent back without its CSRF token, with a wrong token, and with a token but not the cookie it must
 * match: each is refused with 400 and an explanation, and nothing in the database changes. The forms in the
 * templates are listed too, so a new form no page shows here fails the test.
 */
@QuarkusTest
class CsrfTest {

    private static final Pattern TEMPLATE_FORM = Pattern
            .compile("<form[^>]*method=\"post\"[^>]*action=\"([^\"]*)\"");
    private static final String STORY = "csrf-story";
    private static final String PUBLIC = "csrf-public";
    private static final String ITEM = "csrf-goal";

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    @Inject
    EntityManager em;

    String token;

    @BeforeEach
    void setUp() {
        data.reset();
        users.removeAll();
        data.character("alan");
        data.theme("debugging");
        data.item(ITEM, RoadmapLevel.GOAL, null);
        token = users.storyWithToken(STORY, StoryState.SUBMITTED);
        data.story(PUBLIC, StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of(),
                List.of(ITEM));
        users.createWorkingGroup();
    }

    @AfterEach
    void cleanUp() {
        data.reset();
        users.removeAll();
    }

    @Test
    void every_form_post_without_its_token_is_refused_and_changes_nothing() throws IOException {
        FormSession admin = new FormSession();
        admin.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        FormSession writer = new FormSession();
        List<String[]> pages = new ArrayList<>();
        for (String page : List.of("/stories/new?kind=status-quo", "/stories/new?kind=shiny-future",
                "/stories/new?kind=idea", "/stories/" + STORY + "/review", "/stories/" + PUBLIC + "/review",
                "/dashboard", "/admin/users", "/admin/imports", "/roadmap/" + ITEM)) {
            pages.add(new String[]{"admin", page});
        }
        pages.add(new String[]{"writer", "/stories/" + STORY + "/edit?token=" + token});
        String before = snapshot();
        Set<String> tried = new TreeSet<>();
        int posts = 0;
        for (String[] page : pages) {
            FormSession session = page[0].equals("admin") ? admin : writer;
            Document document = session.get(page[1]);
            for (Element form : document.select("form[method=post]")) {
                String action = form.attr("action");
                tried.add(template(action));
                Map<String, Object> fields = Forms.fields(form);
                fields.remove("csrf-token");
                Element button = form.selectFirst("button[name]");
                if (button != null) {
                    fields.put(button.attr("name"), button.attr("value"));
                }
                boolean multipart = "multipart/form-data".equals(form.attr("enctype"));
                for (String variant : List.of("no token", "a wrong token", "no cookie")) {
                    Response answer = post(session, action, fields, variant, multipart);
                    posts++;
                    String where = page[1] + " -> POST " + action + " with " + variant;
                    assertEquals(400, answer.statusCode(), where + ": " + answer.asString());
                    assertTrue(answer.contentType().startsWith("text/html"), where + ": " + answer.contentType());
                    assertTrue(answer.asString().contains("security token"), where + ": " + answer.asString());
                    assertEquals(before, snapshot(), where + " changed the data");
                }
            }
        }
        Set<String> inTemplates = formsInTemplates();
        inTemplates.removeAll(tried);
        assertEquals(Set.of(), inTemplates, "forms in the templates this test never found on a page");
        assertTrue(posts >= 3 * 15, "only " + posts + " posts");
        System.out.printf("CSRF: %d forms (%d form kinds) posted %d times without a valid token; all refused%n",
                posts / 3, tried.size(), posts);
    }

    @Test
    void the_preview_and_sign_out_need_the_token_too() {
        FormSession admin = new FormSession();
        admin.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        admin.get("/stories/new");
        admin.forgetCsrf();
        Response preview = admin.post("/preview", Map.of("markdown", "Hello"));
        assertEquals(400, preview.statusCode());
        Response signOut = admin.post("/logout", Map.of());
        assertEquals(400, signOut.statusCode());
        // Still signed in: the refused sign-out did nothing.
        assertEquals(200, admin.getResponse("/dashboard").statusCode());
    }

    @Test
    void a_program_gets_a_problem_document_when_the_token_is_missing() {
        Response answer = given().accept("*/*").contentType("application/x-www-form-urlencoded")
                .formParam("markdown", "Hello").post("/preview");
        assertEquals(400, answer.statusCode());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals("Form expired", answer.path("title"));
    }

    private Response post(FormSession session, String action, Map<String, Object> fields, String variant,
            boolean multipart) {
        RequestSpecification request = given().redirects().follow(false).accept("text/html");
        if (session.cookie("tracker-session") != null) {
            request.cookie("tracker-session", session.cookie("tracker-session"));
        }
        if (!variant.equals("no cookie")) {
            request.cookie("tracker-csrf", session.cookie("tracker-csrf"));
        }
        String value = switch (variant) {
            case "a wrong token" -> "Q2hvc2VuIGJ5IGFuIGF0dGFja2VyLCBub3QgdGhlIHNlcnZlcg";
            case "no cookie" -> csrfOf(session);
            default -> null;
        };
        if (multipart) {
            if (value != null) {
                request.multiPart("csrf-token", value);
            }
            fields.forEach((name, v) -> request.multiPart(name, String.valueOf(v)));
            request.multiPart("file", "book.zip", new byte[]{'P', 'K', 5, 6}, "application/zip");
        } else {
            request.contentType("application/x-www-form-urlencoded; charset=UTF-8");
            if (value != null) {
                request.formParam("csrf-token", value);
            }
            fields.forEach((name, v) -> {
                if (v instanceof List<?> list) {
                    list.forEach(item -> request.formParam(name, item));
                } else {
                    request.formParam(name, v);
                }
            });
        }
        return request.post(action);
    }

    /** The token the session's pages carry (the double-submit value), taken from a fresh page. */
    private static String csrfOf(FormSession session) {
        Element input = session.get("/stories/new").selectFirst("input[name=csrf-token]");
        return input == null ? "" : input.attr("value");
    }

    /** What a refused post must not change: rows, versions, links, roles, passwords and account states. */
    private String snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder out = new StringBuilder();
            for (String sql : List.of("select count(*) from story", "select coalesce(sum(version), 0) from story",
                    "select count(*) from story_comment", "select count(*) from triage_event",
                    "select count(*) from story_link",
                    "select coalesce(sum(length(relation) + length(coalesce(note, ''))), 0) from story_link",
                    "select count(*) from roadmap_item", "select coalesce(sum(version), 0) from roadmap_item",
                    "select count(*) from app_user", "select coalesce(sum(version), 0) from app_user",
                    "select count(*) from app_user where enabled = true")) {
                out.append(sql).append(" = ").append(em.createNativeQuery(sql).getSingleResult()).append('\n');
            }
            for (User user : User.<User>listAll()) {
                out.append(user.username).append(' ').append(user.roles).append(' ').append(user.passwordHash)
                        .append('\n');
            }
            return out.toString();
        });
    }

    /** The form actions in the templates, with their expressions and this test's slugs as {}. */
    private static Set<String> formsInTemplates() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher form = TEMPLATE_FORM.matcher(Files.readString(file));
                while (form.find()) {
                    String action = form.group(1);
                    if (action.equals("{view.action}")) {
                        // The story form posts to /stories (new) or to the story's edit address.
                        actions.add("/stories");
                        actions.add("/stories/{}/edit");
                    } else if (!action.equals("/j_security_check")) {
                        actions.add(template(action));
                    }
                }
            }
        }
        return actions;
    }

    private static String template(String action) {
        String bare = action.replaceAll("\\{[^}]*}", "{}");
        for (String slug : List.of(STORY, PUBLIC, ITEM, TestUsers.ADMIN, TestUsers.TRIAGER, TestUsers.PLANNER)) {
            bare = bare.replaceAll("(?<=/)" + Pattern.quote(slug) + "(?=/|$)", "{}");
        }
        return bare;
    }
}
