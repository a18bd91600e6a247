package dev.storytracker.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, OpenAPI, and the problem answer for addresses that do not exist. */
@QuarkusTest
class ServiceEndpointsTest {

    @Test
    void readiness_reports_up_with_the_database_checked() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void the_openapi_document_describes_the_story_api() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/stories'.get.summary", equalTo("List stories, newest first"))
                .body("paths.'/api/stories/{slug}'.put.summary", containsString("edit token"));
    }

    @Test
    void an_unknown_api_address_is_a_404_problem() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
