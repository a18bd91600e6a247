package dev.storytracker.roadmap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import dev.storytracker.TestData;
import dev.storytracker.bench.CorpusGenerator;
import dev.storytracker.ingest.Importer;

/**
 * The CSV export reads its one statement a fetch at a time into a temporary file, then sends it: across fetches it must
 * hold every visible link once, in item then story order, say its length up front, and leave no file behind.
 */
@QuarkusTest
class TraceCsvBatchesTest {

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
    void every_accepted_link_is_written_once_in_order_across_batches() throws IOException {
        // 3 items, each story linked to all three: each item holds about 1,800 accepted links of 5,400, so batches
        // end inside an item and the export needs more than one.
        new CorpusGenerator(new CorpusGenerator.Spec(3000, 3, 3, 5)).write(dir);
        importer.importFolder(dir, false);
        List<String> expected = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select i.slug || ',' || s.slug from story_link l join roadmap_item i on i.id = l.item_id"
                        + " join story s on s.id = l.story_id where s.state = 'accepted' order by i.slug, s.slug",
                String.class).getResultList().stream().map(Object::toString).toList());
        assertTrue(expected.size() > TraceQueries.EXPORT_FETCH, "enough links for more than one fetch");
        Set<Path> before = spools();

        Response response = given().get("/api/trace.csv").then().statusCode(200).extract().response();
        byte[] body = response.asByteArray();
        assertEquals(String.valueOf(body.length), response.header("Content-Length"));
        String csv = new String(body, StandardCharsets.UTF_8);
        // Generated titles hold no commas or quotes, so a plain split finds the item (first) and story (fourth) cells.
        List<String> written = csv.lines().skip(1).map(line -> {
            String[] cells = line.split(",");
            return cells[0] + "," + cells[3];
        }).toList();
        assertEquals(expected, written);

        // The file is deleted once sent, which may be a moment after the client has read the last byte.
        assertNoSpoolLeft(before);
    }

    @Test
    void a_client_that_leaves_mid_download_leaves_no_file_behind() throws IOException {
        new CorpusGenerator(new CorpusGenerator.Spec(500, 3, 3, 5)).write(dir);
        importer.importFolder(dir, false);
        Set<Path> before = spools();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", RestAssured.port));
            socket.getOutputStream().write(("GET /api/trace.csv HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The status line comes once the file is written; then the client goes without reading the rest.
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", status);
        }
        assertNoSpoolLeft(before);
        given().get("/api/trace.csv").then().statusCode(200); // and the next export is answered as usual
    }

    private static void assertNoSpoolLeft(Set<Path> before) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Path> left = spools();
        left.removeAll(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            left = spools();
            left.removeAll(before);
        }
        assertEquals(Set.of(), left, "the export's temporary file is deleted");
    }

    private static Set<Path> spools() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().matches("trace-.*\\.csv"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }
}
