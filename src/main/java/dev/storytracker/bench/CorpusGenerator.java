package dev.storytracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a synthetic corpus in the story format for benchmarks: the four characters, thirty themes, five projects, a
 * three-level roadmap (goals, initiatives, milestones) and as many stories as asked, with markdown bodies of 2 to 20 KB
 * and an FAQ, mixed states, {@code roadmap:} links and shiny-future stories retelling status-quo ones. Every file
 * draws from its own random stream derived from the seed and its number, so the same arguments give the same bytes
 * whatever the order the files are written in.
 */
public final class CorpusGenerator {

    static final List<String> CHARACTERS = List.of("alan", "grace", "niklaus", "barbara");
    static final List<String> THEMES = List.of("cancellation", "executors", "debugging", "performance",
            "async-traits", "streams", "error-handling", "testing", "onboarding", "documentation", "portability",
            "io", "timers", "spawning", "synchronization", "backpressure", "tracing", "logging", "lifetimes", "pinning",
            "closures", "iteration", "drop", "send-bounds", "runtime-choice", "ecosystem", "compile-times",
            "diagnostics", "shutdown", "memory");
    static final List<String> PROJECTS = List.of("driftwood", "ferrylog", "lanternfish", "pebblechat", "tollbooth");
    private static final List<String> STATES = List.of("accepted", "submitted", "in-review", "idea",
            "changes-requested", "declined", "duplicate");
    /** Out of 100: most stories are accepted, the rest spread over the triage states. */
    private static final int[] STATE_WEIGHTS = {60, 10, 8, 6, 5, 6, 5};
    private static final List<String> VERBS = List.of("untangles", "debugs", "ships", "tunes", "cancels",
            "tests", "spawns", "streams", "profiles", "reviews", "ports", "documents", "shuts-down", "retries",
            "traces", "benchmarks", "refactors", "pins", "selects", "locks");
    private static final List<String> OBJECTS = List.of("the-executor", "a-stream", "the-cache", "a-timeout",
            "the-connection-pool", "a-lock", "the-scheduler", "a-channel", "the-shutdown", "a-retry-loop",
            "the-trait-object", "a-future", "the-codec", "a-websocket", "the-runtime", "a-backtrace", "the-test-clock",
            "a-task-tree", "the-error-chain", "a-select-loop");
    private static final List<String> WORDS = List.of("the", "a", "runtime", "future", "task", "await", "poll",
            "executor", "thread", "worker", "lock", "mutex", "channel", "stream", "buffer", "socket", "request",
            "timeout", "deadline", "cancel", "drop", "spawn", "join", "select", "error", "trace", "log", "metric",
            "latency", "queue", "service", "client", "server", "crate", "trait", "bound", "lifetime", "borrow",
            "compiler", "message", "test", "clock", "backpressure", "retry", "shutdown", "signal", "handler", "batch",
            "and", "then", "but", "when", "while", "because", "so", "after", "before", "every", "each", "never",
            "always", "slowly", "quickly", "finally", "again", "writes", "reads", "waits", "blocks", "wakes",
            "returns", "panics", "hangs", "leaks", "flushes", "compiles", "fails", "works", "notices", "wonders",
            "expects", "finds", "tries", "reads", "learns", "shows", "counts", "moves", "holds", "sends");
    private static final List<String> AUTHORS = List.of("Ada Quill", "Jonas Berglund", "Mei Tanaka",
            "Oriel Banks", "Yuki Tanabe", "Samir Haddad", "Lena Vogt", "Tomás Ruiz", "Priya Raman", "Kofi Mensah");
    private static final List<String> STATUS_QUO_FAQ = List.of("What are the morals of the story?",
            "What are the sources for this story?", "Why did you choose %s to tell this story?",
            "How would this story have played out differently for the other characters?");
    private static final List<String> SHINY_FAQ = List.of("What status quo stories are you retelling?",
            "What are the key attributes of this shiny future?", "What is the most shiny about this future?",
            "What are some of the potential pitfalls about this future?",
            "Did anything surprise you when writing this story?",
            "What are some variations of this story that you considered?",
            "What are the things that need to happen to make this story possible?");

    private final Spec spec;

    /** How many of each thing to write, and the seed that decides everything else. */
    public record Spec(int stories, int items, int linksPerStory, long seed) {
    }

    public CorpusGenerator(Spec spec) {
        this.spec = spec;
    }

