package dev.storytracker.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.storytracker.TestData;
import dev.storytracker.web.FormSession;

/** The admin's page for accounts, driven through its forms as a browser without JavaScript does. */
@QuarkusTest
class AdminUsersPageTest {

    static final String TARGET = "t-target";
    static final String NEW_PASSWORD = "a-brand-new-password";

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    @Inject
    SignInThrottle throttle;

    FormSession admin;

    @BeforeEach
    void setUp() {
        data.reset();
        users.removeAll();
        throttle.reset();
        users.create(TARGET, User.TRIAGER);
        admin = new FormSession().withBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        admin.get("/admin/users");
    }

    @AfterEach
    void cleanUp() {
        throttle.reset();
        users.removeAll();
    }

    /** The status of a Basic sign-in of this user on the API. */
    private static int basic(String username, String password) {
        return given().auth().preemptive().basic(username, password).get("/api/dashboard").statusCode();
    }

    private Document followDone(Response posted) {
        assertEquals(303, posted.statusCode(), posted.asString());
        String location = posted.header("Location").replaceFirst("^https?://[^/]+", "");
        assertTrue(location.startsWith("/admin/users?done="), location);
        // RestAssured encodes the query again; decode it first so that '+' stays a space.
        return admin.get(URLDecoder.decode(location, StandardCharsets.UTF_8));
    }

    private static List<String> checkedRoles(Document page, String username) {
        return page.select("form[action=/admin/users/" + username + "/roles] input[name=roles][checked]").eachAttr(
                "value");
    }

    @Test
    void an_admin_adds_a_user_who_can_then_sign_in() {
        assertEquals(401, basic("t-newbie", TestUsers.PASSWORD));
        throttle.reset();
        Document page = followDone(admin.post("/admin/users",
                Map.of("username", "t-newbie", "password", TestUsers.PASSWORD, "roles",
                        List.of("triager", "planner"))));
        assertEquals("Added t-newbie.", page.selectFirst("[role=status]").text());
        assertEquals(List.of("triager", "planner"), checkedRoles(page, "t-newbie"));
        assertEquals(200, basic("t-newbie", TestUsers.PASSWORD));
        User stored = users.find("t-newbie");
        assertNotEquals(TestUsers.PASSWORD, stored.passwordHash);
        assertTrue(BcryptUtil.matches(TestUsers.PASSWORD, stored.passwordHash));
    }

    @Test
    void an_admin_sets_roles_and_they_count_from_the_next_request() {
        FormSession target = new FormSession().withBasic(TARGET, TestUsers.PASSWORD);
        assertEquals(403, target.getResponse("/admin/users").statusCode());
        Document page = followDone(admin.post("/admin/users/" + TARGET + "/roles",
                Map.of("roles", List.of("planner", "admin"))));
        assertEquals("Roles of t-target saved.", page.selectFirst("[role=status]").text());
        assertEquals(List.of("planner", "admin"), checkedRoles(page, TARGET));
        assertEquals("planner,admin", users.find(TARGET).roles);
        assertEquals(200, target.getResponse("/admin/users").statusCode());
    }

    @Test
    void an_admin_resets_a_password_and_only_the_new_one_works() {
        followDone(admin.post("/admin/users/" + TARGET + "/password", Map.of("password", NEW_PASSWORD)));
        assertEquals(401, basic(TARGET, TestUsers.PASSWORD));
        assertEquals(200, basic(TARGET, NEW_PASSWORD));
    }

    @Test
    void hashes_are_made_at_the_configured_cost_and_older_costs_still_sign_in() {
        // The target's hash at bcrypt's default cost, as made before tracker.accounts.password-cost was lowered.
        users.setPasswordHash(TARGET, BcryptUtil.bcryptHash(TestUsers.PASSWORD, 10));
        assertEquals(200, basic(TARGET, TestUsers.PASSWORD));
        assertEquals(401, basic(TARGET, NEW_PASSWORD));
        throttle.reset();
        followDone(admin.post("/admin/users/" + TARGET + "/password", Map.of("password", NEW_PASSWORD)));
        // The test profile sets the cost to 4, written into the hash as "$2a$04$".
        assertTrue(users.find(TARGET).passwordHash.matches("\\$2[aby]?\\$04\\$.{53}"), users.find(TARGET).passwordHash);
        assertEquals(200, basic(TARGET, NEW_PASSWORD));
    }

    @Test
    void an_admin_disables_an_account_and_enables_it_again() {
        Document page = followDone(admin.post("/admin/users/" + TARGET + "/enabled", Map.of("enabled", "false")));
        assertEquals("Disabled t-target.", page.selectFirst("[role=status]").text());
        assertEquals("disabled", page.selectFirst("form[action=/admin/users/t-target/enabled] span").text());
        assertEquals(401, basic(TARGET, TestUsers.PASSWORD));

        page = followDone(admin.post("/admin/users/" + TARGET + "/enabled", Map.of("enabled", "true")));
        assertEquals("Enabled t-target.", page.selectFirst("[role=status]").text());
        assertEquals(200, basic(TARGET, TestUsers.PASSWORD));
    }

