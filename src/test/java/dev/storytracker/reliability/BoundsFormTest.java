package dev.storytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
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

/**
 * The bounds of the pages' forms: past a limit the form comes back (400) with the message beside the field and what
 * was typed still in it; the sign-in form and floods of fields are answered without an error page.
 */
@QuarkusTest
class BoundsFormTest {

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.theme("cancellation");
        data.user("form-triager", "triager");
        data.story("reviewed", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of(), List.of(), List.of());
    }

    private static Map<String, Object> story(String body) {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", "status-quo");
        form.put("title", "A bounded story");
        form.put("character", "alan");
        form.put("body", body);
        form.put("action", "submit");
        return form;
    }

    @Test
    void the_story_form_refuses_a_body_past_256_kib_and_keeps_it() {
        FormSession writer = new FormSession();
        writer.get("/stories/new?kind=status-quo");
        String over = "b".repeat(256 * 1024 + 1);
        Response refused = writer.post("/stories", story(over));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals(over, page.selectFirst("textarea[name=body]").val());
        assertTrue(page.selectFirst("#f-body-error").text().contains("256 KiB"), page.select(".error").text());

        writer.get("/stories/new?kind=status-quo");
        assertEquals(303, writer.post("/stories", story("b".repeat(256 * 1024))).statusCode());
    }

    @Test
    void a_review_comment_past_16384_characters_is_shown_again_with_the_reason() {
        FormSession triager = new FormSession();
        triager.signIn("form-triager", "password-form-triager");
        triager.get("/stories/reviewed/review");
        String over = "c".repeat(16_385);
        Response refused = triager.post("/stories/reviewed/review/comment", Map.of("body", over));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertTrue(page.text().contains("at most 16384 characters"), page.text());
        assertTrue(page.select("textarea").stream().anyMatch(t -> t.val().equals(over)), "the comment was lost");
        triager.get("/stories/reviewed/review");
        assertEquals(303, triager.post("/stories/reviewed/review/comment", Map.of("body", "c".repeat(16_384)))
                .statusCode());
    }

    @Test
    void user_names_and_passwords_are_bounded_on_the_admin_page() {
        FormSession admin = new FormSession();
        admin.signIn("admin", "admin-test-password");
        admin.get("/admin/users");
        Response longName = admin.post("/admin/users",
                Map.of("username", "u".repeat(51), "password", "a-good-password", "roles", "triager"));
        assertEquals(400, longName.statusCode());
        assertTrue(Jsoup.parse(longName.asString()).text().contains("2 to 50"), longName.asString());
        admin.get("/admin/users");
        Response longPassword = admin.post("/admin/users",
                Map.of("username", "bounded", "password", "p".repeat(73), "roles", "triager"));
        assertEquals(400, longPassword.statusCode());
        assertTrue(Jsoup.parse(longPassword.asString()).text().contains("to 72 characters"));
        // bcrypt reads 72 bytes: 37 two-byte letters are 74 of them, though only 37 characters.
        admin.get("/admin/users");
        Response wideLetters = admin.post("/admin/users",
                Map.of("username", "bounded", "password", "é".repeat(37), "roles", "triager"));
        assertEquals(400, wideLetters.statusCode());
        assertTrue(Jsoup.parse(wideLetters.asString()).text().contains("to 72 characters"));
        admin.get("/admin/users");
        assertEquals(303, admin.post("/admin/users",
                Map.of("username", "u".repeat(50), "password", "p".repeat(72), "roles", "triager")).statusCode());
    }

    @Test
    void a_huge_password_at_sign_in_is_a_failed_sign_in_not_an_error() {
        Response answer = new FormSession().signIn("admin", "p".repeat(100_000));
        assertEquals(302, answer.statusCode(), answer.asString());
        assertTrue(answer.header("Location").contains("/login?error"), answer.header("Location"));
    }

    @Test
    void a_flood_of_form_fields_is_refused_or_ignored_without_an_error_page() {
        FormSession writer = new FormSession();
        writer.get("/stories/new?kind=status-quo");
        Map<String, Object> form = story("Alan waits.");
        for (int i = 0; i < 5_000; i++) {
            form.put("field-" + i, "x");
        }
        Response answer = writer.post("/stories", form);
        assertNotEquals(500, answer.statusCode(), answer.asString());
        assertTrue(answer.statusCode() == 303 || answer.statusCode() == 400 || answer.statusCode() == 413,
                answer.statusCode() + " " + answer.asString());
    }
}