    /** How many goals, initiatives and milestones a roadmap of {@code items} items holds: about 1 : 9 : 40. */
    static int[] levels(int items) {
        int goals = Math.max(1, items / 50);
        int initiatives = Math.min(items - goals, Math.max(items > 1 ? 1 : 0, items * 9 / 50));
        return new int[]{goals, initiatives, items - goals - initiatives};
    }

    /** Writes the corpus under {@code out}, which must not exist or be empty; answers the number of files written. */
    public int write(Path out) throws IOException {
        if (Files.exists(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("the output folder is not empty: " + out);
                }
            }
        }
        for (String folder : List.of("characters", "themes", "projects", "roadmap", "status-quo", "shiny-future")) {
            Files.createDirectories(out.resolve(folder));
        }
        int written = 0;
        for (String c : CHARACTERS) {
            write(out.resolve("characters/" + c + ".md"), catalog(capitalised(c), 0x100 + written));
            written++;
        }
        for (String t : THEMES) {
            write(out.resolve("themes/" + t + ".md"), catalog(capitalised(t.replace('-', ' ')), 0x100 + written));
            written++;
        }
        for (String p : PROJECTS) {
            write(out.resolve("projects/" + p + ".md"), catalog(capitalised(p), 0x100 + written));
            written++;
        }
        List<String> items = itemSlugs();
        for (int i = 0; i < items.size(); i++) {
            write(out.resolve("roadmap/" + items.get(i) + ".md"), roadmapItem(i, items));
        }
        written += items.size();
        boolean[] shiny = new boolean[spec.stories()];
        List<Integer> statusQuo = new ArrayList<>();
        for (int i = 0; i < shiny.length; i++) {
            shiny[i] = random(2, i).nextInt(100) < 30;
            if (!shiny[i]) {
                statusQuo.add(i);
            }
        }
        IntStream.range(0, spec.stories()).parallel().forEach(i -> {
            try {
                write(out.resolve((shiny[i] ? "shiny-future/" : "status-quo/") + storySlug(i) + ".md"),
                        story(i, shiny[i], statusQuo, items));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return written + spec.stories();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Each file's own random stream: {@code kind} tells catalogue, roadmap and story streams apart. */
    private SplittableRandom random(int kind, int index) {
        return new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index);
    }

    private String catalog(String name, int stream) {
        SplittableRandom random = random(0, stream);
        return "---\nname: " + name + "\n---\n" + paragraph(random, 3, 6) + "\n";
    }

    List<String> itemSlugs() {
        int[] levels = levels(spec.items());
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < spec.items(); i++) {
            String prefix = i < levels[0] ? "goal" : i < levels[0] + levels[1] ? "initiative" : "milestone";
            slugs.add(String.format("%s-%04d-%s", prefix, i, THEMES.get(i % THEMES.size())));
        }
        return slugs;
    }

    /**
     * Initiatives hang under a goal drawn with a skew towards the first ones, so {@code goal-0000} heads the largest
     * subtree; milestones hang under an initiative (or a goal when there is none).
     */
    private String roadmapItem(int index, List<String> slugs) {
        int[] levels = levels(spec.items());
        SplittableRandom random = random(1, index);
        StringBuilder text = new StringBuilder("---\ntitle: ").append(capitalised(sentence(random, 3, 7)))
                .append('\n');
        if (index < levels[0]) {
            text.append("level: goal\n");
        } else if (index < levels[0] + levels[1]) {
            double u = random.nextDouble();
            text.append("level: initiative\nparent: ").append(slugs.get((int) (levels[0] * u * u))).append('\n');
        } else {
            int parent = levels[1] > 0 ? levels[0] + random.nextInt(levels[1]) : random.nextInt(levels[0]);
            text.append("level: milestone\nparent: ").append(slugs.get(parent)).append('\n');
        }
        int progress = random.nextInt(101);
        String state = progress == 100 ? "done"
                : List.of("in-progress", "help-wanted", "paused").get(random.nextInt(3));
        text.append("state: ").append(state).append("\nprogress: ").append(progress).append('\n');
        text.append("owners: [\"").append(AUTHORS.get(random.nextInt(AUTHORS.size()))).append("\"]\n");
        text.append("landing: https://example.org/roadmap/").append(slugs.get(index)).append('\n');
        return text.append("---\n").append(paragraph(random, 2, 5)).append('\n').toString();
    }

    String storySlug(int index) {
        SplittableRandom random = random(3, index);
        return CHARACTERS.get(index % CHARACTERS.size()) + "-" + VERBS.get(random.nextInt(VERBS.size())) + "-"
                + OBJECTS.get(random.nextInt(OBJECTS.size())) + String.format("-%06d", index);
    }

    private String story(int index, boolean shiny, List<Integer> statusQuo, List<String> items) {
        SplittableRandom random = random(2, index);
        random.nextInt(100); // the draw that decided the kind
        String character = CHARACTERS.get(index % CHARACTERS.size());
        StringBuilder text = new StringBuilder("---\ntitle: ").append(capitalised(character)).append(' ')
                .append(sentence(random, 3, 8)).append(' ').append(index).append('\n');
        text.append("character: ").append(character).append('\n');
        text.append("themes: ").append(pick(random, THEMES, 1 + random.nextInt(3))).append('\n');
        if (random.nextInt(2) == 0) {
            text.append("projects: ").append(pick(random, PROJECTS, 1)).append('\n');
        }
        text.append("authors: [\"").append(author(random)).append("\"]\n");
        text.append("summary: ").append(capitalised(sentence(random, 12, 30))).append(".\n");
        if (spec.linksPerStory() > 0) {
            text.append("roadmap: ").append(pick(random, items, Math.min(spec.linksPerStory(), items.size())))
                    .append('\n');
        }
        List<String> retold = new ArrayList<>();
        if (shiny && !statusQuo.isEmpty() && random.nextInt(10) < 7) {
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                String slug = storySlug(statusQuo.get(random.nextInt(statusQuo.size())));
                if (!retold.contains(slug)) {
                    retold.add(slug);
                }
            }
            text.append("retells: [").append(String.join(", ", retold)).append("]\n");
        }
        int roll = random.nextInt(100);
        int state = 0;
        while (roll >= STATE_WEIGHTS[state]) {
            roll -= STATE_WEIGHTS[state++];
        }
        text.append("state: ").append(STATES.get(state)).append("\n---\n");
        body(random, text, shiny, character, retold);
        return text.toString();
    }

