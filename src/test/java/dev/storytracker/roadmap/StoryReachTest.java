package dev.storytracker.roadmap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.Database;
import dev.storytracker.bench.CorpusGenerator;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.Importer;
import dev.storytracker.story.EditTokens;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryFilter;
import dev.storytracker.story.StoryInput;
import dev.storytracker.story.StoryService;
import dev.storytracker.story.StorySource;
import dev.storytracker.triage.TransitionInput;
import dev.storytracker.triage.TriageService;
import dev.storytracker.web.Paging;

/**
 * The stored counts ({@link StoryReach}) stay equal to a count made from scratch after every kind of write that
 * changes them: links made and removed, a story submitted, triaged and revised, an item moved, and an import that does
 * all of these in a batch. The planner pages, the gaps, the dashboard and the stories' totals read these counts, so a
 * write that forgot them would show a count that no longer matches the stories listed under it.
 */
@QuarkusTest
class StoryReachTest {

    @Inject
    PlannerData planning;

    @Inject
    LinkService links;

    @Inject
    TriageService triage;

    @Inject
    StoryService stories;

    @Inject
    RoadmapService roadmap;

    @Inject
    Importer importer;

    @Inject
    StoryReach reach;

    @Inject
    ItemStoryQueries itemStories;

    @Inject
    EntityManager em;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        planning.build();
    }

    @Test
    void the_stored_counts_match_a_count_from_scratch_after_every_kind_of_write() throws IOException {
        assertMatchesRecount("the planner data set");
        rollup("async", 3, List.of("alan", "grace"), List.of(2L, 1L));

        // s5 (accepted, niklaus) had no link; now it reaches traits and async.
        links.put(new LinkInput("s5", "traits", "motivates", null), "test");
        assertMatchesRecount("a new link");
        rollup("async", 4, List.of("alan", "grace", "niklaus"), List.of(2L, 1L, 1L));

        // s2 still reaches cancel and async through its direct link to cancel; then not at all.
        links.delete("s2", "lint");
        assertMatchesRecount("a link removed while another reaches the same items");
        rollup("async", 4, List.of("alan", "grace", "niklaus"), List.of(2L, 1L, 1L));
        links.delete("s2", "cancel");
        assertMatchesRecount("a story's last link removed");
        rollup("async", 3, List.of("alan", "niklaus"), List.of(2L, 1L));

        // A story submitted through the API: in the catalogue's counts at once, linked to nothing yet.
        stories.create(new StoryInput("status-quo", "Eight", null, "The story of eight.", null, "alan",
                List.of("ecosystem"), null, null, null, null), StorySource.API, "writer");
        assertMatchesRecount("a story submitted");
        given().get("/api/gaps").then().statusCode(200).body("unaddressedStories.total", equalTo(1))
                .body("unaddressedStories.items.slug", contains("s2"));

        // s4 (submitted, linked to lint and inspector) is revised by its writer, then accepted.
        String token = EditTokens.newToken();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update story set edit_token_hash = ?1 where slug = 's4'").setParameter(1, EditTokens.hash(token))
                .executeUpdate());
        stories.revise("s4", token, new StoryInput("shiny-future", "Title of s4", null, "The story of s4.", null,
                "grace", List.of("debugging", "cancellation"), null, null, null, version("s4")));
        assertMatchesRecount("a story revised: kind, character and themes");
        triage.transition("s4", new TransitionInput("in-review", null, null, version("s4")), "test");
        triage.transition("s4", new TransitionInput("accepted", null, null, version("s4")), "test");
        assertMatchesRecount("a story accepted");
        rollup("async", 4, List.of("alan", "grace", "niklaus"), List.of(2L, 1L, 1L));
        rollup("tooling", 1, List.of("grace"), List.of(1L));

        // lint (milestone under cancel, reached by s1 and s4) moves under traits.
        roadmap.update("lint", new RoadmapInput(null, "Item lint", "milestone", "traits", "in-progress", 50, null,
                null, null, "Impact of lint.", itemVersion("lint")), "test");
        assertMatchesRecount("an item moved");
        rollup("cancel", 0, List.of(), List.of());
        rollup("traits", 4, List.of("alan", "grace", "niklaus"), List.of(2L, 1L, 1L));

        // One import batch: a new story, an existing story's themes and links changed, and an item moved back.
        write("status-quo/s7.md", "---\ntitle: Seven\nkind: status-quo\ncharacter: niklaus\nthemes: [ecosystem]\n"
                + "state: accepted\nroadmap: [inspector, lint]\n---\nThe story of seven.\n");
        write("status-quo/s1.md", "---\ntitle: Title of s1\nkind: status-quo\ncharacter: alan\nthemes: []\n"
                + "state: accepted\nroadmap: [inspector]\n---\nThe story of s1.\n");
        write("roadmap/lint.md", "---\ntitle: Item lint\nlevel: milestone\nparent: cancel\nstate: in-progress\n"
                + "progress: 50\n---\nImpact of lint.\n");
        ImportReport report = importer.importFolder(dir, false);
        assertFalse(report.hasRejections(), report.files().toString());
        assertMatchesRecount("an import batch");
        rollup("tooling", 3, List.of("alan", "grace", "niklaus"), List.of(1L, 1L, 1L));
        rollup("cancel", 3, List.of("alan", "grace", "niklaus"), List.of(1L, 1L, 1L));
        given().get("/api/roadmap/cancel/stories").then().statusCode(200)
                .body("themes.slug", contains("cancellation", "debugging", "ecosystem"))
                .body("themes.stories", contains(1, 1, 1));
    }

    @Test
    void stories_an_import_left_waiting_are_counted_by_the_next_drain() {
        // As an import's batch does: the story changes and is queued, and the batch commits before any recount.
        QuarkusTransaction.requiringNew().run(() -> {
            Story s4 = Story.findBySlug("s4").orElseThrow();
            em.createNativeQuery("update story set state = 'accepted' where id = ?1").setParameter(1, s4.id)
                    .executeUpdate();
            reach.later(List.of(s4.id));
        });
        rollup("tooling", 0, List.of(), List.of());

        // The import stopped there; the next start (or import) drains the queue.
        reach.drain();
        assertMatchesRecount("a drain");
        rollup("tooling", 1, List.of("niklaus"), List.of(1L));
        assertEquals(0L, queued());
    }

    @Test
    void an_import_recounts_beside_the_writing_and_ends_with_every_count_right() throws IOException {
        // 700 generated stories (and their roadmap) with the tests' recount every 150 files: the importer recounts on
        // its own thread while it writes the next batches, four times, then what is left at the end.
        long before = storyCount();
        new CorpusGenerator(new CorpusGenerator.Spec(700, 40, 3, 11)).write(dir);
        ImportReport report = importer.importFolder(dir, false);
        assertFalse(report.hasRejections(), report.files().toString());
        assertEquals(before + 700, storyCount());
        assertMatchesRecount("an import recounted beside the writing");
        assertEquals(0L, queued());
    }

    @Test
    void a_large_import_into_a_small_tracker_is_counted_from_scratch_once_at_its_end() throws IOException {
        // More new stories than there were, and at least REBUILD_FROM: on PostgreSQL the importer does not recount
        // beside the writing, and the drain at its end counts every story again in one transaction (on H2 the
        // stories are recounted as they come, as in the test above). Either way every count must come out right.
        new CorpusGenerator(new CorpusGenerator.Spec(StoryReach.REBUILD_FROM + 50, 30, 2, 5)).write(dir);
        ImportReport report = importer.importFolder(dir, false);
        assertFalse(report.hasRejections(), report.files().toString());
        assertMatchesRecount("a large import into a small tracker");
        assertEquals(0L, queued());
        if (!Database.H2) {
            // One transaction wrote every count, the planner data's included.
            assertEquals(1L, count("select count(distinct xmin::text) from item_tally"));
            assertEquals(1L, count("select count(distinct xmin::text) from catalog_tally"));
        }

        // After it, a single story's change is recounted the usual way, against the rebuilt counts.
        links.put(new LinkInput("s5", "traits", "motivates", null), "test");
        assertMatchesRecount("a link made after the rebuild");
    }

    @Test
    void a_list_by_theme_counts_each_story_once_per_theme_from_the_stored_counts() {
        // cancel reaches s1 (through lint; cancellation, debugging) and s2 (linked to cancel itself and to lint;
        // cancellation): three (story, theme) pairs, whatever else the tally keeps for the item.
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        QuarkusTransaction.requiringNew().run(() -> {
            RoadmapItem cancel = RoadmapItem.findBySlug("cancel").orElseThrow();
            StoryScope scope = StoryScope.of(StoryFilter.none(), anonymous);
            ItemStoryQueries.Tally tally = itemStories.tally(cancel, true, scope);
            var byTheme = itemStories.grouped(scope, ItemStoryQueries.Grouping.THEME, tally, new Paging(1, 20));
            assertEquals(3, byTheme.total());
            assertEquals(3, byTheme.items().size());
            assertEquals(2, tally.total());
        });
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Stories an import left waiting for a recount. */
    private long queued() {
        return count("select count(*) from story_recount");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private long storyCount() {
        return QuarkusTransaction.requiringNew().call(() -> Story.count());
    }

    private int version(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Story.findBySlug(slug).orElseThrow().version);
    }

    private int itemVersion(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> RoadmapItem.findBySlug(slug).orElseThrow().version);
    }

    /** What a reader of the roll-up sees: the accepted stories' total and the counts per character. */
    private static void rollup(String item, int total, List<String> characters, List<Long> counts) {
        given().get("/api/roadmap/" + item + "/stories").then().statusCode(200)
                .body("stories.total", equalTo(total))
                .body("stories.items.size()", equalTo(total))
                .body("characters.slug", equalTo(characters))
                .body("characters.stories", equalTo(counts.stream().map(Long::intValue).toList()));
    }

    /** The stored reach and tally against the same computed from the links and the tree (the recursive closure). */
    private void assertMatchesRecount(String after) {
        QuarkusTransaction.requiringNew().run(() -> {
            String reached = "select t.ancestor_id as item_id, l.story_id, max(case when t.depth = 0 then 1 else 0"
                    + " end) as direct from roadmap_closure t join story_link l on l.item_id = t.descendant_id"
                    + " group by t.ancestor_id, l.story_id";
            assertEquals(rows(RoadmapTree.closure(true) + reached),
                    rows("select item_id, story_id, direct from item_reach"), "item_reach after " + after);
            // Each story reaching an item once, per theme (or -1 without), and -3 where linked to the item itself.
            assertEquals(rows(RoadmapTree.closure(true) + "select r.item_id, s.state, s.kind,"
                    + " coalesce(s.character_id, 0), k.theme_id, count(*) from (" + reached + ") r"
                    + " join story s on s.id = r.story_id join (select id as story_id, 0 as theme_id, 0 as direct"
                    + " from story union all select story_id, theme_id, 0 from story_theme union all select x.id, -1,"
                    + " 0 from story x where not exists (select 1 from story_theme y where y.story_id = x.id)"
                    + " union all select id, -3, 1 from story) k on k.story_id = s.id and r.direct >= k.direct"
                    + " group by r.item_id, s.state, s.kind, s.character_id, k.theme_id"),
                    rows("select item_id, state, kind, character_id, theme_id, stories from item_tally"
                            + " where stories <> 0"),
                    "item_tally after " + after);
            String keys = "select s.id as story_id, 0 as theme_id, s.state, s.kind, coalesce(s.character_id, 0)"
                    + " as character_id from story s union all select s.id, st.theme_id, s.state, s.kind,"
                    + " coalesce(s.character_id, 0) from story s join story_theme st on st.story_id = s.id"
                    + " union all select s.id, -1, s.state, s.kind, coalesce(s.character_id, 0) from story s"
                    + " where not exists (select 1 from story_theme y where y.story_id = s.id)"
                    + " union all select s.id, -2, s.state, s.kind, coalesce(s.character_id, 0) from story s"
                    + " where exists (select 1 from story_link l where l.story_id = s.id)";
            assertEquals(rows(keys), rows("select story_id, theme_id, state, kind, character_id from story_tally_key"),
                    "story_tally_key after " + after);
            assertEquals(rows("select state, kind, character_id, theme_id, count(*) from (" + keys + ") k"
                    + " group by state, kind, character_id, theme_id"),
                    rows("select state, kind, character_id, theme_id, stories from catalog_tally where stories <> 0"),
                    "catalog_tally after " + after);
        });
    }

    private Set<String> rows(String sql) {
        Set<String> rows = new TreeSet<>();
        for (Object row : em.createNativeQuery(sql).getResultList()) {
            StringBuilder line = new StringBuilder();
            for (Object value : (Object[]) row) {
                line.append(value instanceof Number n ? String.valueOf(n.longValue()) : value).append(' ');
            }
            rows.add(line.toString());
        }
        return rows;
    }
}
