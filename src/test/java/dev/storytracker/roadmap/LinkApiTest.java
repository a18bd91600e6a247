package dev.storytracker.roadmap;

import static dev.storytracker.roadmap.TestUsers.admin;
import static dev.storytracker.roadmap.TestUsers.planner;
import static dev.storytracker.roadmap.TestUsers.triager;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storytracker.TestData;
import dev.storytracker.ingest.Importer;

/** Planners link stories to roadmap items with a relation and a reason; nobody else may. */
@QuarkusTest
class LinkApiTest {

    @Inject
    PlannerData planning;

    @Inject
    TestData data;

    @Inject
    TestUsers users;

    @Inject
    Importer importer;

    @BeforeEach
    void setUp() {
        planning.build();
        users.ensure();
    }

    static Map<String, Object> link(String story, String item, String relation, String note) {
        Map<String, Object> link = new HashMap<>();
        link.put("story", story);
        link.put("item", item);
        link.put("relation", relation);
        link.put("note", note);
        return link;
    }

    @Test
    void a_planner_links_a_story_and_sending_it_again_changes_nothing() {
        Map<String, Object> link = link("s5", "traits", null, "Niklaus needs this to get started.");
        planner().contentType(ContentType.JSON).body(link).put("/api/links").then().statusCode(201)
                .body("relation", equalTo("motivates"))
                .body("note", equalTo("Niklaus needs this to get started."))
                .body("fromFile", equalTo(false))
                .body("createdBy", equalTo("planner-pat"))
                .body("createdAt", notNullValue());
        planner().contentType(ContentType.JSON).body(link).put("/api/links").then().statusCode(200)
                .body("updatedBy", nullValue());
        assertEquals(1, data.count("StoryLink", "e.story.slug = ?1", "s5"));
        planner().get("/api/stories/s5/roadmap").then().statusCode(200)
                .body("items.slug", contains("traits"))
                .body("items[0].linkedBy", equalTo("planner-pat"));
        given().get("/api/stories/s5/roadmap").then().statusCode(200)
                .body("items[0].note", equalTo("Niklaus needs this to get started."))
                .body("items[0].linkedBy", nullValue());
    }

    @Test
    void changing_the_relation_records_who_changed_it() {
        admin().contentType(ContentType.JSON).body(link("s1", "lint", "partially-addressed-by", "Only the lint."))
                .put("/api/links").then().statusCode(200)
                .body("relation", equalTo("partially-addressed-by"))
                .body("createdBy", equalTo("test"))
                .body("updatedBy", equalTo("admin"))
                .body("updatedAt", notNullValue());
    }

    @Test
    void a_link_from_a_file_becomes_the_planners_once_changed_and_imports_keep_it(@TempDir Path dir)
            throws IOException {
        planning.markFromFile("s1", "lint");
        planner().contentType(ContentType.JSON).body(link("s1", "lint", "motivates", null)).put("/api/links")
                .then().statusCode(200).body("fromFile", equalTo(false));
        planner().contentType(ContentType.JSON).body(link("s1", "traits", "constrains", "Must work in no_std."))
                .put("/api/links").then().statusCode(201);
        // The story's file lists no roadmap item at all: file links would go, planners' links stay.
        Files.createDirectories(dir.resolve("status-quo"));
        Files.writeString(dir.resolve("status-quo/s1.md"),
                "---\ntitle: S1 again\ncharacter: alan\n---\nThe story, revised.\n");
        importer.importFolder(dir, false);
        given().get("/api/stories/s1/roadmap").then().statusCode(200).body("items.slug", contains("lint", "traits"));
    }

    @Test
    void deleting_a_link_is_idempotent_and_names_what_does_not_exist() {
        planner().delete("/api/links?story=s2&item=cancel").then().statusCode(204);
        planner().delete("/api/links?story=s2&item=cancel").then().statusCode(204);
        given().get("/api/stories/s2/roadmap").then().body("items.slug", contains("lint"));
        planner().delete("/api/links?story=nobody&item=cancel").then().statusCode(404)
                .contentType("application/problem+json");
        planner().delete("/api/links?story=s2&item=nowhere").then().statusCode(404);
        planner().delete("/api/links?story=s2").then().statusCode(400).body("violations.field", contains("item"));
    }

    @Test
    void only_planners_and_admins_may_change_links() {
        Map<String, Object> link = link("s5", "traits", "motivates", null);
        given().contentType(ContentType.JSON).body(link).put("/api/links").then().statusCode(401);
        triager().contentType(ContentType.JSON).body(link).put("/api/links").then().statusCode(403);
        given().delete("/api/links?story=s2&item=cancel").then().statusCode(401);
        triager().delete("/api/links?story=s2&item=cancel").then().statusCode(403);
        assertEquals(0, data.count("StoryLink", "e.story.slug = ?1", "s5"));
        assertEquals(1, data.count("StoryLink", "e.story.slug = ?1 and e.item.slug = ?2", "s2", "cancel"));
        admin().delete("/api/links?story=s2&item=cancel").then().statusCode(204);
    }

    @Test
    void bad_links_are_refused_field_by_field() {
        planner().contentType(ContentType.JSON).body(link("nobody", "nowhere", "motivates", null))
                .put("/api/links").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("story", "item"));
        planner().contentType(ContentType.JSON)
                .body(link("s1", "lint", "blocks", "two\nlines")).put("/api/links").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("relation", "note"));
        planner().contentType(ContentType.JSON).body(link("s1", "lint", null, "x".repeat(501))).put("/api/links")
                .then().statusCode(400).body("violations[0].message", equalTo("must be at most 500 characters"));
    }

    @Test
    void a_story_has_at_most_one_hundred_links() {
        planning.linkToMany("s5", "async", 100);
        planner().contentType(ContentType.JSON).body(link("s5", "traits", null, null)).put("/api/links").then()
                .statusCode(400).body("violations[0].message",
                        equalTo("already has 100 links, the most a story may have"));
        planner().contentType(ContentType.JSON).body(link("s5", "many-7", "illustrates", null)).put("/api/links")
                .then().statusCode(200);
    }
}
