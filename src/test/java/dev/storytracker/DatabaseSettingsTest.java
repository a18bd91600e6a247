package dev.storytracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The settings the tracker gives its PostgreSQL connections (application.properties). */
@QuarkusTest
class DatabaseSettingsTest {

    @Inject
    EntityManager em;

    private String setting(String name) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select current_setting('" + name + "')").getSingleResult());
    }

    @Test
    void postgresql_connections_do_not_jit_compile_queries() {
        Assumptions.assumeFalse(Database.H2, "a PostgreSQL setting");
        // Compiling cost more than running the planner queries (the gaps: 420 of 750 ms).
        assertEquals("off", setting("jit"));
    }
}
