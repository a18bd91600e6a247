package dev.storytracker.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Launches the packaged tracker ({@code target/quarkus-app/quarkus-run.jar}) as its own process against the database
 * of the build: a fresh H2 file in the test's folder, or the PostgreSQL database given in {@code test-db.url} (emptied
 * by the first launch). The crash tests kill these processes with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux).
 */
final class CrashProcess {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Path work;
    private final String h2Url;
    private final boolean shippedUrl;
    private boolean firstLaunch = true;

    /**
     * @param work the folder the process runs in; with H2 its database lives in {@code work/data}
     * @param h2Options appended to the H2 URL, e.g. ";AUTO_SERVER=TRUE" so that the test can read while it runs; null
     *        to run with the URL of application.properties as shipped ({@code ./data/tracker} in {@code work})
     */
    CrashProcess(Path work, String h2Options) {
        this.work = work;
        this.shippedUrl = h2Options == null;
        this.h2Url = "jdbc:h2:file:" + work.resolve("data").resolve("tracker").toAbsolutePath()
                + (h2Options == null ? "" : h2Options);
    }

    static boolean onPostgres() {
        String url = System.getProperty("test-db.url");
        return url != null && !url.isBlank();
    }

    String url() {
        return onPostgres() ? System.getProperty("test-db.url") : h2Url;
    }

    Connection connect() throws SQLException {
        return onPostgres()
                ? DriverManager.getConnection(url(), System.getProperty("test-db.username", "postgres"),
                        System.getProperty("test-db.password", ""))
                : DriverManager.getConnection(url(), "tracker", "");
    }

    /**
     * A connection for watching a running process: on H2 it never creates the database. Opening the file before the
     * process does would make this JVM the database's host (AUTO_SERVER), and closing it again would pull the
     * database from under the process (an import killed that way before it wrote a story was seen in CI).
     */
    Connection peek() throws SQLException {
        return onPostgres() ? connect() : DriverManager.getConnection(url() + ";IFEXISTS=TRUE", "tracker", "");
    }

    /** Starts the jar with the given arguments and extra system properties; output goes to {@code work/name.log}. */
    Process start(String name, Map<String, String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (onPostgres() || !shippedUrl) {
            command.add("-Dquarkus.datasource.jdbc.url=" + url());
        }
        if (onPostgres()) {
            command.add("-Dquarkus.datasource.username=" + System.getProperty("test-db.username", "postgres"));
            if (firstLaunch) {
                command.add("-Dquarkus.flyway.clean-disabled=false");
                command.add("-Dquarkus.flyway.clean-at-start=true");
            }
        }
        firstLaunch = false;
        command.add("-Dtracker.admin.password=crash-test-password");
        command.add("-Dtracker.import-on-start=false");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    /** The next launch empties the PostgreSQL database again (H2 callers use a new folder instead). */
    void cleanNextLaunch() {
        firstLaunch = true;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
