package dev.storytracker.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where one import's time went, for the line the importer logs at its end: how long the writer waited for files to be
 * read, wrote them (and how much of that was its own processor time, the rest being the database's answers on
 * PostgreSQL), waited for counting and refreshed statistics. The benchmark reads these figures to say what limits the
 * import rate (docs/benchmarks.md). Used by the one thread that writes.
 */
final class ImportClock {

    /** The phases of an import, in the order the log line names them. */
    enum Phase {
        READING("waiting for files"),
        WRITING("writing"),
        COUNTING("counting"),
        STATISTICS("statistics");

        final String words;

        Phase(String words) {
            this.words = words;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long started = System.nanoTime();
    private final long[] spent = new long[Phase.values().length];
    /** The writing thread's processor time while writing, or -1 when the JVM cannot tell. */
    private long writingCpu = THREADS.isCurrentThreadCpuTimeSupported() ? 0 : -1;

    /** Work timed by the clock, which may throw what its caller declares. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    void time(Phase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    <T, E extends Exception> T time(Phase phase, Work<T, E> work) throws E {
        long cpu = phase == Phase.WRITING && writingCpu >= 0 ? THREADS.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            spent[phase.ordinal()] += System.nanoTime() - start;
            if (phase == Phase.WRITING && writingCpu >= 0) {
                writingCpu += THREADS.getCurrentThreadCpuTime() - cpu;
            }
        }
    }

    long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    long millis(Phase phase) {
        return spent[phase.ordinal()] / 1_000_000;
    }

    /** "in 9480 ms: waiting for files 120 ms, writing 7900 ms (5100 ms of the writer's processor time), ..." */
    String summary() {
        StringBuilder line = new StringBuilder("in ").append(elapsedMillis()).append(" ms:");
        for (Phase phase : Phase.values()) {
            line.append(phase.ordinal() == 0 ? " " : ", ").append(phase.words).append(' ').append(millis(phase))
                    .append(" ms");
            if (phase == Phase.WRITING && writingCpu >= 0) {
                line.append(" (").append(writingCpu / 1_000_000).append(" ms of the writer's processor time)");
            }
        }
        return line.toString();
    }
}
