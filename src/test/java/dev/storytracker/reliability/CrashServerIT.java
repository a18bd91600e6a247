package dev.storytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of a burst of submissions: after a restart on the same database, every submission that was
 * answered 201 is there with its content, and no story is half-written. With H2 the server runs with the shipped
 * database URL (a file under {@code ./data}), so this also checks that a commit is on disk when 201 is answered.
 */
class CrashServerIT {

    static final int WRITERS = 8;
    static final int KILL_AFTER = 150;
    private static final Pattern SLUG = Pattern.compile("\"slug\":\"([a-z0-9-]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"editToken\":\"([^\"]+)\"");

    @TempDir
    Path work;

    record Accepted(String slug, String token, String author) {
    }

    @Test
    void every_submission_answered_201_before_a_kill_is_there_after_the_restart() throws Exception {
        Path corpus = work.resolve("corpus");
        CrashCorpus.write(corpus, CrashCorpus.CATALOG_AND_ROADMAP + 1);
        // With H2 the URL of application.properties (./data/tracker, relative to the work folder) is used as shipped.
        CrashProcess tracker = new CrashProcess(work, null);
        Process load = tracker.start("load", Map.of(), "import", corpus.toString());
        assertTrue(load.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, load.exitValue(), Files.readString(work.resolve("load.log")));

        int firstPort = CrashProcess.freePort();
        Map<String, String> server = new HashMap<>();
        server.put("quarkus.http.port", String.valueOf(firstPort));
        server.put("tracker.submissions.per-window", "100000");
        Process first = tracker.start("server-1", server);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        waitUntilReady(http, firstPort, first);

        List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            writers.submit(() -> {
                while (true) {
                    String author = "Writer " + sent.incrementAndGet();
                    try {
                        HttpResponse<String> answer = http.send(submission(firstPort, author),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            Matcher slug = SLUG.matcher(answer.body());
                            Matcher token = TOKEN.matcher(answer.body());
                            assertTrue(slug.find() && token.find(), answer.body());
                            accepted.add(new Accepted(slug.group(1), token.group(1), author));
                        }
                    } catch (IOException gone) {
                        return null;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (accepted.size() < KILL_AFTER && System.nanoTime() < deadline && first.isAlive()) {
            first.waitFor(20, TimeUnit.MILLISECONDS);
        }
        assertTrue(accepted.size() >= KILL_AFTER, "only " + accepted.size() + " submissions in 2 minutes");
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "writers still busy after the kill");
        List<Accepted> before = List.copyOf(accepted);

        int port = CrashProcess.freePort();
        server.put("quarkus.http.port", String.valueOf(port));
        Process second = tracker.start("server-2", server);
        try {
            waitUntilReady(http, port, second);
            for (Accepted story : before) {
                HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/stories/" + story.slug())).header("X-Edit-Token", story.token()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, read.statusCode(), "lost after the kill: " + story.slug());
                assertTrue(read.body().contains("\"authors\":[\"" + story.author() + "\"]"), read.body());
            }
        } finally {
            second.destroy();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        }
        try (Connection connection = tracker.connect()) {
            assertNoHalfStory(connection);
        }
        // Neither server printed the key of its sign-in cookies (Quarkus does when it makes one; SessionKeySource
        // makes it instead), and each said that sign-ins end with it.
        for (String name : List.of("server-1", "server-2")) {
            String log = Files.readString(work.resolve(name + ".log"));
            assertFalse(log.contains("temporary key"), name + " logged a session key:\n" + log);
            assertTrue(log.contains("No quarkus.http.auth.session.encryption-key is set"), log);
        }
        System.out.printf("crash server: %d submissions sent, %d answered 201 before the kill, all present%n",
                sent.get(), before.size());
    }

    /** Each submission has two themes, one author, one FAQ entry and its submission event, or is not there at all. */
    private static void assertNoHalfStory(Connection connection) throws Exception {
        String sql = "select s.slug from story s where s.source = 'api' and ("
                + "(select count(*) from story_theme t where t.story_id = s.id) <> 2"
                + " or (select count(*) from story_author a where a.story_id = s.id) <> 1"
                + " or (select count(*) from story_faq f where f.story_id = s.id) <> 1"
                + " or (select count(*) from triage_event e where e.story_id = s.id) <> 1)";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            boolean half = rows.next();
            assertFalse(half, "half-written story: " + (half ? rows.getString(1) : ""));
        }
    }

    private static HttpRequest submission(int port, String author) {
        String json = "{\"kind\":\"status-quo\",\"title\":\"Crash burst\",\"body\":\"## The story\\n\\nWritten while"
                + " the server dies.\",\"character\":\"alan\",\"themes\":[\"theme-1\",\"theme-2\"],\"authors\":[\""
                + author + "\"],\"faq\":[{\"question\":\"What are the morals?\",\"answer\":\"Commit first.\"}]}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stories"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static void waitUntilReady(HttpClient http, int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the server stopped while starting");
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            server.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the server was not ready in 2 minutes");
    }
}
