package dev.storytracker.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;

/**
 * A batch of new stories is written as plain rows ({@link FreshStories}), any other batch through Hibernate's
 * entities. Both must store the same story: the same stories are imported once each way, under two slugs, and every
 * column and list that a reader of the tracker sees is compared.
 */
@QuarkusTest
class FreshStoriesTest {

    @Inject
    Importer importer;

    @Inject
    TestData data;

    @Inject
    EntityManager em;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void new_stories_written_as_plain_rows_are_stored_as_the_entities_store_them() throws Exception {
        CorpusFiles catalogue = new CorpusFiles(dir.resolve("catalogue"));
        catalogue.write("characters/alan.md", "---\nname: Alan\n---\nAlan knows Java.\n")
                .write("themes/cancellation.md", "---\nname: Cancellation\n---\nStopping work.\n")
                .write("themes/debugging.md", "---\nname: Debugging\n---\nFinding faults.\n")
                .write("projects/youbuy.md", "---\nname: YouBuy\n---\nA shop.\n")
                .write("roadmap/tasks.md", "---\ntitle: Tasks\nlevel: goal\nstate: in-progress\n---\nTasks.\n")
                .write("roadmap/spawn.md", "---\ntitle: Spawn\nlevel: initiative\nparent: tasks\n"
                        + "state: help-wanted\n---\nSpawn.\n")
                .write("roadmap/lints.md", "---\ntitle: Lints\nlevel: initiative\nparent: tasks\n"
                        + "state: paused\n---\nLints.\n");
        ImportReport head = importer.importFolder(catalogue.root(), false);
        assertFalse(head.hasRejections(), head.files().toString());

        // Copy a alone: one batch of new stories only.
        CorpusFiles first = new CorpusFiles(dir.resolve("first"));
        stories(first, "a");
        long before = FreshStories.WRITTEN.get();
        ImportReport a = importer.importFolder(first.root(), false);
        assertFalse(a.hasRejections(), a.files().toString());
        assertEquals(5, FreshStories.WRITTEN.get() - before, "copy a was written as plain rows");

        // Copy b beside copy a (already there, unchanged): the batch holds stories that exist, so Hibernate writes b.
        CorpusFiles second = new CorpusFiles(dir.resolve("second"));
        stories(second, "a");
        stories(second, "b");
        before = FreshStories.WRITTEN.get();
        ImportReport b = importer.importFolder(second.root(), false);
        assertFalse(b.hasRejections(), b.files().toString());
        assertEquals(5, b.count(Outcome.CREATED), b.summary());
        assertEquals(0, FreshStories.WRITTEN.get() - before, "copy b was written through Hibernate");

        List<String> copyA = snapshot("a");
        assertEquals(snapshot("b"), copyA);
        // The comparison saw what the files say, not two empty lists.
        assertTrue(copyA.contains("link head spawn motivates null true import null null null"), copyA.toString());
        assertTrue(copyA.contains("link head lints constrains Would have caught it. true jane 2025-01-02T03:04:05Z"
                + " null null"), copyA.toString());
        assertTrue(copyA.contains("retell future head"), copyA.toString());
        assertTrue(copyA.contains("event chapter null submitted import imported from status-quo/chapter"),
                copyA.toString());
        assertEquals(0L, count("select count(*) from story_recount"), "every new story was counted");
    }

