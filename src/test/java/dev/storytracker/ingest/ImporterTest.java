package dev.storytracker.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.story.StoryState;

/** The importer on small corpora written by each test: outcomes, idempotence, rejections and updates. */
@QuarkusTest
class ImporterTest {

    @Inject
    Importer importer;

    @Inject
    TestData data;

    @TempDir
    Path dir;

    CorpusFiles files;

    @BeforeEach
    void setUp() {
        data.reset();
        files = new CorpusFiles(dir);
    }

    private static Map<String, ImportReport.FileResult> byPath(ImportReport report) {
        return report.files().stream().collect(Collectors.toMap(ImportReport.FileResult::path, f -> f));
    }

    @Test
    void imports_every_kind_of_file_and_reports_each_as_created() throws IOException {
        ImportReport report = importer.importFolder(files.basic().root(), false);
        assertEquals(7, report.count(Outcome.CREATED), report.files().toString());
        assertFalse(report.hasRejections());
        given().get("/api/stories/alan-loses-data").then().statusCode(200)
                .body("state", equalTo("accepted"))
                .body("source", equalTo("file"))
                .body("body", equalTo("## The story\n\nAlan drops a future in `select!` and a write is lost."))
                .body("faq.question", contains("What are the morals of the story?",
                        "Why did you choose Alan to tell this story?"))
                .body("faq[0].answer", equalTo("* Dropping a future cancels it."))
                .body("summary", equalTo("Alan drops a future in select! and a write is lost."))
                .body("authors", contains("Jane Doe <jane@example.org>"))
                .body("roadmap", contains("scoped-spawn"))
                .body("links[0].relation", equalTo("motivates"))
                .body("retoldBy", contains("alan-keeps-data"));
        given().get("/api/stories/alan-keeps-data").then().statusCode(200)
                .body("kind", equalTo("shiny-future")).body("retells", contains("alan-loses-data"))
                .body("roadmap", contains("scoped-spawn", "scoped-tasks"));
        given().get("/api/roadmap/scoped-spawn").then().statusCode(200)
                .body("parent", equalTo("scoped-tasks")).body("state", equalTo("help-wanted"))
                .body("landing", equalTo("https://example.org/spawn"));
        assertEquals(2, data.count("TriageEvent", "e.toState = ?1 and e.fromState is null", StoryState.ACCEPTED));
    }

    @Test
    void a_second_run_changes_nothing() throws IOException {
        importer.importFolder(files.basic().root(), false);
        long events = data.count("TriageEvent");
        ImportReport again = importer.importFolder(dir, false);
        assertEquals(7, again.count(Outcome.UNCHANGED), again.files().toString());
        assertEquals(events, data.count("TriageEvent"));
        given().get("/api/stories/alan-loses-data").then().body("version", equalTo(0));
    }

    @Test
    void a_rejected_file_does_not_stop_the_good_ones_and_the_report_says_why_and_where() throws IOException {
        files.basic().write("status-quo/bad-theme.md", """
                ---
                title: Bad theme
                character: alan
                themes: [cancellation, nonexistent]
                ---
                Text.
                """);
        ImportReport report = importer.importFolder(dir, false);
        ImportReport.FileResult bad = byPath(report).get("status-quo/bad-theme.md");
        assertEquals(Outcome.REJECTED, bad.outcome());
        assertEquals("unknown theme 'nonexistent' in 'themes'", bad.reason());
        assertEquals(4, bad.line());
        assertEquals(7, report.count(Outcome.CREATED));
        assertTrue(report.hasRejections());
        assertEquals(0, data.count("Story", "e.slug = ?1", "bad-theme"));
    }

