package dev.storytracker.roadmap;

import static dev.storytracker.roadmap.TestUsers.planner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The list form of the trace as CSV survives hostile titles and notes and reads back exactly. */
@QuarkusTest
class TraceCsvTest {

    static final String TRICKY_TITLE = "Alan says \"stop\", then\nwaits, \"forever\"";

    @Inject
    PlannerData planning;

    @Inject
    TestUsers users;

    @BeforeEach
    void setUp() {
        planning.build();
        users.ensure();
        planning.setTitle("s1", TRICKY_TITLE);
        planning.setNote("s1", "lint", "=HYPERLINK(\"http://evil.example\",\"click\")");
        planning.setNote("s2", "lint", "-1, or +1?");
        planning.setTitle("s3", "@mention\r\nand a carriage return");
    }

    @Test
    void titles_with_commas_quotes_and_newlines_read_back_exactly() {
        String csv = given().get("/api/trace.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("trace.csv"))
                .extract().asString();
        List<List<String>> records = parse(csv);
        assertEquals(List.of("item", "item_title", "item_level", "story", "story_title", "story_kind", "story_state",
                "character", "relation", "note"), records.get(0));
        assertEquals(5, records.size(), "a header and the four links of accepted stories");
        List<String> first = records.get(2);
        assertEquals(List.of("lint", "Item lint", "milestone", "s1", TRICKY_TITLE, "status-quo", "accepted", "alan",
                "motivates", "'=HYPERLINK(\"http://evil.example\",\"click\")"), first);
        assertEquals("'-1, or +1?", records.get(3).get(9));
        assertEquals("'@mention\r\nand a carriage return", records.get(4).get(4));
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void anonymous_callers_get_accepted_stories_and_the_working_group_every_state() {
        assertEquals(7, parse(planner().get("/api/trace.csv").then().statusCode(200).extract().asString()).size());
        List<List<String>> submitted = parse(planner().get("/api/trace.csv?state=submitted").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("inspector", "lint"), submitted.stream().skip(1).map(r -> r.get(0)).toList());
        given().get("/api/trace.csv?state=submitted").then().statusCode(403);
    }

    /** A strict RFC 4180 reader: fails on anything a spreadsheet would read differently. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                i++;
                while (true) {
                    if (i >= csv.length()) {
                        throw new AssertionError("unterminated quoted cell");
                    }
                    char q = csv.charAt(i++);
                    if (q == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(q);
                    }
                }
                if (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                    throw new AssertionError("text after a closing quote at " + i);
                }
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n') {
                    throw new AssertionError("a bare carriage return outside quotes at " + i);
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (c == '"' || c == '\n') {
                throw new AssertionError("an unquoted quote or line feed at " + i);
            } else {
                cell.append(c);
                i++;
            }
        }
        if (!record.isEmpty() || !cell.isEmpty()) {
            throw new AssertionError("the last record does not end with CRLF");
        }
        return records;
    }
}