    /** Five stories whose references stay within their copy: a series, a duplicate, a retelling, one bare story. */
    private static void stories(CorpusFiles files, String copy) {
        files.write("status-quo/head-" + copy + ".md", """
                ---
                title: Alan loses data
                kind: status-quo
                character: alan
                themes: [debugging, cancellation]
                projects: [youbuy]
                authors: ["Jane Doe <jane@example.org>", "Joe"]
                flags: ["The morals are missing."]
                roadmap: [spawn]
                links:
                  - item: lints
                    relation: constrains
                    note: "Would have caught it."
                    by: jane
                    at: "2025-01-02T03:04:05Z"
                ---
                ## The story

                Alan drops a future and a write is lost.

                ## 🤔 Frequently Asked Questions

                ### What are the morals of the story?
                * Dropping a future cancels it.

                ### Why Alan?
                He expects the work to finish.
                """);
        files.write("status-quo/chapter-" + copy + ".md", "---\ntitle: Alan again\nkind: status-quo\ncharacter: alan\n"
                + "series: head-" + copy + "\nstate: submitted\nthemes: [debugging]\n---\nThe next day.\n");
        files.write("status-quo/repeat-" + copy + ".md",
                "---\ntitle: Alan loses data twice\nkind: status-quo\ncharacter: alan\n"
                        + "duplicate-of: head-" + copy + "\nstate: duplicate\n---\nThe same story.\n");
        files.write("status-quo/bare-" + copy + ".md", "---\ntitle: Bare\nkind: status-quo\n"
                + "flags: [\"Told by the whole group.\"]\n---\nNo character, no theme, no link.\n");
        files.write("shiny-future/future-" + copy + ".md", "---\ntitle: Alan keeps data\nkind: shiny-future\n"
                + "character: alan\nthemes: [cancellation]\nretells: [head-" + copy + ", bare-" + copy + "]\n"
                + "roadmap: [spawn]\n---\nThe write lands.\n");
    }

    /** Everything stored for the stories of one copy, with the copy's suffix taken out of slugs and paths. */
    private List<String> snapshot(String copy) {
        String suffix = "-" + copy;
        String mine = "s.slug like '%" + suffix + "'";
        List<String> lines = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            lines.addAll(rows("select 'story', s.slug, s.kind, s.title, s.summary, c.slug, s.state, d.slug, h.slug,"
                    + " s.source, s.source_path, s.version, s.assignee_id, s.edit_token_hash,"
                    + " case when s.created_at = s.updated_at then 'same' else 'differ' end, t.body from story s"
                    + " join story_text t on t.story_id = s.id left join story_character c on c.id = s.character_id"
                    + " left join story d on d.id = s.duplicate_of_id left join story h on h.id = s.series_id"
                    + " where " + mine, suffix));
            lines.addAll(rows("select 'theme', s.slug, t.slug from story s join story_theme st on st.story_id = s.id"
                    + " join theme t on t.id = st.theme_id where " + mine, suffix));
            lines.addAll(rows("select 'project', s.slug, p.slug from story s join story_project sp"
                    + " on sp.story_id = s.id join project p on p.id = sp.project_id where " + mine, suffix));
            lines.addAll(rows("select 'author', s.slug, a.position, a.name from story s join story_author a"
                    + " on a.story_id = s.id where " + mine, suffix));
            lines.addAll(rows("select 'faq', s.slug, f.position, f.question, f.answer from story s join story_faq f"
                    + " on f.story_id = s.id where " + mine, suffix));
            lines.addAll(rows("select 'flag', s.slug, f.position, f.message from story s join story_flag f"
                    + " on f.story_id = s.id where " + mine, suffix));
            lines.addAll(rows("select 'retell', s.slug, r.slug from story s join story_retell sr on sr.story_id = s.id"
                    + " join story r on r.id = sr.retold_id where " + mine, suffix));
            // A link's time is the file's, or the moment it was written: only the former can be compared.
            lines.addAll(rows("select 'link', s.slug, i.slug, l.relation, l.note, l.from_file, l.created_by,"
                    + " case when l.created_by = 'import' then null else l.created_at end, l.updated_by,"
                    + " l.updated_at from story s join story_link l on l.story_id = s.id"
                    + " join roadmap_item i on i.id = l.item_id where " + mine, suffix));
            lines.addAll(rows("select 'event', s.slug, e.from_state, e.to_state, e.actor, e.note from story s"
                    + " join triage_event e on e.story_id = s.id where " + mine, suffix));
        });
        lines.sort(null);
        return lines;
    }

    private List<String> rows(String sql, String suffix) {
        List<String> lines = new ArrayList<>();
        for (Object row : em.createNativeQuery(sql).getResultList()) {
            StringBuilder line = new StringBuilder();
            for (Object value : (Object[]) row) {
                String text = value instanceof Timestamp time ? time.toInstant().toString()
                        : value instanceof TemporalAccessor time ? Instant.from(time).toString()
                                : String.valueOf(value);
                line.append(line.isEmpty() ? "" : " ").append(text.replace(suffix, ""));
            }
            lines.add(line.toString().replace(".md", ""));
        }
        return lines;
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
