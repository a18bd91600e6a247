package dev.storytracker.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of {@link SignInThrottle}, on a clock the test moves. */
class SignInThrottleTest {

    static final String HOME = "192.0.2.1";
    static final String ELSEWHERE = "198.51.100.7";

    SignInThrottle throttle;
    TestClock clock;

    @BeforeEach
    void setUp() {
        throttle = new SignInThrottle();
        clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        throttle.clock = clock;
    }

    private void fail(int times, String username, String client) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, client);
        }
    }

    @Test
    void the_first_failures_are_free() {
        fail(SignInThrottle.FREE_FAILURES - 1, "alice", HOME);
        assertEquals(Duration.ZERO, throttle.waitFor("alice", HOME));
    }

    @Test
    void the_fifth_failure_holds_the_user_back_for_two_seconds() {
        fail(5, "alice", HOME);
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("alice", HOME));
        clock.advance(Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(500), throttle.waitFor("alice", HOME));
        clock.advance(Duration.ofMillis(500));
        assertEquals(Duration.ZERO, throttle.waitFor("alice", HOME), "the wait is over once the delay has passed");
    }

    @Test
    void each_further_failure_doubles_the_delay() {
        fail(5, "alice", HOME);
        throttle.failed("alice", HOME);
        assertEquals(Duration.ofSeconds(4), throttle.waitFor("alice", HOME));
        throttle.failed("alice", HOME);
        assertEquals(Duration.ofSeconds(8), throttle.waitFor("alice", HOME));
        throttle.failed("alice", HOME);
        assertEquals(Duration.ofSeconds(16), throttle.waitFor("alice", HOME));
    }

    @Test
    void the_delay_stops_growing_at_fifteen_minutes() {
        fail(13, "alice", HOME);
        assertEquals(Duration.ofSeconds(512), throttle.waitFor("alice", HOME));
        throttle.failed("alice", HOME);
        assertEquals(Duration.ofMinutes(15), throttle.waitFor("alice", HOME), "1024 s would pass the cap");
        fail(100, "alice", HOME);
        assertEquals(Duration.ofMinutes(15), throttle.waitFor("alice", HOME));
    }

    @Test
    void failures_for_one_user_name_hold_it_back_from_every_client_but_not_other_users() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "203.0.113." + i);
        }
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("alice", ELSEWHERE));
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("ALICE", ELSEWHERE),
                "user names are counted ignoring case");
        assertEquals(Duration.ZERO, throttle.waitFor("bob", ELSEWHERE));
    }

    @Test
    void failures_from_one_client_hold_it_back_for_every_user_name_but_not_other_clients() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, HOME);
        }
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("somebody-new", HOME));
        assertEquals(Duration.ZERO, throttle.waitFor("somebody-new", ELSEWHERE));
    }

    @Test
    void a_success_clears_the_user_and_the_client() {
        fail(4, "alice", HOME);
        throttle.succeeded("alice", HOME);
        fail(4, "alice", HOME);
        assertEquals(Duration.ZERO, throttle.waitFor("alice", HOME), "the count started again from zero");
        throttle.failed("alice", HOME);
        throttle.succeeded("alice", HOME);
        assertEquals(Duration.ZERO, throttle.waitFor("alice", HOME), "a success lifts a running delay too");
    }

    @Test
    void failures_are_forgotten_after_an_hour_without_one() {
        fail(4, "alice", HOME);
        clock.advance(Duration.ofHours(1));
        throttle.failed("alice", HOME);
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("alice", HOME), "within the hour they still count");

        throttle.reset();
        fail(4, "alice", HOME);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        throttle.failed("alice", HOME);
        assertEquals(Duration.ZERO, throttle.waitFor("alice", HOME), "past the hour this is the first failure again");
        fail(3, "alice", HOME);
        assertEquals(Duration.ZERO, throttle.waitFor("alice", HOME));
        throttle.failed("alice", HOME);
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("alice", HOME));
    }

    @Test
    void reset_forgets_everything() {
        fail(10, "alice", HOME);
        throttle.reset();
        assertEquals(Duration.ZERO, throttle.waitFor("alice", HOME));
    }
}
