package dev.storytracker.ingest.mdbook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
import io.restassured.response.ValidatableResponse;

import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportFormat;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.Importer;
import dev.storytracker.ingest.Outcome;

/** The fixture book imports with a report of every page, once: a second run, or a dry run, writes nothing. */
@QuarkusTest
class MdBookImportTest {

    @Inject
    Importer importer;

    @Inject
    TestData data;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    private static Map<String, ImportReport.FileResult> byPath(ImportReport report) {
        return report.files().stream().collect(Collectors.toMap(ImportReport.FileResult::path, f -> f));
    }

    private static ValidatableResponse story(String slug) {
        return given().get("/api/stories/" + slug).then().statusCode(200);
    }

    @Test
    void the_book_is_detected_and_every_page_is_reported() throws IOException {
        ImportReport report = importer.importFolder(SampleBook.ROOT, false);
        assertFalse(report.hasRejections(), report.files().toString());
        assertEquals(26, report.count(Outcome.CREATED), report.files().toString());
        assertEquals(12, report.count(Outcome.SKIPPED), report.files().toString());
        Map<String, ImportReport.FileResult> files = byPath(report);
        assertEquals("the template for new stories",
                files.get("vision/submitted_stories/status_quo/template.md").reason());
        assertEquals(List.of("placeholder row 'tbd' under 'Cancellation you can trust' skipped"),
                files.get("vision/roadmap.md").notes());
        assertTrue(files.get("vision/roadmap/observability/task_dumps.md").notes()
                .contains("unknown state emoji '🛑'; imported as help-wanted"));
        assertTrue(files.get("vision/roadmap/observability/task_dumps.md").notes().contains(
                "the link ../../submitted_stories/status_quo/grace_gives_up.md looks like a story but matches none"));
        assertTrue(files.get("vision/submitted_stories/status_quo/a_quiet_outage.md").notes().get(0)
                .startsWith("no character found"));
        assertEquals(Outcome.SKIPPED, files.get("vision/roadmap/stages.md").outcome());
        assertTrue(report.summary().endsWith("; 12 flags in 10 files"), report.summary());
    }

    @Test
    void story_pages_keep_their_text_faq_summary_flags_and_chapters() throws IOException {
        importer.importFolder(SampleBook.ROOT, false);
        story("alan-loses-a-write-in-select").body("kind", equalTo("status-quo"))
                .body("title", equalTo("Alan loses a write in select")).body("character", equalTo("alan"))
                .body("state", equalTo("accepted")).body("source", equalTo("mdbook"))
                .body("sourcePath", equalTo("vision/submitted_stories/status_quo/alan_loses_a_write_in_select.md"))
                .body("body", equalTo("## The story\n\nAlan races a database write against a timeout with `select!`."
                        + " The timeout wins, the write future is dropped\nhalfway, and a row goes missing. See the"
                        + " [cancellation notes][notes] for what happened under the hood.\n\n"
                        + "[notes]: https://example.org/notes/cancellation"))
                .body("faq.question", contains("What are the morals of the story?",
                        "Why did you choose Alan to tell this story?"));
        story("alans-timeout-never-fires").body("title", equalTo("Alan's timeout never fires"))
                .body("character", equalTo("alan"))
                .body("faq[0].answer", equalTo("Timeouts only work at await points."));
        story("grace-reads-a-crash-dump").body("title", equalTo("Grace reads a crash dump"))
                .body("character", equalTo("grace"));
        story("barbara-ports-a-driver").body("title", equalTo("Barbara ports a driver"))
                .body("character", equalTo("barbara"))
                .body("body", org.hamcrest.Matchers.containsString("<details><summary>"));
        story("the-night-shift").body("title", equalTo("Niklaus keeps the pager quiet"))
                .body("character", equalTo("niklaus"));
        story("a-quiet-outage").body("character", nullValue())
                .body("flags", contains(StoryPage.NO_CHARACTER));
        story("on-call-week").body("title", equalTo("An on-call week")).body("character", equalTo("grace"))
                .body("series", nullValue()).body("chapters", contains("monday-alerts", "tuesday-rollback"))
                .body("summary", equalTo("Grace spends a week on call for a new async service. Each day brings its"
                        + " own surprise:"));
        story("monday-alerts").body("title", equalTo("Monday alerts")).body("series", equalTo("on-call-week"))
                .body("character", equalTo("grace"));
        story("tuesday-rollback").body("series", equalTo("on-call-week")).body("character", equalTo("grace"));
        given().get("/api/stories?kind=status-quo&size=1").then().body("total", equalTo(9));
        given().get("/api/stories?kind=shiny-future&size=1").then().body("total", equalTo(3));
    }

