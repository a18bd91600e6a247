package dev.storytracker.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.storytracker.ingest.Outcome;

/**
 * A seeded generator of front-matter corpora full of broken files, mixed with valid ones. Each file carries what the
 * importer must do with it (created, rejected with a reason matching a pattern, skipped, or ignored because it is not
 * markdown) and, for a valid story, the fields the database must hold. The same seed gives the same files.
 */
final class FuzzCorpus {

    /** One generated file; {@code expected} null means the importer must not report it (not a .md file). */
    record FuzzFile(String path, byte[] bytes, String category, Outcome expected, String reason, FuzzStory story,
            String linkTarget) {

        boolean valid() {
            return expected == Outcome.CREATED;
        }
    }

    final FuzzCatalog catalog = new FuzzCatalog();
    final List<FuzzFile> files = new ArrayList<>();
    private final Random random;
    private final List<String> createdStatusQuo = new ArrayList<>();
    private final List<String> createdShiny = new ArrayList<>();
    private final List<String> rejectedStatusQuo = new ArrayList<>();
    private int next;

    private FuzzCorpus(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A corpus of {@code rounds} passes over every category in a shuffled order, plus one of each large file (a 1 MB
     * title, a 10 MB body, 10,000 themes) and of each odd file name.
     */
    static FuzzCorpus generate(long seed, int rounds) {
        FuzzCorpus corpus = new FuzzCorpus(seed);
        corpus.catalog.files()
                .forEach((path, text) -> corpus.add(path, text, "valid catalogue", Outcome.CREATED, null));
        FuzzCategories categories = new FuzzCategories(corpus);
        for (int round = 0; round < rounds; round++) {
            List<Map.Entry<String, Consumer<FuzzCorpus>>> order = new ArrayList<>(categories.all().entrySet());
            Collections.shuffle(order, corpus.random);
            order.forEach(category -> category.getValue().accept(corpus));
        }
        categories.huge();
        categories.oddFiles();
        return corpus;
    }

    Random random() {
        return random;
    }

    /** A fresh slug; files sort in the order they were made, which is the order the importer writes them. */
    String slug() {
        return String.format("f%05d", next++);
    }

    FuzzStory story(boolean shiny) {
        FuzzStory story = FuzzStory.random(slug(), shiny, random, catalog);
        if (shiny && !createdStatusQuo.isEmpty() && random.nextBoolean()) {
            story.retells.add(createdStatusQuo.get(random.nextInt(createdStatusQuo.size())));
        }
        return story;
    }

    List<String> createdStatusQuo() {
        return createdStatusQuo;
    }

    List<String> createdShiny() {
        return createdShiny;
    }

    List<String> rejectedStatusQuo() {
        return rejectedStatusQuo;
    }

    void valid(FuzzStory story, String category, byte[] bytes) {
        files.add(new FuzzFile(story.path(), bytes, category, Outcome.CREATED, null, story, null));
        (story.shiny ? createdShiny : createdStatusQuo).add(story.slug);
    }

    void valid(FuzzStory story, String category) {
        valid(story, category, story.render().getBytes(StandardCharsets.UTF_8));
    }

    void rejected(FuzzStory story, String category, String reason, byte[] bytes) {
        files.add(new FuzzFile(story.path(), bytes, category, Outcome.REJECTED, reason, null, null));
        if (!story.shiny) {
            rejectedStatusQuo.add(story.slug);
        }
    }

    void rejected(FuzzStory story, String category, String reason, String text) {
        rejected(story, category, reason, text.getBytes(StandardCharsets.UTF_8));
    }

    void add(String path, String text, String category, Outcome expected, String reason) {
        add(path, text.getBytes(StandardCharsets.UTF_8), category, expected, reason);
    }

    void add(String path, byte[] bytes, String category, Outcome expected, String reason) {
        files.add(new FuzzFile(path, bytes, category, expected, reason, null, null));
    }

    void symlink(String path, String target, String category) {
        files.add(new FuzzFile(path, new byte[0], category, Outcome.SKIPPED, "symbolic link", null, target));
    }

    void writeTo(Path root) {
        try {
            for (FuzzFile file : files) {
                Path target = root.resolve(file.path());
                Files.createDirectories(target.getParent());
                if (file.linkTarget() != null) {
                    Files.createSymbolicLink(target, target.getParent().relativize(root.resolve(file.linkTarget())));
                } else {
                    Files.write(target, file.bytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files per category, valid ones under names starting with "valid". */
    Map<String, Integer> countByCategory() {
        Map<String, Integer> counts = new TreeMap<>();
        files.forEach(f -> counts.merge(f.category(), 1, Integer::sum));
        return counts;
    }

    long count(boolean valid) {
        return files.stream().filter(f -> f.valid() == valid).count();
    }
}
