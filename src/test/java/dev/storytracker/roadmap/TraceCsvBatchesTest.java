package dev.storytracker.roadmap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.bench.CorpusGenerator;
import dev.storytracker.ingest.Importer;

/**
 * The CSV export streams in batches of the links of a few items at a time; across batch boundaries, and items whose
 * links fill more than a batch, it must still hold every visible link once, in item then story order.
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
        assertTrue(expected.size() > TraceCsvResource.BATCH, "enough links for more than one batch");

        String csv = given().get("/api/trace.csv").then().statusCode(200).extract().asString();
        // Generated titles hold no commas or quotes, so a plain split finds the item (first) and story (fourth) cells.
        List<String> written = csv.lines().skip(1).map(line -> {
            String[] cells = line.split(",");
            return cells[0] + "," + cells[3];
        }).toList();
        assertEquals(expected, written);
    }
}
