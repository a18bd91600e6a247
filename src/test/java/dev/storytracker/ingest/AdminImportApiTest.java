package dev.storytracker.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import dev.storytracker.TestData;
import dev.storytracker.account.User;
import dev.storytracker.ingest.mdbook.SampleBook;

/** POST /api/admin/imports: admins upload a zipped book and get the report; bad and oversized zips are refused. */
@QuarkusTest
class AdminImportApiTest {

    private static final String TRIAGER = "triager-upload-test";

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> {
            if (User.findByUsername(TRIAGER).isEmpty()) {
                User user = new User();
                user.username = TRIAGER;
                user.roles = User.TRIAGER;
                user.setPassword("triager-test-password");
                user.persist();
            }
        });
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-test-password");
    }

    private static byte[] sampleBookZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : SampleBook.files()) {
                zip.putNextEntry(new ZipEntry("sample-book/" + file.toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(SampleBook.ROOT.resolve(file)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zipOf(String name, byte[] content, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < times; i++) {
                zip.putNextEntry(new ZipEntry(times == 1 ? name : i + "-" + name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void an_admin_uploads_a_zipped_book_and_gets_the_report() throws IOException {
        admin().contentType(ImportResource.ZIP).body(sampleBookZip())
                .post("/api/admin/imports").then().statusCode(200)
                .body("dryRun", equalTo(false)).body("counts.created", equalTo(26))
                .body("counts.rejected", equalTo(0))
                .body("summary", containsString("26 created"))
                .body("files.find { it.path == 'sample-book/vision/submitted_stories/status_quo/a_quiet_outage.md' }"
                        + ".notes[0]", containsString("no character found"));
        given().get("/api/stories/a-quiet-outage").then().statusCode(200)
                .body("sourcePath", equalTo("sample-book/vision/submitted_stories/status_quo/a_quiet_outage.md"));
    }

    @Test
    void an_admin_uploads_a_zip_on_the_import_page_with_its_csrf_token() throws IOException {
        io.restassured.response.Response form = admin().accept("text/html").get("/admin/imports");
        String token = org.jsoup.Jsoup.parse(form.asString()).selectFirst("input[name=csrf-token]").val();
        String report = admin().accept("text/html").cookie("tracker-csrf", form.getCookie("tracker-csrf"))
                .multiPart("csrf-token", token).multiPart("format", "auto")
                .multiPart("file", "book.zip", sampleBookZip(), ImportResource.ZIP)
                .post("/admin/imports").then().statusCode(200).extract().asString();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(report);
        org.junit.jupiter.api.Assertions.assertTrue(page.selectFirst(".notice").text().contains("26 created"),
                page.selectFirst(".notice").text());
        org.junit.jupiter.api.Assertions.assertTrue(page.select("td").text().contains("no character found"));
        // Without the token the same upload is refused.
        admin().accept("text/html").multiPart("file", "book.zip", sampleBookZip(), ImportResource.ZIP)
                .post("/admin/imports").then().statusCode(400);
    }

    @Test
    void a_zip_body_with_dry_run_reports_without_writing() throws IOException {
        admin().contentType(ImportResource.ZIP).body(sampleBookZip())
                .post("/api/admin/imports?dryRun=true&format=mdbook").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("counts.created", equalTo(26));
        assertEquals(0, data.count("Story"));
    }

    @Test
    void anonymous_callers_are_refused_with_401_and_other_roles_with_403() throws IOException {
        byte[] zip = sampleBookZip();
        given().contentType(ImportResource.ZIP).body(zip).post("/api/admin/imports").then().statusCode(401);
        given().auth().preemptive().basic(TRIAGER, "triager-test-password").contentType(ImportResource.ZIP)
                .body(zip).post("/api/admin/imports").then().statusCode(403);
        assertEquals(0, data.count("Story"));
    }

    @Test
    void an_entry_that_climbs_out_of_the_book_refuses_the_whole_zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("book/status_quo/alan_fine.md"));
            zip.write("# Alan is fine\n\nText.\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("book/../../evil.md"));
            zip.write("# Evil\n".getBytes(StandardCharsets.UTF_8));
        }
        admin().contentType(ImportResource.ZIP).body(bytes.toByteArray()).post("/api/admin/imports").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("file"))
                .body("violations[0].message", containsString("'book/../../evil.md', which would be written outside"));
        assertEquals(0, data.count("Story"));
    }

    @Test
    void a_page_that_unpacks_past_its_bound_is_refused_with_413() throws IOException {
        byte[] bomb = zipOf("status_quo/alan_bomb.md", new byte[2 * 1024 * 1024], 1);
        admin().contentType(ImportResource.ZIP).body(bomb).post("/api/admin/imports").then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("The page status_quo/alan_bomb.md unpacks to more than 1024 KiB."));
    }

    @Test
    void pages_that_unpack_past_the_total_bound_are_refused_with_413() throws IOException {
        byte[] bomb = zipOf("page.md", new byte[1_000_000], 70);
        admin().contentType(ImportResource.ZIP).body(bomb).post("/api/admin/imports").then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("The archive's pages unpack to more than 64 MiB."));
    }

    @Test
    void a_zip_with_too_many_entries_is_refused_with_413() throws IOException {
        byte[] many = zipOf("x.txt", new byte[0], 1_001);
        admin().contentType(ImportResource.ZIP).body(many).post("/api/admin/imports").then().statusCode(413)
                .body("detail", equalTo("The archive holds more than 1000 entries."));
    }

    @Test
    void a_body_that_is_not_a_zip_and_bad_options_are_400_problems() {
        admin().contentType(ImportResource.ZIP).body("not a zip".getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/imports").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", equalTo("is not a readable zip archive"));
        admin().contentType(ImportResource.ZIP).body(new byte[0]).post("/api/admin/imports?format=word&dryRun=maybe")
                .then().statusCode(400).body("violations.field", hasItem("format"))
                .body("violations.field", hasItem("dryRun"));
    }

    @Test
    void symbolic_links_in_the_zip_are_ignored() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry story = new ZipArchiveEntry("book/status_quo/alan_stays.md");
            zip.putArchiveEntry(story);
            zip.write("# Alan stays\n\nText.\n".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
            ZipArchiveEntry link = new ZipArchiveEntry("book/status_quo/alan_links.md");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("../../../etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        admin().contentType(ImportResource.ZIP).body(bytes.toByteArray()).post("/api/admin/imports").then()
                .statusCode(200).body("files.path", hasItem("book/status_quo/alan_stays.md"))
                .body("files.path", not(hasItem("book/status_quo/alan_links.md")));
    }
}