    @Test
    void the_only_active_admin_can_be_neither_disabled_nor_demoted() {
        Response disable = admin.post("/admin/users/admin/enabled", Map.of("enabled", "false"));
        assertEquals(409, disable.statusCode());
        assertTrue(Jsoup.parse(disable.asString()).selectFirst("[role=alert]").text().contains("only active admin"));
        Response demote = admin.post("/admin/users/admin/roles", Map.of("roles", "triager"));
        assertEquals(409, demote.statusCode());
        assertTrue(Jsoup.parse(demote.asString()).selectFirst("[role=alert]").text().contains("only active admin"));
        User stored = users.find(TestUsers.ADMIN);
        assertEquals("admin", stored.roles);
        assertTrue(stored.enabled);
        assertEquals(200, basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD));
    }

    @Test
    void a_disabled_admin_does_not_count_as_another_admin() {
        users.create("t-dormant", User.ADMIN);
        users.setEnabled("t-dormant", false);
        assertEquals(409, admin.post("/admin/users/admin/enabled", Map.of("enabled", "false")).statusCode());
        assertTrue(users.find(TestUsers.ADMIN).enabled);
    }

    @Test
    void with_another_active_admin_an_admin_may_give_up_the_role() {
        users.create("t-second-admin", User.ADMIN);
        Response demoted = admin.post("/admin/users/admin/roles", Map.of("roles", "triager"));
        assertEquals(303, demoted.statusCode());
        assertEquals("triager", users.find(TestUsers.ADMIN).roles);
        assertEquals(403, admin.getResponse("/admin/users").statusCode(), "no longer an admin on the next request");
    }

    @Test
    void a_bad_user_name_is_refused_with_the_reason_and_the_name_as_typed() {
        Response refused = admin.post("/admin/users",
                Map.of("username", "No Spaces!", "password", TestUsers.PASSWORD, "roles", "triager"));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertTrue(page.selectFirst("[role=alert]").text().startsWith("username must be 2 to 50"),
                page.selectFirst("[role=alert]").text());
        assertEquals("No Spaces!", page.selectFirst("input[name=username]").val());
        assertEquals(0, data.count("User", "e.username like '%spaces%'"));
    }

    @Test
    void a_short_password_is_refused_with_the_reason_and_the_name_as_typed() {
        Response refused = admin.post("/admin/users",
                Map.of("username", "t-shorty", "password", "too-short", "roles", "triager"));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals("password must be 12 to 72 characters long (letters outside ASCII count 2 to 4)",
                page.selectFirst("[role=alert]").text());
        assertEquals("t-shorty", page.selectFirst("input[name=username]").val());
        assertEquals(0, data.count("User", "e.username = 't-shorty'"));
    }

    @Test
    void an_unknown_role_is_refused_with_the_reason_and_the_name_as_typed() {
        Response refused = admin.post("/admin/users",
                Map.of("username", "t-boss", "password", TestUsers.PASSWORD, "roles", List.of("triager", "superuser")));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals("roles must be among triager, planner, admin", page.selectFirst("[role=alert]").text());
        assertEquals("t-boss", page.selectFirst("input[name=username]").val());
        assertEquals(0, data.count("User", "e.username = 't-boss'"));
    }

    @Test
    void a_new_user_needs_at_least_one_role() {
        Response refused = admin.post("/admin/users", Map.of("username", "t-nobody", "password", TestUsers.PASSWORD));
        assertEquals(400, refused.statusCode());
        assertEquals("roles choose at least one role",
                Jsoup.parse(refused.asString()).selectFirst("[role=alert]").text());
    }

    @Test
    void a_taken_user_name_is_refused_with_409() {
        Response refused = admin.post("/admin/users",
                Map.of("username", TARGET, "password", NEW_PASSWORD, "roles", "admin"));
        assertEquals(409, refused.statusCode());
        assertTrue(Jsoup.parse(refused.asString()).selectFirst("[role=alert]").text().contains("already a user"));
        assertEquals(User.TRIAGER, users.find(TARGET).roles, "the existing account is untouched");
        assertEquals(200, basic(TARGET, TestUsers.PASSWORD));
    }

    @Test
    void a_typed_user_name_is_shown_back_escaped() {
        Response refused = admin.post("/admin/users",
                Map.of("username", "<b>bold</b>", "password", TestUsers.PASSWORD, "roles", "triager"));
        assertEquals(400, refused.statusCode());
        assertFalse(refused.asString().contains("<b>bold</b>"));
        assertEquals("<b>bold</b>", Jsoup.parse(refused.asString()).selectFirst("input[name=username]").val());
    }

    @Test
    void a_change_without_the_csrf_token_is_refused_and_changes_nothing() {
        admin.forgetCsrf();
        assertEquals(400, admin.post("/admin/users/" + TARGET + "/enabled", Map.of("enabled", "false")).statusCode());
        assertTrue(users.find(TARGET).enabled);
    }
}
