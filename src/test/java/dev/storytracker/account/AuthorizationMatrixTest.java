package dev.storytracker.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportResource;
import dev.storytracker.roadmap.LinkRelation;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryResource;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.FormSession;

/**
 * Who may reach what: every route the tracker answers (its resources and pages, health, the API description, metrics,
 * the feed and static files), tried by each kind of caller, with the answer each must get. One row per route; a
 * failure names the route and the caller. Every cell starts from fresh data (the story submitted, at version 0,
 * unassigned, uncommented; an accepted story linked to a roadmap item), so no cell depends on another; a refused write
 * must leave all of it as it was. {@link #every_resource_route_has_a_row_in_the_matrix} fails when a route is added
 * without a row.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The story every row works on: submitted, so not public, and still editable by its writer. */
    static final String STORY = "open-story";
    /** The account the admin rows change. */
    static final String TARGET = "t-target";
    /** An accepted story, linked to the roadmap item {@value #ITEM} (relation motivates). */
    static final String PUBLIC = "public-story";
    /** The roadmap item the planner rows change. */
    static final String ITEM = "matrix-goal";

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
            # -- Stories: API --
            | GET  | /api/stories                          | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/stories?state=submitted          | -                                                | 403 | 403 | 200 | 200 | 200 |
            | POST | /api/stories                          | {"kind": "status-quo", "title": "Another", "body": "Text.", "character": "alan"} | 201 | 201 | 201 | 201 | 201 |
            | GET  | /api/stories/{slug}                   | -                                                | 404 | 200 | 200 | 200 | 200 |
            | PUT  | /api/stories/{slug}                   | {"kind": "status-quo", "title": "Revised", "body": "Revised.", "character": "alan", "version": 0} | 403 | 200 | 403 | 403 | 403 |
            | GET  | /api/stories/{slug}/roadmap           | -                                                | 404 | 404 | 200 | 200 | 200 |
            | POST | /api/stories/{slug}/transitions       | {"to": "in-review", "version": 0}                | 401 | 401 | 200 | 403 | 200 |
            | PUT  | /api/stories/{slug}/assignee          | {"assignee": "t-triager", "version": 0}          | 401 | 401 | 200 | 403 | 200 |
            | POST | /api/stories/{slug}/comments          | {"body": "Needs a moral."}                       | 401 | 401 | 201 | 201 | 201 |
            | GET  | /api/stories/{slug}/history           | -                                                | 401 | 401 | 200 | 200 | 200 |
            | GET  | /api/stories/{slug}/similar           | -                                                | 401 | 401 | 200 | 200 | 200 |
            | GET  | /api/dashboard                        | -                                                | 401 | 401 | 200 | 200 | 200 |
            # -- Catalogue, roadmap, links, trace and gaps: API --
            | GET  | /api/characters                       | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/characters/{character}           | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/themes                           | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/themes/{theme}                   | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/projects                         | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/projects/{project}               | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/roadmap                          | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/roadmap/{item}                   | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/roadmap/{item}/stories           | -                                                | 200 | 200 | 200 | 200 | 200 |
            | POST | /api/roadmap                          | {"slug": "new-goal", "title": "New goal", "level": "goal"} | 401 | 401 | 403 | 201 | 201 |
            | PUT  | /api/roadmap/{item}                   | {"title": "Renamed", "level": "goal", "version": 0} | 401 | 401 | 403 | 200 | 200 |
            | PUT  | /api/links                            | {"story": "public-story", "item": "matrix-goal", "relation": "illustrates"} | 401 | 401 | 403 | 200 | 200 |
            | DELETE | /api/links?story=public-story&item=matrix-goal | -                                   | 401 | 401 | 403 | 204 | 204 |
            | GET  | /api/trace                            | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/trace/links                      | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/trace.csv                        | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/gaps                             | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/gaps/unaddressed-stories         | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/gaps/ungrounded-items            | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /api/gaps/thin-coverage               | -                                                | 200 | 200 | 200 | 200 | 200 |
            | POST | /api/admin/imports?dryRun=true        | zip                                              | 401 | 401 | 403 | 403 | 200 |
            # -- Public pages --
            | GET  | /                                     | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /stories                              | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /stories/new                          | -                                                | 200 | 200 | 200 | 200 | 200 |
            | POST | /stories                              | kind=status-quo&title=Another&character=alan&body=Text. | 303 | 303 | 303 | 303 | 303 |
            | GET  | /stories/{slug}/submitted             | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /stories/public-story                 | -                                                | 200 | 200 | 200 | 200 | 200 |
            | POST | /preview                              | markdown=Hello                                   | 200 | 200 | 200 | 200 | 200 |
            | GET  | /characters                           | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /characters/{character}               | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /themes                               | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /themes/{theme}                       | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /roadmap                              | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /roadmap/{item}                       | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /roadmap/{item}/trace                 | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /gaps                                 | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /gaps/unaddressed-stories             | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /gaps/ungrounded-items                | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /gaps/thin-coverage                   | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /feed.xml                             | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /login                                | -                                                | 200 | 200 | 200 | 200 | 200 |
            | POST | /logout                               | -                                                | 303 | 303 | 303 | 303 | 303 |
            # -- Pages of the working group, the writer and the admin --
            | GET  | /dashboard                            | -                                                | 302 | 302 | 200 | 200 | 200 |
            | POST | /dashboard/bulk                       | story=open-story&v-open-story=0&action=in-review | 302 | 302 | 303 | 403 | 303 |
            | GET  | /stories/{slug}/review                | -                                                | 302 | 302 | 200 | 200 | 200 |
            | POST | /stories/{slug}/review/transition     | to=in-review&version=0                           | 302 | 302 | 303 | 403 | 303 |
            | POST | /stories/{slug}/review/assign         | assignee=t-triager&version=0                     | 302 | 302 | 303 | 403 | 303 |
            | POST | /stories/{slug}/review/comment        | body=Needs a moral.                              | 302 | 302 | 303 | 303 | 303 |
            | POST | /stories/{slug}/review/links          | mode=add&item=matrix-goal&relation=motivates     | 302 | 302 | 403 | 303 | 303 |
            | POST | /stories/public-story/review/links/remove | item=matrix-goal                             | 302 | 302 | 403 | 303 | 303 |
            | POST | /roadmap/{item}/links                 | mode=edit&story=public-story&relation=illustrates | 302 | 302 | 403 | 303 | 303 |
            | POST | /roadmap/{item}/links/remove          | story=public-story                               | 302 | 302 | 403 | 303 | 303 |
            | GET  | /stories/{slug}                       | -                                                | 404 | 404 | 200 | 200 | 200 |
            | GET  | /stories/{slug}/edit                  | -                                                | 403 | 200 | 403 | 403 | 403 |
            | POST | /stories/{slug}/edit                  | title=Revised&character=alan&body=Revised.&version=0&action=save | 403 | 303 | 403 | 403 | 403 |
            | GET  | /admin/users                          | -                                                | 302 | 302 | 403 | 403 | 200 |
            | POST | /admin/users                          | username=t-new&password=twelve-chars-or-more&roles=triager | 302 | 302 | 403 | 403 | 303 |
            | POST | /admin/users/{user}/roles             | roles=planner                                    | 302 | 302 | 403 | 403 | 303 |
            | POST | /admin/users/{user}/password          | password=another-long-password                   | 302 | 302 | 403 | 403 | 303 |
            | POST | /admin/users/{user}/enabled           | enabled=false                                    | 302 | 302 | 403 | 403 | 303 |
            | GET  | /admin/imports                        | -                                                | 302 | 302 | 403 | 403 | 200 |
            | POST | /admin/imports                        | zip                                              | 302 | 302 | 403 | 403 | 200 |
            # -- Health, API description, metrics and static files --
            | GET  | /api/ping                             | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /q/health                             | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /q/health/live                        | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /q/health/ready                       | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /q/openapi                            | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /q/metrics                            | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /css/tracker.css                      | -                                                | 200 | 200 | 200 | 200 | 200 |
            | GET  | /js/tracker.js                        | -                                                | 200 | 200 | 200 | 200 | 200 |
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
            return !path.startsWith("/api/") && !raw();
        }

        /** Health, the API description, metrics, the feed, CSV and static files: asked for with no particular type. */
        boolean raw() {
            return path.startsWith("/q/") || path.startsWith("/css/") || path.startsWith("/js/")
                    || path.equals("/feed.xml") || path.endsWith(".csv");
        }

        boolean zip() {
            return "zip".equals(body);
        }

        boolean changes() {
            return !method.equals("GET");
        }

        int expected(Caller caller) {
            return expected.get(caller.ordinal());
        }

        Map<String, Object> form() {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (body == null) {
                return fields;
            }
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
        data.theme("debugging");
        data.project("youbuy");
        data.item(ITEM, RoadmapLevel.GOAL, null);
        token = users.storyWithToken(STORY, StoryState.SUBMITTED);
        data.story(PUBLIC, StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of(),
                List.of(ITEM));
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
        Response response = route.raw() ? callRaw(route, caller)
                : route.page() ? callPage(route, caller) : callApi(route, caller);
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
        if (expected >= 400 && !route.raw()) {
            assertTrue(response.contentType().startsWith(route.page() ? "text/html" : "application/problem+json"),
                    route + " as " + caller + " answered " + response.contentType());
        }
        if (route.changes() && expected >= 300 && expected != 303) {
            assertNothingChanged(route, caller);
        }
    }

    /** Every JAX-RS resource method of the application, found by reflection over the compiled classes. */
    @Test
    void every_resource_route_has_a_row_in_the_matrix() throws IOException {
        Set<String> rows = MATRIX.lines().filter(line -> !line.startsWith("#")).map(Route::parse)
                .map(route -> route.method() + " " + template(path(route))).collect(Collectors.toSet());
        Set<String> routes = new TreeSet<>();
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.')
                        .replaceAll("\\.class$", "");
                routes.addAll(routesOf(name));
            }
        }
        assertTrue(routes.size() > 50, "found only " + routes);
        List<String> missing = routes.stream().filter(r -> !rows.contains(r)).toList();
        assertEquals(List.of(), missing, "routes without a row in the authorization matrix");
    }

    private static List<String> routesOf(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
        jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (base == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class,
                    PATCH.class)) {
                if (method.isAnnotationPresent(verb)) {
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = "/" + base.value() + (sub == null ? "" : "/" + sub.value());
                    found.add(verb.getSimpleName() + " " + template(path));
                }
            }
        }
        return found;
    }

    /** A path with its parameters (and the fixed slugs the rows use) as {}, without query or extra slashes. */
    private static String template(String path) {
        String bare = path.replaceAll("\\?.*$", "").replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        for (String slug : List.of(STORY, PUBLIC, ITEM, TARGET, "alan", "debugging", "youbuy")) {
            bare = bare.replaceAll("(?<=/)" + slug + "(?=/|$)", "{}");
        }
        return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }

    private Response callApi(Route route, Caller caller) {
        RequestSpecification request = given().redirects().follow(false).accept(ContentType.JSON);
        if (caller.username != null) {
            request.auth().preemptive().basic(caller.username, caller.password);
        }
        if (caller == Caller.WRITER) {
            request.header(StoryResource.EDIT_TOKEN, token);
        }
        if (route.zip()) {
            request.contentType(ImportResource.ZIP).body(emptyZip());
        } else if (route.body() != null) {
            request.contentType(ContentType.JSON).body(route.body());
        }
        return request.request(route.method(), path(route));
    }

    private Response callRaw(Route route, Caller caller) {
        RequestSpecification request = given().redirects().follow(false);
        if (caller.username != null) {
            request.auth().preemptive().basic(caller.username, caller.password);
        }
        return request.request(route.method(), path(route));
    }

    private static byte[] emptyZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("Nothing to import.".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Response callPage(Route route, Caller caller) {
        FormSession browser = new FormSession();
        if (caller.username != null) {
            browser.withBasic(caller.username, caller.password);
        }
        if (route.method().equals("GET")) {
            String path = path(route);
            return browser.getResponse(caller == Caller.WRITER ? path + (path.contains("?") ? "&" : "?") + "token="
                    + token : path);
        }
        // A public page hands every caller a CSRF token, so the answer below is about the caller, not the token.
        Element csrf = browser.get("/stories/new").selectFirst("input[name=csrf-token]");
        if (route.zip()) {
            RequestSpecification upload = given().redirects().follow(false).accept("text/html")
                    .cookie("tracker-csrf", browser.cookie("tracker-csrf"))
                    .multiPart("csrf-token", csrf.attr("value")).multiPart("dryRun", "on")
                    .multiPart("file", "book.zip", emptyZip(), ImportResource.ZIP);
            if (caller.username != null) {
                upload.auth().preemptive().basic(caller.username, caller.password);
            }
            return upload.post(path(route));
        }
        Map<String, Object> fields = route.form();
        if (caller == Caller.WRITER) {
            fields.put("token", token);
        }
        return browser.post(path(route), fields);
    }

    private static String path(Route route) {
        return route.path().replace("{slug}", STORY).replace("{item}", ITEM).replace("{user}", TARGET)
                .replace("{character}", "alan").replace("{theme}", "debugging").replace("{project}", "youbuy");
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
        assertEquals(1, data.count("RoadmapItem"), cell + "added a roadmap item");
        assertEquals(1, data.count("RoadmapItem", "e.slug = ?1 and e.version = 0 and e.title = ?2", ITEM,
                "Item " + ITEM), cell + "changed the roadmap item");
        assertEquals(1, data.count("StoryLink", "e.story.slug = ?1 and e.item.slug = ?2 and e.relation = ?3", PUBLIC,
                ITEM, LinkRelation.MOTIVATES), cell + "changed or removed the link");
        assertEquals(1, data.count("StoryLink"), cell + "added a link");
    }
}
