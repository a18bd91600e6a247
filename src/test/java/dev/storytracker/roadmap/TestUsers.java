package dev.storytracker.roadmap;

import static io.restassured.RestAssured.given;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.restassured.specification.RequestSpecification;

import dev.storytracker.account.User;

/** Signed-in callers for the planner tests: a planner, a triager and the bootstrap admin, over HTTP Basic. */
@ApplicationScoped
public class TestUsers {

    static final String PASSWORD = "planner-test-password";

    /** Creates the planner and the triager once; users survive {@code TestData.reset()}. */
    @Transactional
    public void ensure() {
        create("planner-pat", User.PLANNER);
        create("triager-tom", User.TRIAGER);
    }

    private static void create(String username, String roles) {
        if (User.findByUsername(username).isPresent()) {
            return;
        }
        User user = new User();
        user.username = username;
        user.roles = roles;
        user.setPassword(PASSWORD);
        user.persist();
    }

    static RequestSpecification planner() {
        return given().auth().preemptive().basic("planner-pat", PASSWORD);
    }

    static RequestSpecification triager() {
        return given().auth().preemptive().basic("triager-tom", PASSWORD);
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-test-password");
    }
}
