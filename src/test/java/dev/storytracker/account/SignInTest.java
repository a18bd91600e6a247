package dev.storytracker.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.storytracker.TestData;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.FormSession;

/** Signing in and out through the form, what a session survives and what it does not, and sign-in throttling. */
@QuarkusTest
class SignInTest {

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    @Inject
    SignInThrottle throttle;

    FormSession browser;

    @BeforeEach
    void setUp() {
        data.reset();
        users.removeAll();
        throttle.reset();
        users.createWorkingGroup();
        browser = new FormSession();
    }

    @AfterEach
    void cleanUp() {
        // Every test comes from 127.0.0.1: failures left here would hold back the next test's sign-ins.
        throttle.reset();
        ClientProxy.unwrap(throttle).clock = Clock.systemUTC();
        data.reset();
        users.removeAll();
    }

    private static String setCookie(Response response, String name) {
        return response.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElse(null);
    }

    private void signIn(String username) {
        Response signedIn = browser.signIn(username, TestUsers.PASSWORD);
        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.header("Location").endsWith("/dashboard"), signedIn.header("Location"));
    }

    @Test
    void signing_in_redirects_to_the_dashboard_with_an_http_only_same_site_lax_cookie() {
        Response signedIn = browser.signIn(TestUsers.TRIAGER, TestUsers.PASSWORD);
        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.header("Location").endsWith("/dashboard"), signedIn.header("Location"));
        String cookie = setCookie(signedIn, "tracker-session");
        assertNotNull(cookie, "the sign-in sets the session cookie");
        assertTrue(cookie.toLowerCase().contains("; httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("; samesite=lax"), cookie);

        Document dashboard = browser.get("/dashboard");
        assertEquals("Dashboard", dashboard.selectFirst("h1").text());
        assertNotNull(dashboard.selectFirst("form[action=/logout]"), "the signed-in page offers to sign out");
    }

    @Test
    void a_wrong_password_leads_back_to_the_sign_in_page_with_an_error_and_no_cookie() {
        Response refused = browser.signIn(TestUsers.TRIAGER, "not-the-password");
        assertEquals(302, refused.statusCode());
        assertTrue(refused.header("Location").endsWith("/login?error=1"), refused.header("Location"));
        assertNull(setCookie(refused, "tracker-session"));
        Document page = browser.get("/login?error=1");
        assertTrue(page.selectFirst("[role=alert]").text().contains("do not match"));
        assertEquals(302, browser.getResponse("/dashboard").statusCode());
    }

    @Test
    void a_page_asked_for_before_signing_in_is_shown_after_it() {
        Response challenge = browser.getResponse("/stories/anything/review");
        assertEquals(302, challenge.statusCode());
        assertTrue(challenge.header("Location").endsWith("/login"));
        Response signedIn = browser.signIn(TestUsers.TRIAGER, TestUsers.PASSWORD);
        assertTrue(signedIn.header("Location").endsWith("/stories/anything/review"), signedIn.header("Location"));
    }

    @Test
    void a_signed_in_member_gets_error_pages_for_a_missing_role_or_an_unknown_address() {
        signIn(TestUsers.TRIAGER);
        Response forbidden = browser.getResponse("/admin/users");
        assertEquals(403, forbidden.statusCode(), forbidden.asString());
        assertTrue(forbidden.contentType().startsWith("text/html"));
        assertTrue(forbidden.asString().contains("does not have the role"));
        Response missing = browser.getResponse("/no-such-page");
        assertEquals(404, missing.statusCode(), missing.asString());
        assertTrue(missing.contentType().startsWith("text/html"));
        assertTrue(missing.asString().contains("Signed in as " + TestUsers.TRIAGER));
    }

    @Test
    void signing_out_clears_the_cookie() {
        signIn(TestUsers.TRIAGER);
        browser.get("/dashboard");
        Response signedOut = browser.post("/logout", Map.of());
        assertEquals(303, signedOut.statusCode());
        assertTrue(signedOut.header("Location").endsWith("/login?signed-out=1"));
        String cleared = setCookie(signedOut, "tracker-session");
        assertNotNull(cleared, "signing out overwrites the session cookie");
        assertTrue(cleared.startsWith("tracker-session=;"), cleared);
        assertTrue(cleared.contains("Max-Age=0"), cleared);
        assertTrue(cleared.contains("Path=/"), cleared);
        assertNull(browser.cookie("tracker-session"));
        assertEquals(302, browser.getResponse("/dashboard").statusCode());
        assertTrue(browser.get("/login?signed-out=1").text().contains("You are signed out."));
    }

    @Test
    void signing_out_needs_the_csrf_token_so_no_other_site_can_sign_someone_out() {
        signIn(TestUsers.TRIAGER);
        browser.get("/dashboard");
        browser.forgetCsrf();
        assertEquals(400, browser.post("/logout", Map.of()).statusCode());
        assertEquals(200, browser.getResponse("/dashboard").statusCode());
    }

    @Test
    void a_disabled_user_can_no_longer_sign_in_and_their_session_stops_at_once() {
        signIn(TestUsers.TRIAGER);
        assertEquals(200, browser.getResponse("/dashboard").statusCode());
        users.setEnabled(TestUsers.TRIAGER, false);

        Response refused = browser.getResponse("/dashboard");
        assertEquals(302, refused.statusCode());
        assertTrue(refused.header("Location").endsWith("/login"));
        Response again = new FormSession().signIn(TestUsers.TRIAGER, TestUsers.PASSWORD);
        assertTrue(again.header("Location").endsWith("/login?error=1"), again.header("Location"));
        given().auth().preemptive().basic(TestUsers.TRIAGER, TestUsers.PASSWORD).get("/api/dashboard").then()
                .statusCode(401);
    }

    @Test
    void a_disabled_users_browser_forgets_the_cookie_instead_of_looping_on_the_sign_in_page() {
        signIn(TestUsers.TRIAGER);
        users.setEnabled(TestUsers.TRIAGER, false);
        Response refused = browser.getResponse("/login");
        assertEquals(302, refused.statusCode());
        String cleared = setCookie(refused, "tracker-session");
        assertNotNull(cleared, "the refused cookie is cleared");
        assertTrue(cleared.contains("Max-Age=0"), cleared);
        assertEquals(200, browser.getResponse("/login").statusCode(), "the sign-in page shows on the next request");
        assertEquals(200, browser.getResponse("/stories").statusCode(), "public pages show as to anyone");
    }

    @Test
    void a_removed_role_takes_effect_on_the_next_request() {
        users.create("t-second-admin", User.ADMIN);
        signIn("t-second-admin");
        assertEquals(200, browser.getResponse("/admin/users").statusCode());
        users.setRoles("t-second-admin", User.TRIAGER);
        assertEquals(403, browser.getResponse("/admin/users").statusCode());
        assertEquals(200, browser.getResponse("/dashboard").statusCode(), "the remaining role still counts");
    }

    @Test
    void the_sign_in_cookie_does_not_open_the_api_which_takes_basic_only() {
        // The JSON API takes no CSRF token; accepting the cookie there would let other sites act for the member.
        signIn(TestUsers.TRIAGER);
        Response refused = given().cookie("tracker-session", browser.cookie("tracker-session"))
                .accept("application/json")
                .get("/api/dashboard");
        assertEquals(401, refused.statusCode());
        assertNotNull(refused.header("WWW-Authenticate"), "a 401 carries the challenge");
        assertTrue(refused.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals("application/problem+json", refused.contentType());
    }

    @Test
    void pages_accept_http_basic_as_well_as_the_cookie() {
        FormSession script = new FormSession().withBasic(TestUsers.PLANNER, TestUsers.PASSWORD);
        assertEquals(200, script.getResponse("/dashboard").statusCode());
        assertNull(script.cookie("tracker-session"), "Basic sets no session cookie");
    }

    @Test
    void passwords_and_their_hashes_appear_in_no_page_and_no_api_answer() {
        data.character("alan");
        users.storyWithToken("guarded", StoryState.SUBMITTED);
        given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("assignee", TestUsers.TRIAGER, "version", 0)).put("/api/stories/guarded/assignee").then()
                .statusCode(200);
        given().auth().preemptive().basic(TestUsers.TRIAGER, TestUsers.PASSWORD).contentType("application/json")
                .body(Map.of("body", "Looks fine.")).post("/api/stories/guarded/comments").then().statusCode(201);
        String hash = users.find(TestUsers.TRIAGER).passwordHash;
        String adminHash = users.find(TestUsers.ADMIN).passwordHash;

        FormSession admin = new FormSession().withBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        List<String> pages = List.of("/admin/users", "/dashboard", "/stories/guarded/review", "/stories/guarded");
        for (String page : pages) {
            Response answer = admin.getResponse(page);
            assertEquals(200, answer.statusCode(), page);
            assertNoSecret(page, answer.asString(), hash, adminHash);
        }
        assertTrue(admin.getResponse("/admin/users").asString().contains(TestUsers.TRIAGER), "the page lists users");
        List<String> api = List.of("/api/stories/guarded", "/api/stories/guarded/history",
                "/api/stories?state=submitted",
                "/api/dashboard", "/q/openapi");
        for (String path : api) {
            Response answer = given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).get(path);
            assertEquals(200, answer.statusCode(), path);
            assertNoSecret(path, answer.asString(), hash, adminHash);
        }
    }

    private static void assertNoSecret(String where, String body, String hash, String adminHash) {
        assertFalse(body.contains(TestUsers.PASSWORD), where + " shows a password");
        assertFalse(body.contains(TestUsers.ADMIN_PASSWORD), where + " shows the admin password");
        assertFalse(body.contains(hash), where + " shows a password hash");
        assertFalse(body.contains(adminHash), where + " shows the admin's password hash");
        assertFalse(body.contains("$2a$") || body.contains("$2b$") || body.contains("$2y$"),
                where + " shows a bcrypt hash");
        assertFalse(body.contains("passwordHash") || body.contains("password_hash"), where + " names the hash field");
    }

    @Test
    void repeated_wrong_passwords_lock_out_the_right_one_until_the_throttle_is_reset() {
        ClientProxy.unwrap(throttle).clock = new TestClock(Instant.now());
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            given().auth().preemptive().basic(TestUsers.TRIAGER, "a-wrong-guess-" + i).get("/api/dashboard").then()
                    .statusCode(401);
        }
        given().auth().preemptive().basic(TestUsers.TRIAGER, TestUsers.PASSWORD).get("/api/dashboard").then()
                .statusCode(401);
        Response form = new FormSession().signIn(TestUsers.TRIAGER, TestUsers.PASSWORD);
        assertTrue(form.header("Location").endsWith("/login?error=1"), "the form is held back too");

        throttle.reset();
        given().auth().preemptive().basic(TestUsers.TRIAGER, TestUsers.PASSWORD).get("/api/dashboard").then()
                .statusCode(200);
    }

    @Test
    void the_right_password_works_again_once_the_delay_has_passed() {
        TestClock clock = new TestClock(Instant.now());
        ClientProxy.unwrap(throttle).clock = clock;
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            given().auth().preemptive().basic(TestUsers.TRIAGER, "a-wrong-guess-" + i).get("/api/dashboard").then()
                    .statusCode(401);
        }
        given().auth().preemptive().basic(TestUsers.TRIAGER, TestUsers.PASSWORD).get("/api/dashboard").then()
                .statusCode(401);
        clock.advance(SignInThrottle.FIRST_DELAY);
        given().auth().preemptive().basic(TestUsers.TRIAGER, TestUsers.PASSWORD).get("/api/dashboard").then()
                .statusCode(200);
    }
}
