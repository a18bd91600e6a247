package dev.storytracker.ingest;

import static dev.storytracker.ingest.ImportClock.Phase.COUNTING;
import static dev.storytracker.ingest.ImportClock.Phase.READING;
import static dev.storytracker.ingest.ImportClock.Phase.STATISTICS;
import static dev.storytracker.ingest.ImportClock.Phase.WRITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The import's account of its time (the end of the line it logs, which bench/run.sh reads): each phase's wall time,
 * and the writer's own processor time apart from its waiting.
 */
class ImportClockTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern LINE = Pattern.compile("in (\\d+) ms: waiting for files (\\d+) ms, writing (\\d+) ms"
            + " \\((\\d+) ms of the writer's processor time\\), counting (\\d+) ms, statistics (\\d+) ms");

    @Test
    void the_summary_names_each_phase_and_tells_the_writers_own_work_from_its_waiting() throws Exception {
        ImportClock clock = new ImportClock();
        // Writing that computes for 40 ms of processor time, then waits for another thread for at least 60 ms of
        // wall time while using none: the writer's processor time counts the first only.
        CountDownLatch released = new CountDownLatch(1);
        long waitedAtLeast = 60;
        boolean wasReleased = clock.time(WRITING, () -> {
            burn(40);
            CompletableFuture.runAsync(() -> {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitedAtLeast);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                released.countDown();
            });
            return released.await(10, TimeUnit.SECONDS);
        });
        assertTrue(wasReleased);
        String ready = clock.time(READING, () -> CompletableFuture.supplyAsync(() -> "read").join());
        assertEquals("read", ready);
        clock.time(COUNTING, () -> burn(5));

        Matcher line = LINE.matcher(clock.summary());
        assertTrue(line.matches(), clock.summary());
        long total = Long.parseLong(line.group(1));
        long writing = Long.parseLong(line.group(3));
        long writerCpu = Long.parseLong(line.group(4));
        assertTrue(writing >= 40 + waitedAtLeast, clock.summary());
        assertTrue(writerCpu >= 39 && writerCpu < writing, clock.summary());
        assertTrue(Long.parseLong(line.group(5)) >= 4, clock.summary());
        assertEquals(0, Long.parseLong(line.group(6)), "no statistics were refreshed");
        long phases = Long.parseLong(line.group(2)) + writing + Long.parseLong(line.group(5));
        assertTrue(total >= phases, clock.summary());
    }

    @Test
    void a_phase_that_fails_still_counts_and_its_exception_reaches_the_caller() {
        ImportClock clock = new ImportClock();
        IOException thrown = assertThrows(IOException.class, () -> clock.time(STATISTICS, () -> {
            burn(20);
            throw new IOException("the folder went away");
        }));
        assertEquals("the folder went away", thrown.getMessage());
        assertTrue(clock.millis(STATISTICS) >= 19, clock.summary());
    }

    /** Keeps this thread's processor busy until it has used at least {@code millis} of processor time. */
    private static void burn(long millis) {
        long until = THREADS.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (THREADS.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }
}
