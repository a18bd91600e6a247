package dev.storytracker.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.storytracker.TestData;
import dev.storytracker.web.FormSession;

/**
 * The sign-in session and the secrets around it: a session cookie held before signing in is never the one after it
 * (no session fixation), one client trying many user names is held back over HTTP, and no password reaches the log
 * during sign-in, failed sign-in, user creation or a password reset.
 */
@QuarkusTest
class SessionAndSecretsTest {

    private static final String NEW_PASSWORD = "brand-new-password-7Q";
    private static final String RESET_PASSWORD = "reset-to-this-one-9Z";
    private static final String WRONG_PASSWORD = "a-wrong-guess-4K";

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    @Inject
    SignInThrottle throttle;

    @BeforeEach
    void setUp() {
        data.reset();
        users.removeAll();
        throttle.reset();
        users.createWorkingGroup();
    }

    @AfterEach
    void cleanUp() {
        // Every test comes from 127.0.0.1: failures left here would hold back the next test's sign-ins.
        throttle.reset();
        ClientProxy.unwrap(throttle).clock = Clock.systemUTC();
        data.reset();
        users.removeAll();
    }

    @Test
    void the_session_cookie_held_before_signing_in_is_never_the_one_after() {
        // A value an attacker planted: garbage, and then a real session of the attacker's own account.
        FormSession victim = new FormSession();
        victim.cookie("tracker-session", "planted-by-an-attacker");
        assertEquals(302, victim.signIn(TestUsers.TRIAGER, TestUsers.PASSWORD).statusCode());
        String afterGarbage = victim.cookie("tracker-session");
        assertNotNull(afterGarbage);
        assertNotEquals("planted-by-an-attacker", afterGarbage);

        FormSession attacker = new FormSession();
        attacker.signIn(TestUsers.PLANNER, TestUsers.PASSWORD);
        String attackers = attacker.cookie("tracker-session");
        FormSession fixated = new FormSession();
        fixated.cookie("tracker-session", attackers);
        assertEquals(302, fixated.signIn(TestUsers.TRIAGER, TestUsers.PASSWORD).statusCode());
        String victims = fixated.cookie("tracker-session");
        assertNotEquals(attackers, victims, "signing in must issue a new session cookie");
        // The attacker's cookie still names the attacker only: it did not become the victim's session.
        assertEquals("Sign out " + TestUsers.PLANNER, signedInAs(attacker));
        assertEquals("Sign out " + TestUsers.TRIAGER, signedInAs(fixated));

        // Signing in again, as the same user, still gives a fresh value.
        fixated.signIn(TestUsers.TRIAGER, TestUsers.PASSWORD);
        assertNotEquals(victims, fixated.cookie("tracker-session"));
    }

    private static String signedInAs(FormSession session) {
        return session.get("/stories").selectFirst("form[action=/logout] button").text();
    }

    @Test
    void one_client_trying_many_user_names_is_held_back_for_every_name() {
        ClientProxy.unwrap(throttle).clock = new TestClock(Instant.now());
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            Response refused = new FormSession().signIn("t-guess-" + i, WRONG_PASSWORD);
            assertTrue(refused.header("Location").endsWith("/login?error=1"));
        }
        // A different, real user with the right password, from the same client: held back too.
        Response held = new FormSession().signIn(TestUsers.TRIAGER, TestUsers.PASSWORD);
        assertTrue(held.header("Location").endsWith("/login?error=1"), held.header("Location"));
        given().auth().preemptive().basic(TestUsers.PLANNER, TestUsers.PASSWORD).get("/api/dashboard").then()
                .statusCode(401);
        throttle.reset();
        assertTrue(new FormSession().signIn(TestUsers.TRIAGER, TestUsers.PASSWORD).header("Location")
                .endsWith("/dashboard"));
    }

    @Test
    void without_a_configured_key_the_sign_in_cookie_uses_one_made_here_that_stays_the_same() {
        // Quarkus would otherwise make its own and print it in the log (CrashServerIT reads a real server's log).
        assertTrue(SessionKeyWarning.generated(), "the test profile sets no session key");
        String key = ConfigProvider.getConfig().getValue(SessionKeySource.KEY, String.class);
        assertTrue(key.length() >= 32, "a key of 32 random bytes");
        assertEquals(key, new SessionKeySource().getValue(SessionKeySource.KEY), "every read gives the same key");
        assertNull(new SessionKeySource().getValue("quarkus.http.auth.session.other"));
        // Cookies made with it are accepted on the next request.
        FormSession planner = new FormSession();
        assertEquals(302, planner.signIn(TestUsers.PLANNER, TestUsers.PASSWORD).statusCode());
        assertEquals("Sign out " + TestUsers.PLANNER, signedInAs(planner));
    }

    @Test
    void no_password_reaches_the_log() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        // The sign-in machinery's own debug output too, for the length of the test.
        Map<Logger, Level> levels = new java.util.HashMap<>();
        for (String category : List.of("io.quarkus.security", "io.quarkus.vertx.http.runtime.security",
                "io.quarkus.csrf", "io.quarkus.elytron", "dev.storytracker")) {
            Logger logger = Logger.getLogger(category);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        try {
            org.jboss.logging.Logger.getLogger("dev.storytracker.test").info("capture started");
            FormSession admin = new FormSession();
            admin.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            new FormSession().signIn(TestUsers.TRIAGER, WRONG_PASSWORD);
            new FormSession().signIn("t-nobody", WRONG_PASSWORD);
            given().auth().preemptive().basic(TestUsers.PLANNER, WRONG_PASSWORD).get("/api/dashboard");
            given().auth().preemptive().basic(TestUsers.PLANNER, TestUsers.PASSWORD).get("/api/dashboard").then()
                    .statusCode(200);
            admin.get("/admin/users");
            assertEquals(303, admin.post("/admin/users",
                    Map.of("username", "t-fresh", "password", NEW_PASSWORD, "roles", "triager")).statusCode());
            assertEquals(303, admin.post("/admin/users/t-fresh/password", Map.of("password", RESET_PASSWORD))
                    .statusCode());
            // Refused ones too: a password too short, and one for a user that does not exist.
            assertEquals(400, admin.post("/admin/users",
                    Map.of("username", "t-short", "password", "short-9", "roles", "triager")).statusCode());
            admin.post("/admin/users/t-nobody/password", Map.of("password", RESET_PASSWORD));
            assertTrue(new FormSession().signIn("t-fresh", RESET_PASSWORD).header("Location").endsWith("/dashboard"));
        } finally {
            root.removeHandler(capture);
            levels.forEach(Logger::setLevel);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("capture started")), "the log capture saw nothing");
        for (String secret : List.of(TestUsers.PASSWORD, TestUsers.ADMIN_PASSWORD, WRONG_PASSWORD, NEW_PASSWORD,
                RESET_PASSWORD, "short-9")) {
            for (String line : lines) {
                assertFalse(line.contains(secret), "the log shows a password: " + line);
            }
        }
        for (String line : lines) {
            assertFalse(line.contains("$2a$") || line.contains("$2b$") || line.contains("$2y$"),
                    "the log shows a password hash: " + line);
        }
        System.out.printf("Passwords: %d log lines captured (security categories at debug) during sign-ins, failed "
                + "sign-ins, user creation and resets; none shows a password or a hash%n", lines.size());
    }
}
