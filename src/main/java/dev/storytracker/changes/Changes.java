package dev.storytracker.changes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.storytracker.Database;

/**
 * Whether what this instance read from the database may still be kept: a generation number that grows after every
 * transaction that wrote, here ({@link WriteWatch} sees each write statement) or, on PostgreSQL, in another instance
 * ({@link ChangeFeed} hears it). Something read while the generation was {@code g} may be served again as long as
 * the generation is still {@code g}.
 * <p>
 * The number grows only once the writing transaction has ended, and a reader takes it before it reads; so a read that
 * ran before a commit is kept under the number from before it, which the commit then retires, and a read that took
 * the new number ran after the commit and saw it.
 */
@ApplicationScoped
public class Changes {

    /** The key, in the transaction's resources, of the mark that it wrote. */
    private static final Object WROTE = Changes.class.getName() + ".wrote";

    private final AtomicLong generation = new AtomicLong();

    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();

    private final List<Runnable> onLocalChange = new CopyOnWriteArrayList<>();

    /**
     * Whether this instance hears every change: always with H2, which no other process can open; with PostgreSQL
     * only while {@link ChangeFeed} listens (other instances write there too).
     */
    private volatile boolean hearing = Database.H2;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * The generation to keep a read under, or -1 when nothing read now may be kept: this instance may be missing
     * other instances' changes, or the current transaction wrote something not committed yet.
     */
    public long generation() {
        if (!hearing) {
            return -1;
        }
        long now = generation.get();
        if (transactions.getTransactionKey() != null && transactions.getResource(WROTE) != null) {
            return -1;
        }
        return now;
    }

    /** Whether something kept under {@code generation} is still what the database holds. */
    public boolean current(long generation) {
        return generation >= 0 && hearing && this.generation.get() == generation;
    }

    /** Runs {@code action} after every change, wherever it was made. */
    public void onChange(Runnable action) {
        onChange.add(action);
    }

    /** Runs {@code action} after every change this instance made. */
    void onLocalChange(Runnable action) {
        onLocalChange.add(action);
    }

    /**
     * A write statement is about to run: the generation grows once its transaction has ended. {@link WriteWatch} calls
     * this for Hibernate's statements; code writing with plain JDBC calls it itself.
     */
    public void written() {
        if (transactions.getTransactionKey() == null) {
            // Hibernate refuses writes outside a transaction, so this is a statement of its own that commits as it
            // runs; there is no end to wait for.
            changed(true);
            return;
        }
        if (transactions.getResource(WROTE) != null) {
            return;
        }
        transactions.putResource(WROTE, Boolean.TRUE);
        // Also while the transaction is flushing at its commit: JTA runs synchronizations registered then, too.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                changed(true); // a rolled-back one too: cheaper than being sure it wrote nothing that counts
            }
        });
    }

    /** Another instance committed a change. */
    void changedElsewhere() {
        changed(false);
    }

    /**
     * Whether every change is heard from now on. While it is not, nothing is kept; when it is again, what was kept
     * before is retired, since changes may have been missed in between.
     */
    void hearing(boolean hearing) {
        if (hearing) {
            changed(false);
        }
        this.hearing = hearing;
        if (!hearing) {
            changed(false);
        }
    }

    private void changed(boolean local) {
        generation.incrementAndGet();
        onChange.forEach(Runnable::run);
        if (local) {
            onLocalChange.forEach(Runnable::run);
        }
    }
}
