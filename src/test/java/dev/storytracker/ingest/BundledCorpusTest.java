package dev.storytracker.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;

/**
 * The corpus shipped in stories/ imports without a single rejection, and the API then counts what the files say. The
 * expected counts are read straight from the files' {@code character:} lines, independently of the importer.
 */
@QuarkusTest
class BundledCorpusTest {

    private static final Path CORPUS = Path.of("stories");
    private static final Pattern CHARACTER = Pattern.compile("(?m)^character:\\s*(\\S+)\\s*$");

    @Inject
    Importer importer;

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    private static Map<String, Integer> charactersIn(String folder) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Matcher m = CHARACTER.matcher(Files.readString(file));
                assertTrue(m.find(), file + " names no character");
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void the_bundled_corpus_imports_completely_with_the_counts_its_files_state() throws IOException {
        ImportReport report = importer.importFolder(CORPUS, false);
        assertFalse(report.hasRejections(), () -> report.files().stream()
                .filter(f -> f.outcome() == Outcome.REJECTED).toList().toString());
        Map<String, Integer> statusQuo = charactersIn("status-quo");
        Map<String, Integer> shinyFuture = charactersIn("shiny-future");
        assertTrue(total(statusQuo) + total(shinyFuture) >= 16);
        assertTrue(total(shinyFuture) >= 4);

        given().get("/api/stories?kind=status-quo&size=1").then().body("total", equalTo(total(statusQuo)));
        given().get("/api/stories?kind=shiny-future&size=1").then().body("total", equalTo(total(shinyFuture)));
        for (String character : List.of("alan", "grace", "niklaus", "barbara")) {
            int expected = statusQuo.getOrDefault(character, 0) + shinyFuture.getOrDefault(character, 0);
            assertTrue(expected >= 3, character + " tells fewer than 3 stories");
            given().get("/api/stories?character=" + character + "&size=1").then().body("total", equalTo(expected));
            given().get("/api/stories?kind=status-quo&character=" + character + "&size=1").then()
                    .body("total", equalTo(statusQuo.getOrDefault(character, 0)));
            given().get("/api/characters/" + character).then().statusCode(200).body("stories", equalTo(expected));
        }
        given().get("/api/characters").then().statusCode(200).body("size()", equalTo(4));
        int shinyWithRetellings = given().get("/api/stories?kind=shiny-future&size=200").then().extract().jsonPath()
                .getList("items.findAll { it.retells.size() > 0 }").size();
        assertEquals(total(shinyFuture), shinyWithRetellings);
    }

    @Test
    void importing_the_bundled_corpus_twice_leaves_everything_unchanged() throws IOException {
        ImportReport first = importer.importFolder(CORPUS, false);
        ImportReport second = importer.importFolder(CORPUS, false);
        assertEquals(first.files().size(), second.count(Outcome.UNCHANGED) + second.count(Outcome.SKIPPED));
        assertEquals(0, second.count(Outcome.CREATED) + second.count(Outcome.UPDATED) + second.count(Outcome.REJECTED));
    }
}
