package dev.storytracker.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows down password guessing: after a few failed sign-ins for one user name, or from one client address, further
 * attempts are refused for a while that doubles with each failure (capped). A success clears the user's and the
 * client's count. Kept in memory per instance (see docs/operations.md).
 */
@ApplicationScoped
public class SignInThrottle {

    /** Failures allowed before attempts start being refused. */
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** A key with no failure for this long starts afresh. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int SWEEP_AT = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** The clock the delays are measured on; tests move it instead of waiting. */
    Clock clock = Clock.systemUTC();

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil = Instant.EPOCH;
    }

    /** How long the user or the client must still wait, or zero when an attempt may go ahead now. */
    public Duration waitFor(String username, String client) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), now);
        Duration address = remaining(clientKey(client), now);
        return user.compareTo(address) >= 0 ? user : address;
    }

    public void failed(String username, String client) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_AT) {
            sweep(now);
        }
        record(userKey(username), now);
        record(clientKey(client), now);
    }

    /** Forgets every failure: for an operator after an incident, and for tests. */
    public void reset() {
        failures.clear();
    }

    public void succeeded(String username, String client) {
        failures.remove(userKey(username));
        failures.remove(clientKey(client));
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || !now.isBefore(f.lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil);
    }

    private void record(String key, Instant now) {
        failures.compute(key, (k, f) -> {
            Failures current = f == null || f.last.plus(FORGET_AFTER).isBefore(now) ? new Failures() : f;
            current.count++;
            current.last = now;
            if (current.count >= FREE_FAILURES) {
                int doublings = Math.min(current.count - FREE_FAILURES, 20);
                Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
                current.lockedUntil = now.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
            }
            return current;
        });
    }

    private void sweep(Instant now) {
        for (Iterator<Failures> it = failures.values().iterator(); it.hasNext();) {
            Failures f = it.next();
            if (f.last.plus(FORGET_AFTER).isBefore(now) && !now.isBefore(f.lockedUntil)) {
                it.remove();
            }
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + (client == null ? "unknown" : client);
    }
}
