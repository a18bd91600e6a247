package dev.storytracker.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The first start creates the configured admin with a bcrypt hash, and its credentials work on the API. */
@QuarkusTest
class AdminBootstrapTest {

    @Test
    void the_bootstrap_admin_exists_with_a_bcrypt_hash_of_the_configured_password() {
        User admin = QuarkusTransaction.requiringNew().call(() -> User.findByUsername("admin").orElseThrow());
        assertEquals("admin", admin.roles);
        assertTrue(admin.passwordHash.startsWith("$2"), "bcrypt in modular crypt format");
        assertNotEquals("admin-test-password", admin.passwordHash);
        assertTrue(BcryptUtil.matches("admin-test-password", admin.passwordHash));
    }

    @Test
    void the_admin_signs_in_to_the_api_with_basic_auth_and_a_wrong_password_is_refused() {
        given().auth().preemptive().basic("admin", "admin-test-password").get("/api/stories?state=submitted").then()
                .statusCode(200);
        given().auth().preemptive().basic("admin", "wrong").get("/api/stories?state=submitted").then().statusCode(401);
    }

    @Test
    void generated_passwords_are_long_and_random() {
        String a = AdminBootstrap.randomPassword();
        String b = AdminBootstrap.randomPassword();
        assertEquals(20, a.length());
        assertNotEquals(a, b);
    }
}
