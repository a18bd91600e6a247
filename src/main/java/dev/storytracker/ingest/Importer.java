package dev.storytracker.ingest;

import static dev.storytracker.ingest.ImportClock.Phase.COUNTING;
import static dev.storytracker.ingest.ImportClock.Phase.READING;
import static dev.storytracker.ingest.ImportClock.Phase.STATISTICS;
import static dev.storytracker.ingest.ImportClock.Phase.WRITING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storytracker.Database;
import dev.storytracker.TrackerConfig;
import dev.storytracker.ingest.ImportReport.FileResult;
import dev.storytracker.ingest.mdbook.BookReader;
import dev.storytracker.roadmap.StoryReach;

/**
 * Imports a corpus folder: reads and validates every file, then writes each valid one in its own transaction, in an
 * order where references always point to things already written. A dry run does the same work in one transaction that
 * is rolled back.
 */
@ApplicationScoped
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class);
    /** A folder holding more files than this is refused, so a wrong path cannot start an endless walk. */
    static final int MAX_FILES = 500_000;
    /** How deep the walk looks for misplaced markdown files to report as skipped. */
    static final int MAX_DEPTH = 12;
    /** Files written per transaction; a failing batch is written again file by file. */
    static final int BATCH = 100;

    @Inject
    TrackerConfig config;

    @Inject
    CorpusWriter writer;

    @Inject
    EntityManager em;

    @Inject
    TransactionManager transactions;

    @Inject
    TableStatistics statistics;

    @Inject
    StoryReach reach;

    /** A file found in the folder and what it is, or why it is not imported. */
    private record Found(Path file, String path, FileType type, String skipReason) {
    }

    private record Parsed(CorpusFile file, FileResult problem, int order, List<String> notes) {
    }

    /** Imports a folder in the format it looks like (see {@link ImportFormat#AUTO}). */
    public ImportReport importFolder(Path root, boolean dryRun) throws IOException {
        return importFolder(root, ImportFormat.AUTO, dryRun);
    }

    public ImportReport importFolder(Path root, ImportFormat format, boolean dryRun) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a folder: " + root);
        }
        ImportClock clock = new ImportClock();
        if (!dryRun) {
            clock.time(COUNTING, reach::drain); // what an earlier import that stopped half-way left waiting
        }
        ImportFormat actual = format.resolve(root);
        Intake intake = new Intake();
        List<FileResult> written;
        if (actual == ImportFormat.FRONTMATTER && !dryRun) {
            written = importStreaming(root, intake, clock);
        } else {
            List<Parsed> parsed = intake.take(clock.time(READING, () -> actual == ImportFormat.MDBOOK
                    ? BookReader.read(root, knownCharacters())
                    : readFiles(root, scan(root))));
            parsed.sort(IN_ORDER);
            written = dryRun ? clock.time(WRITING, () -> writeDry(parsed)) : writeEach(parsed, clock);
        }
        List<FileResult> results = new ArrayList<>(intake.skipped);
        results.addAll(written);
        ImportReport report = new ImportReport(List.copyOf(results), dryRun);
        if (!dryRun) {
            clock.time(COUNTING, reach::drain);
            clock.time(STATISTICS, () -> statistics
                    .afterImport((int) report.files().stream().filter(f -> f.outcome().wrote()).count()));
        }
        LOG.infof("%s (from %s, %s, %s)", report.summary(), root, actual.word(), clock.summary());
        return report;
    }

    /** The order files are written in: {@link #rank}, then the order they were read in. */
    private static final Comparator<Parsed> IN_ORDER = Comparator.comparingInt(Importer::rank)
            .thenComparingInt(Parsed::order);

    /**
     * Turns read files into files to write, in the order they come: skipped files are set aside for the report, and a
     * story whose slug an earlier file already took is rejected. Numbers each file, so that sorting by rank keeps the
     * reading order within a rank.
     */
    private static final class Intake {
        final List<FileResult> skipped = new ArrayList<>();
        private final Map<String, String> storySlugs = new HashMap<>();
        private int order;

        List<Parsed> take(List<ReadFile> read) {
            List<Parsed> parsed = new ArrayList<>(read.size());
            for (ReadFile file : read) {
                if (file.decided() != null && file.decided().outcome() == Outcome.SKIPPED) {
                    skipped.add(file.decided().withNotes(file.notes()));
                    continue;
                }
                if (file.decided() != null) {
                    parsed.add(new Parsed(null, file.decided(), order++, file.notes()));
                    continue;
                }
                CorpusFile corpusFile = file.file();
                String earlier = corpusFile.type().isStory()
                        ? storySlugs.putIfAbsent(corpusFile.slug(), corpusFile.path())
                        : null;
                if (earlier != null) {
                    parsed.add(new Parsed(null, new FileResult(corpusFile.path(), Outcome.REJECTED,
                            "the slug '" + corpusFile.slug() + "' is already used by " + earlier, 0), order++,
                            file.notes()));
                } else {
                    parsed.add(new Parsed(corpusFile, null, order++, file.notes()));
                }
            }
            return parsed;
        }
    }

    /**
     * A front-matter folder, written while it is still being read: the catalogue and roadmap files (a few thousand at
     * most) are read and written first, in rank order; then the stories of each kind in chunks of {@link #CHUNK},
     * the next chunk read on the other cores while this one is written. A story that heads nothing goes straight to
     * the writer; chapters and duplicates wait for the end of their kind, so the files are written in exactly the
     * order {@link #IN_ORDER} gives the whole folder. Only a chunk or two is held in memory, not the whole corpus
     * (about 1.2 GB of text at 100,000 stories), and reading overlaps writing (see docs/benchmarks.md).
     */
    private List<FileResult> importStreaming(Path root, Intake intake, ImportClock clock) throws IOException {
        List<Found> found = clock.time(READING, () -> scan(root));
        List<Found> first = found.stream().filter(f -> f.type() == null || !f.type().isStory()).toList();
        Writer writer = new Writer(found.size() - first.size(), clock);
        List<Parsed> head = intake.take(clock.time(READING, () -> readFiles(root, first)));
        head.sort(IN_ORDER);
        head.forEach(writer::add);
        for (FileType kind : FileType.values()) {
            if (!kind.isStory()) {
                continue;
            }
            List<Found> stories = found.stream().filter(f -> f.type() == kind).toList();
            List<Parsed> later = new ArrayList<>();
            CompletableFuture<List<ReadFile>> next = readAhead(root, stories, 0);
            for (int from = 0; from < stories.size(); from += CHUNK) {
                List<ReadFile> chunk = clock.time(READING, next::join);
                next = readAhead(root, stories, from + CHUNK);
                for (Parsed parsed : intake.take(chunk)) {
                    if (parsed.file() != null && rank(parsed) != base(kind)) {
                        later.add(parsed);
                    } else {
                        writer.add(parsed);
                    }
                }
            }
            later.sort(IN_ORDER);
            later.forEach(writer::add);
        }
        return writer.finish();
    }

    /** Files read per step of a streaming import. */
    static final int CHUNK = 1_000;

    private static CompletableFuture<List<ReadFile>> readAhead(Path root, List<Found> files, int from) {
        if (from >= files.size()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Found> chunk = files.subList(from, Math.min(files.size(), from + CHUNK));
        return CompletableFuture.supplyAsync(() -> readFiles(root, chunk));
    }

    /** Slug to display name of the characters already in the database, so a book may refer to them too. */
    private Map<String, String> knownCharacters() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> names = new HashMap<>();
            em.createQuery("select c.slug, c.name from StoryCharacter c", Object[].class).getResultList()
                    .forEach(row -> names.put((String) row[0], (String) row[1]));
            return names;
        });
    }

    /** Reads and parses the files on every core; the list keeps the given order. */
    private static List<ReadFile> readFiles(Path root, List<Found> files) {
        return files.parallelStream().map(found -> {
            if (found.type() == null) {
                return ReadFile.skipped(found.path(), found.skipReason());
            }
            try {
                return ReadFile.parsed(CorpusReader.read(root, found.file(), found.type()), List.of());
            } catch (FileProblem problem) {
                return ReadFile.rejected(found.path(), problem, List.of());
            } catch (RuntimeException | StackOverflowError e) {
                // One file the reader did not foresee must not stop the others from being imported.
                LOG.warnf(e, "reading %s failed", found.path());
                return ReadFile.rejected(found.path(),
                        new FileProblem("the file cannot be read (an unexpected error; see the server log)", 0),
                        List.of());
            }
        }).toList();
    }

    /** The rank of a type's files that wait for nothing else of their type (goals; stories that head nothing). */
    private static int base(FileType type) {
        return type.ordinal() * 10;
    }

    /** Catalogue first, the roadmap from goals down, then status-quo and shiny-future stories, series before chapters. */
    private static int rank(Parsed parsed) {
        if (parsed.file() == null) {
            return -1;
        }
        CorpusFile file = parsed.file();
        int base = base(file.type());
        if (file instanceof CorpusFile.Roadmap roadmap) {
            return base + roadmap.level().ordinal();
        }
        // Chapters come after the stories that head their series, duplicates after the stories they repeat.
        if (file instanceof CorpusFile.Story story) {
            return base + (story.series().isPresent() ? 1 : 0) + (story.duplicateOf().isPresent() ? 2 : 0);
        }
        return base;
    }

    /**
     * Writes the files in batches of {@link #BATCH}, one transaction per batch, which is what makes a large import fast.
     * When any file of a batch fails, the whole batch is rolled back and written again file by file, each in its own
     * transaction: a bad file never takes good ones with it, and no file is ever half-written.
     */
    private List<FileResult> writeEach(List<Parsed> parsed, ImportClock clock) {
        Writer writer = new Writer((int) parsed.stream()
                .filter(p -> p.file() != null && p.file().type().isStory()).count(), clock);
        parsed.forEach(writer::add);
        return writer.finish();
    }

    /**
     * Takes files in write order and writes them in batches of {@link #BATCH}; the report lists the files refused
     * before writing (in order) ahead of the written ones, as they came. Between batches it lets PostgreSQL refresh
     * its statistics as the tables grow ({@link TableStatistics#duringImport}).
     */
    private final class Writer {
        private final SlugIndex index = QuarkusTransaction.requiringNew().call(() -> SlugIndex.load(em));
        private final List<FileResult> refused = new ArrayList<>();
        private final List<FileResult> results = new ArrayList<>();
        private final List<Parsed> batch = new ArrayList<>();
        private int written;
        /** Files between two recounts ({@code tracker.imports.recount-every}). */
        private final int recountEvery = config.imports().recountEvery();
        /** The recount running beside the writing; null: none. */
        private CompletableFuture<Void> recounting;
        /**
         * A large import into a small tracker (PostgreSQL): at least {@value StoryReach#REBUILD_FROM} story files and as
         * many as the stories already there. Its recount waits for the end, where {@link StoryReach#drain} counts every
         * story from scratch in a fraction of the time recounting the new ones as they come would take.
         */
        private final boolean bulk;
        private final ImportClock clock;

        Writer(int stories, ImportClock clock) {
            this.clock = clock;
            bulk = !Database.H2 && stories >= StoryReach.REBUILD_FROM && stories >= QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) em.createNativeQuery("select count(*) from story").getSingleResult())
                            .longValue());
        }

        void add(Parsed item) {
            if (item.problem() != null) {
                refused.add(item.problem().withNotes(item.notes()));
                return;
            }
            batch.add(item);
            if (batch.size() == BATCH) {
                write();
            }
        }

        List<FileResult> finish() {
            write();
            awaitRecount();
            List<FileResult> all = new ArrayList<>(refused);
            all.addAll(results);
            return all;
        }

        private void write() {
            if (batch.isEmpty()) {
                return;
            }
            int before = written;
            for (FileResult result : clock.time(WRITING, () -> writeBatch(batch, index))) {
                results.add(result);
                written += result.outcome().wrote() ? 1 : 0;
            }
            batch.clear();
            if (!bulk && written / recountEvery > before / recountEvery) {
                recountBeside();
            }
            clock.time(STATISTICS, () -> statistics.duringImport(before, written));
        }

        /**
         * Recounts what the import wrote so far ({@link StoryReach#drain}) on a thread of its own while the next files
         * are written: the recount is half of the database's work, and PostgreSQL runs the two connections' statements
         * on both cores (one after the other, a 100,000-story import kept one core idle). The previous recount is
         * waited for first, so the counts lag behind by at most two rounds of {@code tracker.imports.recount-every}
         * files. The two seldom touch the same rows: the recount only sees stories written and committed before it.
         */
        private void recountBeside() {
            awaitRecount();
            recounting = CompletableFuture.runAsync(reach::drain, task -> {
                Thread thread = new Thread(task, "import-recount");
                thread.setDaemon(true);
                thread.start();
            });
        }

        private void awaitRecount() {
            if (recounting == null) {
                return;
            }
            try {
                clock.time(COUNTING, recounting::join);
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            } finally {
                recounting = null;
            }
        }
    }

    private List<FileResult> writeBatch(List<Parsed> batch, SlugIndex index) {
        if (batch.size() > 1) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    // The batch's stories go to the database together at commit, so that Hibernate sends each
                    // table's rows as one JDBC batch instead of a dozen statements per story; the writer finds the
                    // stories written earlier in the batch in `pending`, since queries no longer flush them.
                    em.unwrap(Session.class).setHibernateFlushMode(FlushMode.COMMIT);
                    CorpusWriter.Pending pending = new CorpusWriter.Pending();
                    writer.prefetch(batch.stream().map(Parsed::file).toList(), pending);
                    List<FileResult> written = new ArrayList<>(batch.size());
                    for (Parsed item : batch) {
                        written.add(writeOne(item.file(), index, pending).withNotes(item.notes()));
                    }
                    writer.finish(pending);
                    // All written: the commit need not check the batch's entities for changes once more (a tenth of
                    // the import's time in Hibernate's dirty checks).
                    em.clear();
                    return written;
                });
            } catch (RuntimeException e) {
                LOG.debugf(e, "a batch of %d files failed; writing them one by one", batch.size());
                // The index may name things the rollback took away.
                index.replaceWith(QuarkusTransaction.requiringNew().call(() -> SlugIndex.load(em)));
            }
        }
        List<FileResult> results = new ArrayList<>(batch.size());
        for (Parsed item : batch) {
            results.add(writeAlone(item.file(), index).withNotes(item.notes()));
        }
        return results;
    }

    private FileResult writeAlone(CorpusFile file, SlugIndex index) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> writeOne(file, index));
        } catch (Refused refused) {
            return refused.result;
        } catch (RuntimeException e) {
            LOG.debugf(e, "writing %s failed", file.path());
            index.replaceWith(QuarkusTransaction.requiringNew().call(() -> SlugIndex.load(em)));
            return new FileResult(file.path(), Outcome.REJECTED, databaseReason(e), 0);
        }
    }

    private List<FileResult> writeDry(List<Parsed> parsed) {
        List<FileResult> results = new ArrayList<>();
        begin();
        try {
            SlugIndex index = SlugIndex.load(em);
            String stopped = null;
            for (Parsed item : parsed) {
                FileResult result;
                if (item.problem() != null) {
                    result = item.problem();
                } else if (stopped != null) {
                    result = new FileResult(item.file().path(), Outcome.REJECTED,
                            "not checked: the dry run stopped at a database error on " + stopped, 0);
                } else {
                    try {
                        result = writeOne(item.file(), index);
                    } catch (Refused refused) {
                        result = refused.result;
                    } catch (RuntimeException e) {
                        result = new FileResult(item.file().path(), Outcome.REJECTED, databaseReason(e), 0);
                        stopped = item.file().path();
                    }
                    em.clear();
                }
                results.add(result.withNotes(item.notes()));
            }
        } finally {
            // A dry run writes like a real one, then throws it all away.
            rollback();
        }
        return results;
    }

    private void begin() {
        try {
            transactions.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("cannot start the dry run's transaction", e);
        }
    }

    private void rollback() {
        try {
            transactions.rollback();
        } catch (SystemException e) {
            throw new IllegalStateException("cannot roll back the dry run", e);
        }
    }

    /** Carries a refusal out of the file's transaction so that the transaction rolls back. */
    private static final class Refused extends RuntimeException {
        final transient FileResult result;

        Refused(FileResult result) {
            super(result.reason(), null, false, false);
            this.result = result;
        }
    }

    private FileResult writeOne(CorpusFile file, SlugIndex index) {
        return writeOne(file, index, null);
    }

    private FileResult writeOne(CorpusFile file, SlugIndex index, CorpusWriter.Pending pending) {
        try {
            return new FileResult(file.path(), writer.write(file, index, pending), null, 0);
        } catch (FileProblem problem) {
            throw new Refused(new FileResult(file.path(), Outcome.REJECTED, problem.getMessage(), problem.line()));
        }
    }

    /** A short reason without class names or SQL, e.g. when a concurrent import wrote the same slug first. */
    private static String databaseReason(RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return "the database refused it (a concurrent change to the same item); import it again";
            }
            cause = cause.getCause();
        }
        return "the database refused it; see the server log";
    }

    private static List<Found> scan(Path root) throws IOException {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root, MAX_DEPTH)) {
            // Links are listed but not followed, so a corpus cannot pull in files from elsewhere.
            List<Path> files = paths
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .filter(p -> !isHidden(root.relativize(p)))
                    .sorted()
                    .limit(MAX_FILES + 1L)
                    .toList();
            if (files.size() > MAX_FILES) {
                throw new IOException("the folder holds more than " + MAX_FILES + " files");
            }
            for (Path file : files) {
                Path relative = root.relativize(file);
                String path = relative.toString().replace('\\', '/');
                if (!path.endsWith(".md")) {
                    continue;
                }
                if (Files.isSymbolicLink(file)) {
                    found.add(new Found(file, path, null, "a symbolic link; links are not followed"));
                    continue;
                }
                FileType type = relative.getNameCount() == 2
                        ? FileType.ofFolder(relative.getName(0).toString()).orElse(null)
                        : null;
                found.add(new Found(file, path, type, type == null ? "not in a corpus folder ("
                        + String.join(", ", Stream.of(FileType.values()).map(FileType::folder).toList())
                        + ", each file directly inside its folder)" : null));
            }
        }
        // Status-quo stories claim their slugs before shiny-future ones, whatever the folder names sort as.
        found.sort(Comparator.comparingInt((Found f) -> f.type() == null ? -1 : f.type().ordinal())
                .thenComparing(Found::path));
        return found;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
