package dev.storytracker.roadmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.restassured.response.Response;

import dev.storytracker.web.FormSession;

/** Signs a user made by {@code TestData.user} in through the login form, as a browser would, for page tests. */
final class SignIn {

    private SignIn() {
    }

    static FormSession as(String username) {
        FormSession session = new FormSession();
        session.get("/login");
        Response signedIn = session.post("/j_security_check",
                Map.of("j_username", username, "j_password", "password-" + username));
        assertEquals(302, signedIn.statusCode(), "sign-in of " + username);
        return session;
    }
}
