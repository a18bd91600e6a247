package dev.storytracker.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.storytracker.Database;

/**
 * On PostgreSQL, where several instances share the database: tells the others when this one committed a change
 * ({@code NOTIFY}), and hears theirs ({@code LISTEN}), so that none keeps serving what another changed. Each uses a
 * connection of its own, outside the pool: the pool may close or hand out its connections at any time, and a broken
 * one returned to it would fail a request. While the listening connection is down, {@link Changes} keeps nothing; it
 * is opened again with a growing pause. PostgreSQL delivers a notification only once its transaction has committed.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /** The channel every instance listens on; the payload is the id of the instance that changed something. */
    public static final String CHANNEL = "tracker_changes";

    /** How long one wait for notifications lasts, and how often the connection is checked with a statement. */
    private static final int WAIT_MILLIS = 1_000;

    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** How long the connection may take to answer before it counts as lost. */
    private static final int NETWORK_TIMEOUT_MILLIS = 10_000;

    private static final long LONGEST_PAUSE_MILLIS = 30_000;

    private final String instance = UUID.randomUUID().toString();

    private final AtomicBoolean toAnnounce = new AtomicBoolean();

    private volatile boolean running;

    private volatile Connection listening;

    private ExecutorService sender;

    /** The sender's connection, opened when first needed and again after a failure; used by the sender only. */
    private Connection sending;

    @Inject
    Config config;

    @Inject
    Changes changes;

    void onStart(@Observes StartupEvent event) {
        if (Database.H2) {
            return;
        }
        running = true;
        sender = Executors.newSingleThreadExecutor(task -> daemon(task, "change-feed-notify"));
        changes.onLocalChange(this::announce);
        daemon(this::listen, "change-feed-listen").start();
    }

    /**
     * Sends what is still to announce (an {@code import} command ends right after its last commit) and closes the
     * sender's connection, waiting a few seconds at most.
     */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (sender != null) {
            sender.execute(() -> {
                if (toAnnounce.get()) {
                    sendOnce();
                }
                close(sending);
            });
            sender.shutdown();
            sender.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Sends one notification for every run of local changes that comes while none is being sent. */
    private void announce() {
        if (running && toAnnounce.compareAndSet(false, true)) {
            try {
                sender.execute(this::send);
            } catch (RejectedExecutionException e) {
                LOG.debug("Stopping: onStop's last task sends what is left, unless it already ran");
            }
        }
    }

    private void send() {
        long pause = 100;
        while (!sendOnce() && running) {
            pause = pause(pause);
        }
    }

    private boolean sendOnce() {
        toAnnounce.set(false); // changes from here on need a notification after this one
        try {
            if (sending == null) {
                sending = connect();
            }
            try (PreparedStatement notify = sending.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, instance);
                notify.execute();
            }
            return true;
        } catch (SQLException e) {
            close(sending);
            sending = null;
            toAnnounce.set(true);
            LOG.warnf("Could not tell other instances of a change (will try again): %s", e.getMessage());
            return false;
        }
    }

    private void listen() {
        long pause = 100;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection feed = connection.unwrap(PGConnection.class);
                listening = connection;
                changes.hearing(true);
                LOG.debug("Listening for other instances' changes");
                pause = 100;
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] heard = feed.getNotifications(WAIT_MILLIS);
                    if (heard != null) {
                        for (PGNotification notification : heard) {
                            if (!instance.equals(notification.getParameter())) {
                                changes.changedElsewhere();
                                break;
                            }
                        }
                    }
                    if (System.nanoTime() - checked > CHECK_NANOS) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1"); // a connection lost without a word fails here
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                changes.hearing(false);
                if (running) {
                    LOG.warnf("Lost the connection that hears other instances' changes; stories are read from the"
                            + " database until it is back (next try in %d ms): %s", pause, e.getMessage());
                    pause = pause(pause);
                }
            } finally {
                listening = null;
            }
        }
        changes.hearing(false);
    }

    /** A connection of the feed's own, with the datasource's URL, credentials and JDBC properties. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        String prefix = "quarkus.datasource.jdbc.additional-jdbc-properties.";
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.setProperty(name.substring(prefix.length()), value));
            }
        }
        config.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(user -> properties.setProperty("user", user));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> properties.setProperty("password", password));
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("quarkus.datasource.jdbc.url is not a PostgreSQL URL");
        }
        connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
        return connection;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Closing a broken connection: %s", e.getMessage());
            }
        }
    }

    /** The backend process id of the listening connection, or -1 while there is none (for tests). */
    public int listenerPid() throws SQLException {
        Connection connection = listening;
        return connection == null ? -1 : connection.unwrap(PGConnection.class).getBackendPID();
    }

    private long pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return Math.min(millis * 2, LONGEST_PAUSE_MILLIS);
    }
}
