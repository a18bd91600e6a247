package dev.storytracker;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which database the build talks to ({@code quarkus.datasource.db-kind} is fixed at build time), for the few queries
 * written differently for H2's planner and PostgreSQL's.
 */
public final class Database {

    /** True for H2, the embedded default; false for PostgreSQL. */
    public static final boolean H2 = "h2".equals(
            ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.db-kind", String.class).orElse("h2"));

    private Database() {
    }
}
