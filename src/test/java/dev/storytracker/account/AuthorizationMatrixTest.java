package dev.storytracker.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.story.StoryResource;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.FormSession;

/**
 * Who may reach what: every route that changes or reveals non-public data, tried by each kind of caller, with the
 * answer each must get. One row per route; a failure names the route and the caller. Every cell starts from fresh
 * data (the story submitted, at version 0, unassigned, uncommented), so no cell depends on another.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The story every row works on: submitted, so not public, and still editable by its writer. */
    static final String STORY = "open-story";
    /** The account the admin rows change. */
    static final String TARGET = "t-target";

    /** Who calls: nobody, the writer with the edit token, or a signed-in member of the working group. */
    enum Caller {
        ANONYMOUS(null, null),
        WRITER(null, null),
        TRIAGER(TestUsers.TRIAGER, TestUsers.PASSWORD),
        PLANNER(TestUsers.PLANNER, TestUsers.PASSWORD),
        ADMIN(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        final String username;
        final String password;

        Caller(String username, String password) {
            this.username = username;
            this.password = password;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The matrix: method, path, body, then the answer for the anonymous caller, the writer, a triager, a planner and
     * an admin. Paths under /api are sent JSON; pages are sent form fields ({@code name=value&...}) with a valid CSRF
     * token. The writer sends the edit token in X-Edit-Token (API), {@code ?token=} (page GET) or a {@code token}
     * field (page POST). {slug} is {@value #STORY}; "-" is no body; lines starting with # are comments.
     */
    static final String MATRIX = """
            # verb | path                                  | body                                             |anon |wrtr |tria |plan |admn |
            | GET  | /api/stories?state=submitted          | -                                                | 403 | 403 | 200 | 200 | 200 |
            | GET  | /api/stories/{slug}                   | -                                                | 404 | 200 | 200 | 200 | 200 |
            | PUT  | /api/stories/{slug}                   | {"kind": "status-quo", "title": "Revised", "body": "Revised.", "character": "alan", "version": 0} | 403 | 200 | 403 | 403 | 403 |
            | POST | /api/stories/{slug}/transitions       | {"to": "in-review", "version": 0}                | 401 | 401 | 200 | 403 | 200 |
            | PUT  | /api/stories/{slug}/assignee          | {"assignee": "t-triager", "version": 0}          | 401 | 401 | 200 | 403 | 200 |
            | POST | /api/stories/{slug}/comments          | {"body": "Needs a moral."}                       | 401 | 401 | 201 | 201 | 201 |
            | GET  | /api/stories/{slug}/history           | -                                                | 401 | 401 | 200 | 200 | 200 |
            | GET  | /api/stories/{slug}/similar           | -                                                | 401 | 401 | 200 | 200 | 200 |
            | GET  | /api/dashboard                        | -                                                | 401 | 401 | 200 | 200 | 200 |
            | GET  | /dashboard                            | -                                                | 302 | 302 | 200 | 200 | 200 |
            | POST | /dashboard/bulk                       | story=open-story&v-open-story=0&action=in-review | 302 | 302 | 303 | 403 | 303 |
            | GET  | /stories/{slug}/review                | -                                                | 302 | 302 | 200 | 200 | 200 |
            | POST | /stories/{slug}/review/transition     | to=in-review&version=0                           | 302 | 302 | 303 | 403 | 303 |
            | POST | /stories/{slug}/review/assign         | assignee=t-triager&version=0                     | 302 | 302 | 303 | 403 | 303 |
            | POST | /stories/{slug}/review/comment        | body=Needs a moral.                              | 302 | 302 | 303 | 303 | 303 |
            | GET  | /stories/{slug}                       | -                                                | 404 | 404 | 200 | 200 | 200 |
            | GET  | /stories/{slug}/edit                  | -                                                | 403 | 200 | 403 | 403 | 403 |
            | POST | /stories/{slug}/edit                  | title=Revised&character=alan&body=Revised.&version=0&action=save | 403 | 303 | 403 | 403 | 403 |
            | GET  | /admin/users                          | -                                                | 302 | 302 | 403 | 403 | 200 |
            | POST | /admin/users                          | username=t-new&password=twelve-chars-or-more&roles=triager | 302 | 302 | 403 | 403 | 303 |
            | POST | /admin/users/t-target/roles           | roles=planner                                    | 302 | 302 | 403 | 403 | 303 |
            | POST | /admin/users/t-target/password        | password=another-long-password                   | 302 | 302 | 403 | 403 | 303 |
            | POST | /admin/users/t-target/enabled         | enabled=false                                    | 302 | 302 | 403 | 403 | 303 |
            """;

    /** One row of the matrix. */
    record Route(String method, String path, String body, List<Integer> expected) {

        static Route parse(String line) {
            String[] cells = line.strip().replaceAll("^\\||\\|$", "").split("\\|");
            List<Integer> expected = Arrays.stream(cells, 3, cells.length).map(String::strip).map(Integer::valueOf)
                    .toList();
            assertEquals(Caller.values().length, expected.size(), "one answer per caller in: " + line);
            String body = cells[2].strip();
            return new Route(cells[0].strip(), cells[1].strip(), body.equals("-") ? null : body, expected);
        }

        boolean page() {
            return !path.startsWith("/api/");
        }

        boolean changes() {
            return !method.equals("GET");
        }

        int expected(Caller caller) {
            return expected.get(caller.ordinal());
        }

        Map<String, Object> form() {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return fields;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    String token;

    @BeforeEach
    void setUp() {
        data.reset();
        users.removeAll();
        data.character("alan");
        token = users.storyWithToken(STORY, StoryState.SUBMITTED);
        users.createWorkingGroup();
        users.create(TARGET, User.TRIAGER);
    }

    @AfterEach
    void removeUsers() {
        data.reset();
        users.removeAll();
    }

    static Stream<Arguments> cells() {
        return MATRIX.lines().filter(line -> !line.startsWith("#")).map(Route::parse)
                .flatMap(route -> Arrays.stream(Caller.values())
                        .map(caller -> Arguments.of(route, caller, route.expected(caller))));
    }

    @ParameterizedTest(name = "{0} as {1} answers {2}")
    @MethodSource("cells")
    void each_caller_gets_the_answer_the_matrix_gives(Route route, Caller caller, int expected) {
        Response response = route.page() ? callPage(route, caller) : callApi(route, caller);
        assertEquals(expected, response.statusCode(),
                () -> route + " as " + caller + ": " + response.statusLine() + "\n" + response.asString());
        if (expected == 401) {
            String challenge = response.header("WWW-Authenticate");
            assertNotNull(challenge, route + " as " + caller + ": 401 without a WWW-Authenticate header");
            assertTrue(challenge.startsWith("Basic"), challenge);
        }
        if (expected == 302) {
            assertTrue(response.header("Location").endsWith("/login"),
                    route + " as " + caller + " redirected to " + response.header("Location"));
        }
        if (expected >= 400) {
            assertTrue(response.contentType().startsWith(route.page() ? "text/html" : "application/problem+json"),
                    route + " as " + caller + " answered " + response.contentType());
        }
        if (route.changes() && expected >= 300 && expected != 303) {
            assertNothingChanged(route, caller);
        }
    }

    private Response callApi(Route route, Caller caller) {
        RequestSpecification request = given().redirects().follow(false).accept(ContentType.JSON);
        if (caller.username != null) {
            request.auth().preemptive().basic(caller.username, caller.password);
        }
        if (caller == Caller.WRITER) {
            request.header(StoryResource.EDIT_TOKEN, token);
        }
        if (route.body() != null) {
            request.contentType(ContentType.JSON).body(route.body());
        }
        return request.request(route.method(), path(route));
    }

    private Response callPage(Route route, Caller caller) {
        FormSession browser = new FormSession();
        if (caller.username != null) {
            browser.withBasic(caller.username, caller.password);
        }
        if (route.method().equals("GET")) {
            return browser.getResponse(caller == Caller.WRITER ? path(route) + "?token=" + token : path(route));
        }
        // A public page hands every caller a CSRF token, so the answer below is about the caller, not the token.
        browser.get("/stories/new");
        Map<String, Object> fields = route.form();
        if (caller == Caller.WRITER) {
            fields.put("token", token);
        }
        return browser.post(path(route), fields);
    }

    private static String path(Route route) {
        return route.path().replace("{slug}", STORY);
    }

    /** A refused request leaves the story, its history and the accounts as they were. */
    private void assertNothingChanged(Route route, Caller caller) {
        String cell = route + " as " + caller + " was refused but ";
        assertEquals(1, data.count("Story", "e.slug = ?1 and e.version = 0 and e.state = ?2 and e.assignee is null",
                STORY, StoryState.SUBMITTED), cell + "changed the story");
        assertEquals(0, data.count("Comment"), cell + "added a comment");
        assertEquals(0, data.count("TriageEvent"), cell + "recorded a transition");
        User target = users.find(TARGET);
        assertEquals(User.TRIAGER, target.roles, cell + "changed the roles");
        assertTrue(target.enabled, cell + "disabled the account");
        assertTrue(io.quarkus.elytron.security.common.BcryptUtil.matches(TestUsers.PASSWORD, target.passwordHash),
                cell + "changed the password");
        assertEquals(0, data.count("User", "e.username = 't-new'"), cell + "added a user");
    }
}
