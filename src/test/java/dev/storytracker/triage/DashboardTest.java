package dev.storytracker.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.FormSession;
import dev.storytracker.web.Paging;

/** The dashboard's figures on a known data set: exact counts per state, per heat-map cell, per week and per age. */
@QuarkusTest
class DashboardTest {

    @Inject
    TestData data;

    @Inject
    TriageQueue triageQueue;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.character("grace");
        data.theme("cancellation");
        data.theme("debugging");
        data.theme("testing");
        data.story("a1", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation", "debugging"),
                List.of(), List.of());
        data.story("a2", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation"), List.of(),
                List.of());
        data.story("g1", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "grace", List.of("testing"), List.of(), List.of());
        data.story("g2", StoryKind.SHINY_FUTURE, StoryState.ACCEPTED, "grace", List.of("cancellation"), List.of(),
                List.of());
        data.story("s1", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of("debugging"), List.of(),
                List.of());
        data.story("r1", StoryKind.STATUS_QUO, StoryState.IN_REVIEW, "grace", List.of("debugging"), List.of(),
                List.of());
        data.story("i1", StoryKind.STATUS_QUO, StoryState.IDEA, "grace", List.of(), List.of(), List.of());
        data.story("d1", StoryKind.STATUS_QUO, StoryState.DECLINED, "alan", List.of("testing"), List.of(), List.of());
        Instant now = Instant.now();
        data.setCreatedAt("s1", now.minus(Duration.ofDays(10)));
        data.setCreatedAt("r1", now.minus(Duration.ofDays(100)));
        data.setCreatedAt("a1", now.minus(Duration.ofDays(15)));
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-test-password");
    }

    @Test
    void stories_per_state_are_counted_exactly() {
        admin().get("/api/dashboard").then().statusCode(200)
                .body("perState.accepted", equalTo(4)).body("perState.submitted", equalTo(1))
                .body("perState.in-review", equalTo(1)).body("perState.idea", equalTo(1))
                .body("perState.declined", equalTo(1)).body("perState.duplicate", equalTo(0))
                .body("perState.changes-requested", equalTo(0));
    }

    @Test
    void the_heat_map_counts_accepted_stories_per_character_and_theme_and_kind() {
        Response r = admin().get("/api/dashboard");
        r.then().statusCode(200)
                .body("coverage.characters", contains("alan", "grace"))
                .body("coverage.themes", contains("cancellation", "debugging", "testing"));
        // Rows are characters, columns themes; only accepted stories count.
        assertEquals(List.of(List.of(2, 1, 0), List.of(0, 0, 1)), r.path("coverage.statusQuo"));
        assertEquals(List.of(List.of(0, 0, 0), List.of(1, 0, 0)), r.path("coverage.shinyFuture"));
        assertEquals(3, (int) r.path("coverage.statusQuoGaps"));
        assertEquals(5, (int) r.path("coverage.shinyFutureGaps"));
    }

    @Test
    void submissions_are_counted_per_week_and_the_open_queue_by_age() {
        Response r = admin().get("/api/dashboard");
        List<Integer> weeks = r.path("submissionsPerWeek.count");
        assertEquals(DashboardQueries.WEEKS, weeks.size());
        assertEquals(8, weeks.stream().mapToInt(Integer::intValue).sum(), "all eight stories in the last 26 weeks");
        assertTrue(weeks.get(weeks.size() - 1) >= 5, "the stories created now are in the current week: " + weeks);
        // Open: i1 (today), s1 (10 days), r1 (100 days).
        assertEquals(List.of(1, 0, 1, 0, 1), r.path("queueAge.count"));
    }

    @Test
    void the_dashboard_page_shows_the_queue_oldest_first_and_the_gaps() {
        String html = admin().accept("text/html").get("/dashboard").then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        assertEquals(List.of("Title of r1", "Title of s1", "Title of i1"),
                page.select("table.queue tbody td a").eachText());
        assertEquals(2, page.select("figure.heat svg").size());
        assertEquals(3 + 5, page.select("figure.heat g.level-0").size(), "every empty cell is drawn as a gap");
        assertNotNull(page.selectFirst("svg title:containsOwn(Alan × Cancellation: 2 stories)"));
        String newest = admin().accept("text/html").get("/dashboard?sort=newest&state=submitted").then()
                .statusCode(200).extract().asString();
        assertEquals(List.of("Title of s1"), Jsoup.parse(newest).select("table.queue tbody td a").eachText());
    }

    @Test
    void the_queue_pages_through_all_open_states_in_age_order_with_the_total_from_the_stored_counts() {
        data.story("c1", StoryKind.STATUS_QUO, StoryState.CHANGES_REQUESTED, "alan", List.of(), List.of(), List.of());
        data.story("s2", StoryKind.SHINY_FUTURE, StoryState.SUBMITTED, "grace", List.of(), List.of(), List.of());
        data.story("i2", StoryKind.STATUS_QUO, StoryState.IDEA, "alan", List.of(), List.of(), List.of());
        Instant now = Instant.now();
        data.setCreatedAt("i2", now.minus(Duration.ofDays(200)));
        data.setCreatedAt("c1", now.minus(Duration.ofDays(50)));
        data.setCreatedAt("s2", now.minus(Duration.ofDays(5)));
        // Oldest first: i2 (idea, 200 days), r1 (in-review, 100), c1 (changes-requested, 50), s1 (submitted, 10),
        // s2 (submitted, 5), i1 (idea, today): each page takes from several states.
        assertEquals(List.of("i2", "r1"), queue(null, null, false, 1, 2));
        assertEquals(List.of("c1", "s1"), queue(null, null, false, 2, 2));
        assertEquals(List.of("s2", "i1"), queue(null, null, false, 3, 2));
        assertEquals(List.of("i1", "s2", "s1", "c1"), queue(null, null, true, 1, 4));
        assertEquals(List.of("s1", "s2"), queue(StoryState.SUBMITTED, null, false, 1, 50));
        assertEquals(List.of("r1", "s2", "i1"), queue(null, "grace", false, 1, 50));
        assertEquals(6, queueTotal(null, null));
        assertEquals(3, queueTotal(null, "grace"));
        assertEquals(2, queueTotal(StoryState.SUBMITTED, null));
        assertEquals(0, queueTotal(null, "nobody"));
    }

    private List<String> queue(StoryState state, String character, boolean newest, int page, int size) {
        TriageQueue.Filter filter = new TriageQueue.Filter(state, null, character, newest);
        return QuarkusTransaction.requiringNew().call(() -> triageQueue.page(filter, new Paging(page, size)).items()
                .stream().map(TriageQueue.Row::slug).toList());
    }

    private long queueTotal(StoryState state, String character) {
        return QuarkusTransaction.requiringNew().call(() -> triageQueue
                .page(new TriageQueue.Filter(state, null, character, false), new Paging(1, 50))
                .total());
    }

    @Test
    void bulk_actions_move_and_assign_the_selected_rows() {
        data.user("tina", "triager");
        FormSession browser = new FormSession();
        assertEquals(302, browser.post("/j_security_check",
                Map.of("j_username", "admin", "j_password", "admin-test-password")).statusCode());
        Document dashboard = browser.get("/dashboard");
        Map<String, Object> form = new HashMap<>();
        form.put("story", List.of("s1", "i1"));
        form.put("action", "in-review");
        form.put("v-s1", dashboard.selectFirst("input[name=v-s1]").val());
        form.put("v-i1", dashboard.selectFirst("input[name=v-i1]").val());
        Response moved = browser.post("/dashboard/bulk", form);
        assertEquals(303, moved.statusCode(), moved.asString());
        assertTrue(moved.header("Location").contains("done=1") && moved.header("Location").contains("skipped=1"),
                "s1 moves, the idea cannot go straight to review: " + moved.header("Location"));
        admin().get("/api/stories/s1").then().body("state", equalTo("in-review"));
        admin().get("/api/stories/i1").then().body("state", equalTo("idea"));

        dashboard = browser.get("/dashboard");
        form = new HashMap<>();
        form.put("story", List.of("s1", "r1"));
        form.put("action", "assign");
        form.put("assignee", "tina");
        form.put("v-s1", dashboard.selectFirst("input[name=v-s1]").val());
        form.put("v-r1", dashboard.selectFirst("input[name=v-r1]").val());
        assertEquals(303, browser.post("/dashboard/bulk", form).statusCode());
        Document assigned = browser.get("/dashboard?assignee=tina");
        assertEquals(List.of("Title of r1", "Title of s1"), assigned.select("table.queue tbody td a").eachText());
    }
}