    /** The story between 2 and 20 KB (skewed towards the short end), then its FAQ. */
    private static void body(SplittableRandom random, StringBuilder text, boolean shiny, String character,
            List<String> retold) {
        double u = random.nextDouble();
        int target = text.length() + 2048 + (int) (18432 * u * u);
        text.append("## The story\n\n");
        while (text.length() < target) {
            int shape = random.nextInt(10);
            if (shape == 0) {
                text.append("```rust\nasync fn ").append(word(random)).append("_").append(word(random))
                        .append("() -> Result<(), Error> {\n    let ").append(word(random))
                        .append(" = spawn(async move { work().await }).await?;\n    Ok(())\n}\n```\n\n");
            } else if (shape == 1) {
                for (int i = 0; i < 3; i++) {
                    text.append("* ").append(capitalised(sentence(random, 5, 12))).append(".\n");
                }
                text.append('\n');
            } else if (shape == 2) {
                text.append("### ").append(capitalised(sentence(random, 2, 5))).append("\n\n");
            } else {
                text.append(paragraph(random, 3, 8)).append("\n\n");
            }
        }
        text.append("## 🤔 Frequently Asked Questions\n\n");
        List<String> questions = shiny ? SHINY_FAQ : STATUS_QUO_FAQ;
        int count = shiny ? 4 + random.nextInt(4) : 4;
        for (int i = 0; i < count; i++) {
            text.append("### ").append(String.format(questions.get(i), capitalised(character))).append('\n');
            if (shiny && i == 0 && !retold.isEmpty()) {
                text.append(String.join(", ", retold)).append(".\n\n");
            } else {
                text.append(paragraph(random, 1, 4)).append("\n\n");
            }
        }
    }

    private static String pick(SplittableRandom random, List<String> from, int count) {
        List<String> chosen = new ArrayList<>(count);
        while (chosen.size() < count) {
            String next = from.get(random.nextInt(from.size()));
            if (!chosen.contains(next)) {
                chosen.add(next);
            }
        }
        return "[" + String.join(", ", chosen) + "]";
    }

    private static String author(SplittableRandom random) {
        String name = AUTHORS.get(random.nextInt(AUTHORS.size()));
        String mail = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".");
        return name + " <" + mail + "@example.org>";
    }

    private static String paragraph(SplittableRandom random, int min, int max) {
        int sentences = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append(i > 0 ? " " : "").append(capitalised(sentence(random, 6, 20))).append('.');
        }
        return text.toString();
    }

    private static String sentence(SplittableRandom random, int min, int max) {
        int words = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = word(random);
            text.append(i > 0 ? " " : "").append(i > 0 && random.nextInt(25) == 0 ? "`" + word + "`" : word);
        }
        return text.toString();
    }

    private static String word(SplittableRandom random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