    @Test
    void broken_files_are_rejected_with_their_reasons() throws IOException {
        files.basic()
                .write("status-quo/no-front-matter.md", "# Just a heading\n\nText.\n")
                .write("status-quo/unclosed.md", "---\ntitle: Open\ncharacter: alan\nText.\n")
                .write("status-quo/bad-yaml.md", "---\ntitle: [unclosed\ncharacter: alan\n---\nText.\n")
                .write("status-quo/unknown-field.md", "---\ntitle: X\ncharacter: alan\ncolour: blue\n---\nText.\n")
                .write("status-quo/No_Slug.md", "---\ntitle: X\ncharacter: alan\n---\nText.\n")
                .write("status-quo/wrong-kind.md", "---\ntitle: X\nkind: shiny-future\ncharacter: alan\n---\nText.\n")
                .write("status-quo/no-text.md", "---\ntitle: X\ncharacter: alan\n---\n\n")
                .write("status-quo/long-title.md", "---\ntitle: " + "x".repeat(201) + "\ncharacter: alan\n---\nText.\n")
                .write("roadmap/orphan.md", "---\ntitle: Orphan\nlevel: initiative\nparent: nowhere\n---\nX.\n")
                .write("roadmap/bad-progress.md", "---\ntitle: P\nlevel: goal\nprogress: 140\n---\nX.\n")
                .writeBytes("status-quo/binary.md", new byte[]{'-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28})
                .write("notes/readme.md", "Not part of the corpus.\n");
        Map<String, ImportReport.FileResult> results = byPath(importer.importFolder(dir, false));
        assertEquals("the file must start with a front matter block: a line '---', YAML fields, a line '---'",
                results.get("status-quo/no-front-matter.md").reason());
        assertEquals("the front matter block is not closed by a line '---'",
                results.get("status-quo/unclosed.md").reason());
        assertTrue(results.get("status-quo/bad-yaml.md").reason().startsWith("front matter is not valid YAML"));
        assertEquals(4, results.get("status-quo/unknown-field.md").line());
        assertTrue(results.get("status-quo/No_Slug.md").reason().startsWith("the file name must be a slug"));
        assertEquals("the kind 'shiny-future' does not match the folder 'status-quo'",
                results.get("status-quo/wrong-kind.md").reason());
        assertEquals("the story has no text", results.get("status-quo/no-text.md").reason());
        assertEquals("the field 'title' is longer than 200 characters",
                results.get("status-quo/long-title.md").reason());
        assertEquals("the parent 'nowhere' is not a roadmap item", results.get("roadmap/orphan.md").reason());
        assertEquals("the field 'progress' must be between 0 and 100", results.get("roadmap/bad-progress.md").reason());
        assertEquals("the file is not valid UTF-8", results.get("status-quo/binary.md").reason());
        assertEquals(Outcome.SKIPPED, results.get("notes/readme.md").outcome());
        for (var entry : results.entrySet()) {
            if (entry.getKey().startsWith("status-quo/") && !entry.getKey().equals("status-quo/alan-loses-data.md")) {
                assertEquals(Outcome.REJECTED, entry.getValue().outcome(), entry.getKey());
            }
        }
        assertEquals(2, data.count("Story"));
    }

    @Test
    void a_dry_run_reports_the_same_outcomes_and_writes_nothing() throws IOException {
        files.basic().write("status-quo/bad.md", "---\ntitle: Bad\ncharacter: nobody\n---\nText.\n");
        ImportReport dry = importer.importFolder(dir, true);
        assertTrue(dry.dryRun());
        assertEquals(7, dry.count(Outcome.CREATED), dry.files().toString());
        assertEquals(1, dry.count(Outcome.REJECTED));
        assertEquals(0, data.count("Story"));
        assertEquals(0, data.count("StoryCharacter"));
        ImportReport real = importer.importFolder(dir, false);
        assertEquals(dry.files(), real.files());
    }

    @Test
    void a_changed_file_updates_its_story_and_syncs_its_links() throws IOException {
        importer.importFolder(files.basic().root(), false);
        files.write("shiny-future/alan-keeps-data.md", """
                ---
                title: Alan keeps all his data
                kind: shiny-future
                character: alan
                themes: [debugging]
                retells: [alan-loses-data]
                roadmap: [scoped-tasks]
                ---
                The compiler warns Alan, and the runtime helps too.
                """);
        ImportReport report = importer.importFolder(dir, false);
        assertEquals(Outcome.UPDATED, byPath(report).get("shiny-future/alan-keeps-data.md").outcome());
        assertEquals(6, report.count(Outcome.UNCHANGED));
        given().get("/api/stories/alan-keeps-data").then()
                .body("title", equalTo("Alan keeps all his data"))
                .body("themes", contains("debugging"))
                .body("roadmap", contains("scoped-tasks"))
                .body("version", equalTo(1));
    }

    @Test
    void a_state_in_the_file_is_recorded_as_a_transition() throws IOException {
        importer.importFolder(files.basic().root(), false);
        files.write("status-quo/alan-loses-data.md", """
                ---
                title: Alan loses data
                character: alan
                state: in-review
                ---
                Alan drops a future in `select!` and a write is lost, again.
                """);
        importer.importFolder(dir, false);
        assertEquals(1, data.count("TriageEvent", "e.story.slug = ?1 and e.fromState = ?2 and e.toState = ?3",
                "alan-loses-data", StoryState.ACCEPTED, StoryState.IN_REVIEW));
    }

    @Test
    void a_file_cannot_take_over_a_story_submitted_through_the_api() throws IOException {
        importer.importFolder(files.basic().root(), false);
        given().contentType("application/json")
                .body(Map.of("kind", "status-quo", "title", "Web story", "body", "Typed.",
                        "character", "alan"))
                .post("/api/stories").then().statusCode(201);
        files.write("status-quo/web-story.md", "---\ntitle: Web story\ncharacter: alan\n---\nFrom a file.\n");
        ImportReport report = importer.importFolder(dir, false);
        assertEquals(Outcome.REJECTED, byPath(report).get("status-quo/web-story.md").outcome());
        assertTrue(byPath(report).get("status-quo/web-story.md").reason().contains("submitted through the api"));
    }

    @Test
    void a_roadmap_level_must_sit_below_its_parent() throws IOException {
        importer.importFolder(files.basic().root(), false);
        files.write("roadmap/goal-under-goal.md", "---\ntitle: G\nlevel: goal\nparent: scoped-tasks\n---\nX.\n")
                .write("roadmap/initiative-under-initiative.md",
                        "---\ntitle: I\nlevel: initiative\nparent: scoped-spawn\n---\nX.\n")
                .write("roadmap/milestone-one.md", "---\ntitle: M\nlevel: milestone\nparent: scoped-spawn\n---\nX.\n");
        Map<String, ImportReport.FileResult> results = byPath(importer.importFolder(dir, false));
        assertEquals("a goal has no parent", results.get("roadmap/goal-under-goal.md").reason());
        assertTrue(results.get("roadmap/initiative-under-initiative.md").reason()
                .startsWith("the parent of an initiative must be a higher level"));
        assertEquals(Outcome.CREATED, results.get("roadmap/milestone-one.md").outcome());
        List<String> ancestors = given().get("/api/roadmap/milestone-one").then().statusCode(200).extract()
                .jsonPath().getList("ancestors");
        assertEquals(List.of("scoped-spawn", "scoped-tasks"), ancestors);
    }

    @Test
    void the_same_slug_in_both_story_folders_is_rejected_once() throws IOException {
        files.basic().write("shiny-future/alan-loses-data.md",
                "---\ntitle: Clash\ncharacter: alan\nretells: []\n---\nText.\n");
        Map<String, ImportReport.FileResult> results = byPath(importer.importFolder(dir, false));
        assertEquals(Outcome.CREATED, results.get("status-quo/alan-loses-data.md").outcome());
        assertEquals("the slug 'alan-loses-data' is already used by status-quo/alan-loses-data.md",
                results.get("shiny-future/alan-loses-data.md").reason());
    }

    @Test
    void links_carry_their_relation_and_note_and_follow_the_file() throws IOException {
        importer.importFolder(files.basic().root(), false);
        files.write("status-quo/alan-loses-data.md", """
                ---
                title: Alan loses data
                character: alan
                links:
                  - item: scoped-spawn
                    note: "Scoped tasks would have kept the write alive."
                  - {item: scoped-tasks, relation: motivates}
                ---
                Alan drops a future in `select!` and a write is lost.
                """);
        importer.importFolder(dir, false);
        given().get("/api/stories/alan-loses-data").then()
                .body("links.item", contains("scoped-spawn", "scoped-tasks"))
                .body("links[0].note", equalTo("Scoped tasks would have kept the write alive."))
                .body("links[1].relation", equalTo("motivates"));
        files.write("status-quo/alan-loses-data.md", """
                ---
                title: Alan loses data
                character: alan
                links: [{item: scoped-tasks, note: Only the goal now}]
                ---
                Alan drops a future in `select!` and a write is lost.
                """);
        importer.importFolder(dir, false);
        given().get("/api/stories/alan-loses-data").then()
                .body("links.item", contains("scoped-tasks"))
                .body("links[0].note", equalTo("Only the goal now"));
    }

    @Test
    void bad_links_are_rejected_with_reasons() throws IOException {
        files.basic()
                .write("status-quo/twice.md", "---\ntitle: T\ncharacter: alan\nroadmap: [scoped-spawn]\n"
                        + "links: [{item: scoped-spawn}]\n---\nText.\n")
                .write("status-quo/odd-key.md",
                        "---\ntitle: T\ncharacter: alan\nlinks: [{item: scoped-spawn, why: x}]\n"
                                + "---\nText.\n")
                .write("status-quo/bad-relation.md", "---\ntitle: T\ncharacter: alan\n"
                        + "links: [{item: scoped-spawn, relation: loves}]\n---\nText.\n")
                .write("status-quo/unknown-item.md", "---\ntitle: T\ncharacter: alan\nlinks: [{item: nowhere}]\n"
                        + "---\nText.\n");
        Map<String, ImportReport.FileResult> results = byPath(importer.importFolder(dir, false));
        assertEquals("the roadmap item 'scoped-spawn' is linked twice", results.get("status-quo/twice.md").reason());
        assertTrue(results.get("status-quo/odd-key.md").reason().startsWith("unknown key 'why' in 'links'"));
        assertTrue(results.get("status-quo/bad-relation.md").reason().startsWith("the relation 'loves'"));
        assertEquals("unknown roadmap item 'nowhere' in 'links'", results.get("status-quo/unknown-item.md").reason());
    }

    @Test
    void chapters_of_a_series_point_to_it_and_flags_stand_in_for_a_missing_character() throws IOException {
        files.basic()
                .write("status-quo/alan-chapter-one.md", "---\ntitle: Chapter one\ncharacter: alan\n"
                        + "series: alan-loses-data\n---\nThe first part.\n")
                .write("status-quo/nobody-tells.md", "---\ntitle: Told by nobody\n"
                        + "flags: [no character found in the book]\n---\nSomeone did something.\n")
                .write("status-quo/no-character.md", "---\ntitle: No character\n---\nText.\n");
        Map<String, ImportReport.FileResult> results = byPath(importer.importFolder(dir, false));
        assertEquals(Outcome.CREATED, results.get("status-quo/alan-chapter-one.md").outcome());
        assertEquals(Outcome.CREATED, results.get("status-quo/nobody-tells.md").outcome());
        assertTrue(results.get("status-quo/no-character.md").reason().startsWith("the field 'character' is required"));
        given().get("/api/stories/alan-chapter-one").then().body("series", equalTo("alan-loses-data"));
        given().get("/api/stories/alan-loses-data").then().body("chapters", contains("alan-chapter-one"));
        given().get("/api/stories/nobody-tells").then().body("character", equalTo(null))
                .body("flags", contains("no character found in the book"));
    }
}