    @Test
    void retellings_resolve_every_link_form_and_flag_the_ones_that_match_no_story() throws IOException {
        importer.importFolder(SampleBook.ROOT, false);
        story("alan-writes-to-the-end").body("kind", equalTo("shiny-future")).body("character", equalTo("alan"))
                .body("retells", contains("alan-loses-a-write-in-select", "alans-timeout-never-fires"))
                .body("flags", empty()).body("body", equalTo("## The story\n\nAlan writes the same `select!` as"
                        + " before. The compiler points out that the write future is not cancel-safe and suggests a"
                        + " scoped task."));
        story("grace-sees-every-task").body("title", equalTo("Grace sees every task"))
                .body("character", equalTo("grace"))
                .body("retells", contains("alans-timeout-never-fires", "grace-reads-a-crash-dump"))
                .body("flags", contains("the retelling link ../status_quo/grace_loses_a_story.md looks like a story"
                        + " but matches none"));
        story("barbara-keeps-her-driver").body("title", equalTo("Barbara keeps her driver"))
                .body("retells", contains("barbara-ports-a-driver"));
        story("grace-reads-a-crash-dump").body("retoldBy", contains("grace-sees-every-task"));
    }

    @Test
    void a_second_import_changes_nothing() throws IOException {
        importer.importFolder(SampleBook.ROOT, false);
        long events = data.count("TriageEvent");
        ImportReport again = importer.importFolder(SampleBook.ROOT, false);
        assertEquals(26, again.count(Outcome.UNCHANGED), again.files().toString());
        assertEquals(0, again.count(Outcome.CREATED) + again.count(Outcome.UPDATED) + again.count(Outcome.REJECTED));
        assertEquals(events, data.count("TriageEvent"));
        story("grace-sees-every-task").body("version", equalTo(0));
        given().get("/api/roadmap/task-dumps").then().body("version", equalTo(0));
    }

    @Test
    void a_changed_sentence_in_a_roadmap_page_updates_the_story_it_links() throws IOException {
        Path book = SampleBook.copyTo(dir.resolve("book"));
        importer.importFolder(book, false);
        SampleBook.edit(book, "vision/roadmap/cancel_safety.md", "A write vanished when",
                "A row went missing when");
        ImportReport report = importer.importFolder(book, false);
        Map<String, ImportReport.FileResult> files = byPath(report);
        assertEquals(Outcome.UPDATED,
                files.get("vision/submitted_stories/status_quo/alan_loses_a_write_in_select.md").outcome());
        assertEquals(Outcome.UNCHANGED, files.get("vision/roadmap/cancel_safety.md").outcome());
        assertEquals(1, report.count(Outcome.UPDATED), report.files().toString());
        story("alan-loses-a-write-in-select").body("links[0].note",
                equalTo("A row went missing when a timeout won the race in Alan loses a write."));
    }

    @Test
    void a_dry_run_reports_the_same_and_writes_nothing() throws IOException {
        ImportReport dry = importer.importFolder(SampleBook.ROOT, ImportFormat.MDBOOK, true);
        assertEquals(26, dry.count(Outcome.CREATED), dry.files().toString());
        assertEquals(0, data.count("Story"));
        assertEquals(0, data.count("RoadmapItem"));
        ImportReport real = importer.importFolder(SampleBook.ROOT, false);
        assertEquals(dry.files(), real.files());
    }
}
