package dev.storytracker.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storytracker.TrackerConfig;

/**
 * Counts submissions per client in fixed windows and refuses those past the configured number. Kept in memory, per
 * instance (see docs/operations.md): with N instances a client may submit up to N times the limit.
 */
@ApplicationScoped
public class RateLimiter {

    /** Past this many tracked clients, expired windows are swept before adding another. */
    private static final int SWEEP_AT = 10_000;

    @Inject
    TrackerConfig config;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start) {
            this.start = start;
        }
    }

    /** Counts one submission for {@code client}; throws {@link TooManyRequests} past the limit. */
    public void acquire(String client) {
        int limit = config.submissions().perWindow();
        Duration length = config.submissions().window();
        Instant now = Instant.now();
        if (windows.size() > SWEEP_AT) {
            sweep(now, length);
        }
        Window window = windows.compute(client, (key, current) -> {
            Window w = current == null || !now.isBefore(current.start.plus(length)) ? new Window(now) : current;
            w.count++;
            return w;
        });
        if (window.count > limit) {
            long seconds = Math.max(1, Duration.between(now, window.start.plus(length)).toSeconds() + 1);
            throw new TooManyRequests(seconds);
        }
    }

    private void sweep(Instant now, Duration length) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
            if (!now.isBefore(it.next().start.plus(length))) {
                it.remove();
            }
        }
    }

    /** A client went past the limit; answered 429 with Retry-After. */
    public static class TooManyRequests extends RuntimeException {

        private final long retryAfterSeconds;

        public TooManyRequests(long retryAfterSeconds) {
            super("Too many submissions from this address; try again in " + retryAfterSeconds + " seconds.", null,
                    false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
