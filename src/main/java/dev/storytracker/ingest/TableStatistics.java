package dev.storytracker.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.storytracker.Database;

/**
 * Refreshes the database's table statistics after a bulk import, so that the very next query is planned for the
 * tables as they now are. Without it PostgreSQL plans a freshly imported 100,000 stories as if the tables were nearly
 * empty until autovacuum gets round to them, or never where autovacuum is off: the gaps query took 22 s instead of
 * 1.5 s at that size (docs/benchmarks.md). On PostgreSQL it is {@code VACUUM (ANALYZE)}, which also marks the new
 * pages all-visible so that counts can be answered from indexes alone; on H2, {@code ANALYZE}.
 */
@ApplicationScoped
public class TableStatistics {

    /** Imports that change fewer files than this leave statistics to the database's own upkeep. */
    static final int MIN_CHANGED_FILES = 1_000;

    /** The tables an import writes to, in the order they are refreshed. */
    static final String TABLES = "story_character, theme, project, story, story_text, story_theme, story_project,"
            + " story_author, story_faq, story_link, story_retell, story_flag, triage_event, roadmap_item,"
            + " roadmap_owner, roadmap_event, story_recount, story_tally_key, catalog_tally, item_reach, item_tally";

    private static final Logger LOG = Logger.getLogger(TableStatistics.class);

    @Inject
    DataSource dataSource;

    /** Refreshes the statistics if an import changed at least {@link #MIN_CHANGED_FILES} files. */
    public void afterImport(int changedFiles) {
        if (changedFiles >= MIN_CHANGED_FILES) {
            run(Database.H2 ? "analyze" : "vacuum (analyze) " + TABLES, changedFiles);
        }
    }

    /**
     * Called between batches with the files written so far: on PostgreSQL, analyzes the tables each time that count
     * reaches 1,000, 2,000, 4,000 and so on. Until then PostgreSQL plans the import's own look-ups (which of a batch's
     * slugs exist) from no statistics, as scans of the whole story table: 120 ms a batch at 100,000 stories instead of
     * 1 ms. H2 analyzes on its own as tables grow.
     */
    public void duringImport(int writtenBefore, int writtenNow) {
        if (!Database.H2 && crossesMark(writtenBefore, writtenNow)) {
            run("analyze " + TABLES, writtenNow);
        }
    }

    /** Whether going from {@code before} to {@code now} written files passes 1,000, 2,000, 4,000, ... */
    static boolean crossesMark(int before, int now) {
        long mark = MIN_CHANGED_FILES;
        while (mark <= before) {
            mark *= 2;
        }
        return now >= mark;
    }

    private void run(String sql, int changedFiles) {
        long start = System.nanoTime();
        // VACUUM cannot run inside a transaction, so this takes a connection of its own, in auto-commit.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
            LOG.debugf("%s after %d changed files: %d ms", sql.split(" ", 2)[0], changedFiles,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            // The files have landed; stale statistics only make queries slower until the database refreshes them.
            LOG.warnf("could not refresh table statistics during or after an import: %s", e.getMessage());
        }
    }
}
