package dev.storytracker.story;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.Database;
import dev.storytracker.TestData;
import dev.storytracker.changes.ChangeFeed;
import dev.storytracker.roadmap.RoadmapLevel;

/**
 * Stories are kept in memory between reads (StoryCache): a reader must still see every change as soon as its write
 * has answered, whichever table the change touched, and on PostgreSQL as soon as another instance announced it.
 */
@QuarkusTest
class StoryCacheTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    TestData data;

    @Inject
    StoryCache cache;

    @Inject
    StoryQueries queries;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    ChangeFeed feed;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.theme("debugging");
        data.theme("cancellation");
        data.item("goal", RoadmapLevel.GOAL, null);
        data.story("kept", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of(),
                List.of("goal"));
        data.story("other", StoryKind.SHINY_FUTURE, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of(),
                List.of());
        data.user("cache-planner", "planner");
        data.user("cache-triager", "triager");
        if (!Database.H2) {
            awaitListening(); // until then, nothing is kept
        }
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "password-" + user).contentType(ContentType.JSON);
    }

    private static JsonPath read(String slug) {
        return as("cache-triager").get("/api/stories/" + slug).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void every_kind_of_write_shows_on_the_next_read_of_a_kept_story() {
        read("kept");
        // A triager moves it.
        as("cache-triager").body(Map.of("to", "in-review", "note", "look again", "version", read("kept").getInt(
                "version"))).post("/api/stories/kept/transitions").then().statusCode(200);
        assertEquals("in-review", read("kept").getString("state"));
        // A planner renames the item it links to: a row of another table than the story's.
        Map<String, Object> item = new HashMap<>(given().get("/api/roadmap/goal").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        item.keySet().retainAll(List.of("slug", "title", "level", "parent", "state", "progress", "progressMode",
                "owners", "landing", "impact", "version"));
        item.put("title", "A renamed goal");
        as("cache-planner").body(item).put("/api/roadmap/goal").then().statusCode(200);
        assertEquals(List.of("A renamed goal"), read("kept").getList("links.title"));
        // Another story retells it.
        QuarkusTransaction.requiringNew().run(() -> Story.findBySlug("other").orElseThrow().retells
                .add(Story.findBySlug("kept").orElseThrow()));
        assertEquals(List.of("other"), read("kept").getList("retoldBy"));
        // The planner unlinks it.
        as("cache-planner").delete("/api/links?story=kept&item=goal").then().statusCode(204);
        assertEquals(List.of(), read("kept").getList("links"));
    }

    @Test
    void the_writer_sees_a_revision_at_once_and_the_public_never_sees_an_unaccepted_story() {
        Map<String, Object> story = new HashMap<>(Map.of("kind", "status-quo", "title", "First draft",
                "body", "Alan waits.", "character", "alan", "themes", List.of("debugging")));
        JsonPath created = given().contentType(ContentType.JSON).body(story).post("/api/stories").then()
                .statusCode(201).extract().jsonPath();
        String slug = created.getString("story.slug");
        String token = created.getString("editToken");
        given().header("X-Edit-Token", token).get("/api/stories/" + slug).then().statusCode(200);
        given().get("/api/stories/" + slug).then().statusCode(404); // kept, and still not shown to anyone
        story.put("title", "Second draft");
        story.put("version", created.getInt("story.version"));
        given().contentType(ContentType.JSON).header("X-Edit-Token", token).body(story).put("/api/stories/" + slug)
                .then().statusCode(200);
        given().header("X-Edit-Token", token).get("/api/stories/" + slug).then().statusCode(200)
                .body("title", equalTo("Second draft"));
        given().get("/stories/" + slug).then().statusCode(404);
        as("cache-triager").get("/stories/" + slug).then().statusCode(200)
                .body(containsString("Second draft"));
    }

    @Test
    void a_story_is_read_once_until_something_changes() {
        StoryQueries.Found other = queries.find("other").orElseThrow();
        AtomicInteger reads = new AtomicInteger();
        Function<String, Optional<StoryQueries.Found>> load = slug -> {
            reads.incrementAndGet();
            return Optional.of(other);
        };
        String key = "kept-" + System.nanoTime();
        cache.find(key, load);
        cache.find(key, load);
        assertEquals(1, reads.get(), "the second read is served from memory");
        data.setTitle("other", "A change anywhere");
        cache.find(key, load);
        assertEquals(2, reads.get(), "a committed write retires what was kept");
    }

    @Test
    void hits_and_misses_are_counted_for_operators() {
        data.setTitle("other", "Retire whatever was kept");
        double hits = gets("hit");
        double misses = gets("miss");
        read("kept");
        read("kept");
        read("kept");
        assertEquals(misses + 1, gets("miss"), "the first read after a change");
        assertEquals(hits + 2, gets("hit"), "the two after it");
    }

    /** Stories asked of the cache with this result, as /q/metrics tells Prometheus. */
    private static double gets(String result) {
        Matcher line = Pattern.compile("^cache_gets_total\\{(?=[^}]*cache=\"stories\")(?=[^}]*result=\"" + result
                + "\")[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(given().get("/q/metrics").then().statusCode(200)
                        .extract().asString());
        assertTrue(line.find(), "cache_gets_total of the stories, " + result);
        return Double.parseDouble(line.group(1));
    }

    @Test
    void a_read_that_raced_a_commit_is_not_kept() {
        StoryQueries.Found kept = queries.find("kept").orElseThrow();
        AtomicInteger reads = new AtomicInteger();
        String key = "raced-" + System.nanoTime();
        Function<String, Optional<StoryQueries.Found>> racing = slug -> {
            if (reads.incrementAndGet() == 1) {
                data.setTitle("kept", "Committed while the first read ran");
            }
            return Optional.of(kept);
        };
        cache.find(key, racing);
        cache.find(key, racing);
        assertEquals(2, reads.get(), "what the first read saw may predate the commit, so it was not kept");
        cache.find(key, racing);
        assertEquals(2, reads.get());
    }

    @Test
    void inside_a_transaction_that_wrote_nothing_is_kept_or_served() {
        read("kept");
        String seen = QuarkusTransaction.requiringNew().call(() -> {
            Story.findBySlug("kept").orElseThrow().title = "Not committed yet";
            em.flush();
            return queries.find("kept").orElseThrow().detail().title();
        });
        assertEquals("Not committed yet", seen);
        assertEquals("Not committed yet", read("kept").getString("title"));
        assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Story.findBySlug("kept").orElseThrow().title = "Rolled back";
                    em.flush();
                    assertEquals("Rolled back", queries.find("kept").orElseThrow().detail().title());
                    throw new IllegalStateException("undo");
                }));
        assertEquals("Not committed yet", read("kept").getString("title"));
    }

    @Test
    void postgresql_a_change_another_instance_announces_is_served_once_heard() throws SQLException {
        Assumptions.assumeFalse(Database.H2, "H2 is embedded: no other instance can write to it");
        awaitListening();
        read("kept");
        // Another instance: its write and its announcement, on a connection the tracker does not watch.
        try (Connection other = dataSource.getConnection()) {
            update(other, "Changed by another instance");
            try (PreparedStatement notify = other.prepareStatement("select pg_notify(?, 'another-instance')")) {
                notify.setString(1, ChangeFeed.CHANNEL);
                notify.execute();
            }
        }
        awaitTitle("kept", "Changed by another instance");
    }

    @Test
    void postgresql_what_was_kept_before_the_feed_was_lost_is_not_served_after() throws SQLException {
        Assumptions.assumeFalse(Database.H2, "H2 has no feed");
        int listener = awaitListening();
        read("kept");
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement kill = other.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, listener);
                kill.execute();
            }
            // A change nobody announces, made while the feed is down.
            update(other, "Changed while nobody listened");
        }
        int again = await(() -> {
            int pid = pid();
            return pid != -1 && pid != listener ? pid : null;
        }, "the feed to listen again");
        assertNotEquals(listener, again);
        assertEquals("Changed while nobody listened", read("kept").getString("title"));
    }

    private static void update(Connection connection, String title) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update story set title = ? where slug = ?")) {
            update.setString(1, title);
            update.setString(2, "kept");
            assertEquals(1, update.executeUpdate());
        }
    }

    private int pid() {
        try {
            return feed.listenerPid();
        } catch (SQLException e) {
            return -1;
        }
    }

    private int awaitListening() {
        return await(() -> pid() == -1 ? null : pid(), "the feed to listen");
    }

    private void awaitTitle(String slug, String title) {
        await(() -> title.equals(read(slug).getString("title")) ? title : null, "the title " + title);
    }

    private static <T> T await(Supplier<T> probe, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what);
    }

    @Test
    void the_lists_of_a_kept_story_cannot_be_changed_by_whoever_reads_it() {
        StoryJson.Detail detail = queries.find("kept").orElseThrow().detail();
        assertTrue(detail.themes().contains("debugging"));
        assertThrows(UnsupportedOperationException.class,
                () -> detail.themes().add("cancellation"));
        assertThrows(UnsupportedOperationException.class,
                () -> detail.links().clear());
        as("cache-triager").get("/api/stories/kept").then().body("themes", contains("debugging"));
    }
}
