package dev.storytracker.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a running import stops to let PostgreSQL re-analyze its tables: at 1,000 files written, then each doubling. */
class TableStatisticsTest {

    @Test
    void the_first_mark_is_a_thousand_files() {
        assertFalse(TableStatistics.crossesMark(0, 999));
        assertTrue(TableStatistics.crossesMark(900, 1_000));
        assertTrue(TableStatistics.crossesMark(0, 1_500));
    }

    @Test
    void after_that_only_each_doubling_counts() {
        assertFalse(TableStatistics.crossesMark(1_000, 1_100));
        assertFalse(TableStatistics.crossesMark(1_100, 1_999));
        assertTrue(TableStatistics.crossesMark(1_999, 2_000));
        assertFalse(TableStatistics.crossesMark(2_000, 3_999));
        assertTrue(TableStatistics.crossesMark(3_950, 4_050));
        assertTrue(TableStatistics.crossesMark(63_950, 64_050));
        assertFalse(TableStatistics.crossesMark(64_050, 100_000));
    }
}
