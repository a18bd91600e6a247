// The benchmark's measuring side, run by bench/run.sh as its own process with Java's single-file launcher:
//   java -cp "target/bench/<db>/lib/main/*:target/bench/<db>/app/*" bench/BenchClient.java MODE ...
// It never runs inside the server: latencies come from this process over the loopback (throughput from wrk,
// see run.sh), and the SQL and parse-only baselines run here with the same JDBC driver and the same parsing code
// as the build under test.
// Every mode prints result lines "metric<TAB>run<TAB>value" that run.sh appends to target/bench/results.tsv.

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

public class BenchClient {

    static final PrintStream OUT = System.out;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "parse" -> parse(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
            case "latency" -> latency(args);
            case "sql" -> sql(args);
            case "report" -> Report.write(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    // ---- parse-only baseline -----------------------------------------------------------------------------------

    /**
     * Reads and parses every file of a corpus with the importer's own reader (front matter, fields, FAQ split out of
     * the markdown, SHA-256), on every core, without a database: the fastest the importer could go.
     */
    static void parse(Path root, int run, String metric) throws Exception {
        Class<?> reader = Class.forName("dev.storytracker.ingest.CorpusReader");
        Class<?> fileType = Class.forName("dev.storytracker.ingest.FileType");
        var read = reader.getMethod("read", Path.class, Path.class, fileType);
        var ofFolder = fileType.getMethod("ofFolder", String.class);
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> paths = Files.walk(root, 2)) {
            files = paths.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        AtomicLong stories = new AtomicLong();
        files.parallelStream().forEach(file -> {
            try {
                String folder = root.relativize(file).getName(0).toString();
                Object type = ((java.util.Optional<?>) ofFolder.invoke(null, folder)).orElseThrow();
                read.invoke(null, root, file, type);
                if (folder.equals("status-quo") || folder.equals("shiny-future")) {
                    stories.incrementAndGet();
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot parse " + file + ": " + e.getCause(), e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        OUT.printf("%s\t%d\t%.1f%n", metric, run, stories.get() / seconds);
    }

    // ---- HTTP latency ------------------------------------------------------------------------------------------

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** latency BASE USER PASSWORD WARMUP REQUESTS RUNS name=path... : sequential GETs, p50 and p99 of each run. */
    /** Time for the warm-up and for each run of one endpoint, past which it stops at MIN_SAMPLES or more. */
    static final long BUDGET_NANOS = Duration.ofSeconds(30).toNanos();
    static final int MIN_SAMPLES = 5;

    static void latency(String[] args) throws Exception {
        String base = args[1];
        int warmup = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);
        int runs = Integer.parseInt(args[6]);
        HttpClient client = http();
        String session = null;
        for (String spec : Arrays.copyOfRange(args, 7, args.length)) {
            String name = spec.substring(0, spec.indexOf('='));
            String path = spec.substring(spec.indexOf('=') + 1);
            boolean signedIn = name.startsWith("dashboard");
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
            if (signedIn) {
                if (session == null) {
                    session = signIn(client, base, args[2], args[3]);
                }
                builder.header("Cookie", session);
            }
            HttpRequest request = builder.build();
            long warmUntil = System.nanoTime() + BUDGET_NANOS;
            for (int i = 0; i < warmup && (i == 0 || System.nanoTime() < warmUntil); i++) {
                get(client, request);
            }
            for (int run = 1; run <= runs; run++) {
                // At most `requests`, and no more than the budget allows once MIN_SAMPLES are in: an endpoint that
                // takes seconds gets fewer samples (its p99 is then their maximum) rather than an hour.
                long[] times = new long[requests];
                int taken = 0;
                long until = System.nanoTime() + BUDGET_NANOS;
                while (taken < requests && (taken < MIN_SAMPLES || System.nanoTime() < until)) {
                    long start = System.nanoTime();
                    get(client, request);
                    times[taken++] = System.nanoTime() - start;
                }
                times = Arrays.copyOf(times, taken);
                Arrays.sort(times);
                if (taken < requests) {
                    System.err.printf("%s: %d of %d requests in run %d (time budget)%n", name, taken, requests, run);
                }
                OUT.printf("query.%s.p50\t%d\t%.2f%n", name, run, percentile(times, 50) / 1e6);
                OUT.printf("query.%s.p99\t%d\t%.2f%n", name, run, percentile(times, 99) / 1e6);
            }
        }
    }

    /**
     * Signs in through the sign-in form, as a person does, and returns the session cookie for the next requests.
     * (HTTP Basic would check the bcrypt hash on every request: tens of milliseconds that a browser pays once.)
     */
    static String signIn(HttpClient client, String base, String user, String password)
            throws IOException, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tracker-session=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("sign-in as " + user + " answered "
                        + response.statusCode() + " without a session cookie"));
    }

    /** Reads the whole answer (a streamed CSV included) and fails on anything but 200. */
    static long get(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = body.read(buffer)) > 0;) {
                bytes += n;
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return bytes;
    }

    static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    // ---- SQL baselines -----------------------------------------------------------------------------------------

    static final String CLOSURE = "with recursive closure(ancestor_id, descendant_id, depth) as ("
            + "select id, id, 0 from roadmap_item union all select c.ancestor_id, i.id, c.depth + 1"
            + " from closure c join roadmap_item i on i.parent_id = c.descendant_id where c.depth < 3) ";

    /** One hand-written query per planner answer: what the endpoint shows on its first page, in one round trip. */
    static Map<String, String> baselines(String goal, String theme, String character) {
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("rollup", CLOSURE + ", reached(story_id) as (select distinct l.story_id from closure t"
                + " join story_link l on l.item_id = t.descendant_id join roadmap_item g on g.id = t.ancestor_id"
                + " where g.slug = '" + goal + "') select s.slug, s.kind, s.title, s.summary, c.slug, s.state,"
                + " count(*) over () from reached r join story s on s.id = r.story_id"
                + " left join story_character c on c.id = s.character_id where s.state = 'accepted'"
                + " order by s.created_at desc, s.id desc fetch first 20 rows only");
        sql.put("gaps", CLOSURE + ", un(list, a, b, c, total) as (select 'story' as list, s.slug as a, s.title as b,"
                + " cast(null as varchar(200)) as c, count(*) over () as total from story s where s.state = 'accepted'"
                + " and not exists (select 1 from story_link l where l.story_id = s.id)"
                + " order by s.created_at desc, s.id desc fetch first 20 rows only),"
                + " grounding(item_id, grounded) as (select t.ancestor_id, max(case when exists (select 1 from story_link l"
                + " join story s on s.id = l.story_id where l.item_id = t.descendant_id and s.state = 'accepted')"
                + " then 1 else 0 end) from closure t group by t.ancestor_id),"
                + " ug(list, a, b, c, total) as (select 'item' as list, i.slug as a, i.title as b, p.slug as c,"
                + " count(*) over () as total from grounding g join roadmap_item i on i.id = g.item_id"
                + " left join roadmap_item p on p.id = i.parent_id where g.grounded = 0"
                + " order by i.slug fetch first 20 rows only),"
                + " th(list, a, b, c, total) as (select 'cell' as list, c.slug as a, t.slug as b, cast(coalesce(n.stories, 0) as"
                + " varchar(20)) as c, count(*) over () as total from story_character c cross join theme t left join"
                + " (select s.character_id, st.theme_id, count(*) as stories from story s join story_theme st"
                + " on st.story_id = s.id where s.state = 'accepted' group by s.character_id, st.theme_id) n"
                + " on n.character_id = c.id and n.theme_id = t.id where coalesce(n.stories, 0) < 2"
                + " order by coalesce(n.stories, 0), c.slug, t.slug fetch first 20 rows only)"
                + " select * from un union all select * from ug union all select * from th");
        sql.put("trace-csv", "select i.slug, i.title, i.level, s.slug, s.title, s.kind, s.state, c.slug,"
                + " l.relation, l.note from story_link l join roadmap_item i on i.id = l.item_id"
                + " join story s on s.id = l.story_id left join story_character c on c.id = s.character_id"
                + " where s.state = 'accepted' order by i.slug, s.slug");
        sql.put("stories", "select s.slug, s.kind, s.title, s.summary, c.slug, s.state, s.created_at,"
                + " count(*) over () from story s join story_character c on c.id = s.character_id"
                + " where s.state = 'accepted' and c.slug = '" + character + "' and exists (select 1 from story_theme st"
                + " join theme t on t.id = st.theme_id where st.story_id = s.id and t.slug = '" + theme + "')"
                + " order by s.created_at desc, s.id desc fetch first 20 rows only");
        sql.put("dashboard", "select 'cell', s.kind, c.slug, t.slug, count(*) from story s join story_character c"
                + " on c.id = s.character_id join story_theme st on st.story_id = s.id join theme t on t.id = st.theme_id"
                + " where s.state = 'accepted' group by s.kind, c.slug, t.slug"
                + " union all select 'state', s.state, null, null, count(*) from story s group by s.state");
        return sql;
    }

    /** sql JDBC-URL USER PASSWORD WARMUP REQUESTS RUNS GOAL THEME CHARACTER [NAMES]: NAMES, a regex, picks baselines. */
    static void sql(String[] args) throws SQLException {
        int warmup = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);
        int runs = Integer.parseInt(args[6]);
        // The server's own connection settings (application.properties): on PostgreSQL, no JIT compilation.
        java.util.Properties settings = new java.util.Properties();
        settings.setProperty("user", args[2]);
        settings.setProperty("password", args[3]);
        settings.setProperty("options", "-c jit=off");
        try (Connection connection = DriverManager.getConnection(args[1], settings)) {
            for (Map.Entry<String, String> query : baselines(args[7], args[8], args[9]).entrySet()) {
                if (args.length > 10 && !query.getKey().matches(args[10])) {
                    continue;
                }
                try (PreparedStatement statement = connection.prepareStatement(query.getValue())) {
                    statement.setFetchSize(1000);
                    // The same time budget as the endpoints; a statement past two minutes is reported, not waited for.
                    statement.setQueryTimeout(120);
                    long warmUntil = System.nanoTime() + BUDGET_NANOS;
                    for (int i = 0; i < warmup && (i == 0 || System.nanoTime() < warmUntil); i++) {
                        drain(statement);
                    }
                    for (int run = 1; run <= runs; run++) {
                        long[] times = new long[requests];
                        int taken = 0;
                        long until = System.nanoTime() + BUDGET_NANOS;
                        while (taken < requests && (taken < MIN_SAMPLES || System.nanoTime() < until)) {
                            long start = System.nanoTime();
                            drain(statement);
                            times[taken++] = System.nanoTime() - start;
                        }
                        times = Arrays.copyOf(times, taken);
                        Arrays.sort(times);
                        OUT.printf("sql.%s.p50\t%d\t%.2f%n", query.getKey(), run, percentile(times, 50) / 1e6);
                        OUT.printf("sql.%s.p99\t%d\t%.2f%n", query.getKey(), run, percentile(times, 99) / 1e6);
                    }
                } catch (java.sql.SQLTimeoutException e) {
                    System.err.printf("sql.%s: one execution took over 120 s; no baseline%n", query.getKey());
                }
            }
        }
    }

    /** Runs the query and reads every column of every row, as the endpoint must. */
    static long drain(PreparedStatement statement) throws SQLException {
        long cells = 0;
        try (ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    cells += rows.getObject(i) == null ? 0 : 1;
                }
            }
        }
        return cells;
    }

    // ---- The report --------------------------------------------------------------------------------------------

    /** Turns results.tsv ("db metric run value" lines plus "meta key value" lines) into report.json and report.md. */
    static final class Report {

        record Figure(double median, double min, double max, int runs) {
        }

        /**
         * A target the issue sets: the figure below {@code below} or at least {@code atLeast}, its ratio to the
         * baseline at most {@code ratioAtMost} or at least {@code ratioAtLeast} (NaN: no such bound).
         */
        record Target(String text, double below, double atLeast, double ratioAtMost, double ratioAtLeast) {
            static final double NONE = Double.NaN;

            /**
             * Whether the median (and its ratio, NaN when the baseline has no figure) meets every bound. A ratio bound
             * without a baseline figure is not held against the median: on H2 the roll-up's one-query baseline runs
             * past the statement limit, which no endpoint is slower than.
             */
            boolean met(double median, double ratio) {
                return (Double.isNaN(below) || median < below) && (Double.isNaN(atLeast) || median >= atLeast)
                        && (Double.isNaN(ratioAtMost) || Double.isNaN(ratio) || ratio <= ratioAtMost)
                        && (Double.isNaN(ratioAtLeast) || Double.isNaN(ratio) || ratio >= ratioAtLeast);
            }

            boolean boundsRatio() {
                return !Double.isNaN(ratioAtMost) || !Double.isNaN(ratioAtLeast);
            }
        }

        /** A figure, its baseline, and the target the issue sets (null when none). */
        record Pair(String label, String metric, String baseline, String unit, Target target) {
        }

        static final Target PLANNER = new Target("< 50 ms, ratio <= 2", 50, Target.NONE, 2, Target.NONE);

        static final List<Pair> PAIRS = List.of(
                new Pair("Roadmap goal stories, rollup, p50", "query.rollup.p50", "sql.rollup.p50", "ms", null),
                new Pair("Roadmap goal stories, rollup, p99", "query.rollup.p99", "sql.rollup.p99", "ms", PLANNER),
                new Pair("Gaps, p50", "query.gaps.p50", "sql.gaps.p50", "ms", null),
                new Pair("Gaps, p99", "query.gaps.p99", "sql.gaps.p99", "ms", PLANNER),
                new Pair("Trace CSV, p50", "query.trace-csv.p50", "sql.trace-csv.p50", "ms", null),
                new Pair("Trace CSV, p99", "query.trace-csv.p99", "sql.trace-csv.p99", "ms", PLANNER),
                new Pair("Stories by theme and character, p50", "query.stories.p50", "sql.stories.p50", "ms", null),
                new Pair("Stories by theme and character, p99", "query.stories.p99", "sql.stories.p99", "ms", PLANNER),
                new Pair("Dashboard page, p50", "query.dashboard.p50", "sql.dashboard.p50", "ms", null),
                new Pair("Dashboard page, p99", "query.dashboard.p99", "sql.dashboard.p99", "ms",
                        new Target("< 150 ms", 150, Target.NONE, Target.NONE, Target.NONE)),
                new Pair("GET /api/stories/{slug}", "http.story-json.rps", "http.ping.rps", "req/s",
                        new Target("ratio >= 0.5", Target.NONE, Target.NONE, Target.NONE, 0.5)),
                new Pair("GET /stories/{slug}", "http.story-page.rps", "http.ping.rps", "req/s", null),
                new Pair("GET /api/ping", "http.ping.rps", null, "req/s", null),
                new Pair("Ready (launch to /q/health/ready)", "startup.ready.ms", null, "ms",
                        new Target("< 5,000 ms", 5_000, Target.NONE, Target.NONE, Target.NONE)),
                new Pair("Resident memory after start-up", "memory.rss-start.mb", null, "MB",
                        new Target("< 300 MB", 300, Target.NONE, Target.NONE, Target.NONE)),
                new Pair("Resident memory after the throughput run", "memory.rss-after-load.mb", null, "MB", null));

        /** The headings and row labels of the profile figures ("profile.GROUP.PART"). */
        static final Map<String, String> PROFILE_LABELS = Map.ofEntries(
                Map.entry("startup", "Start-up, from the timestamps of the server's log (ms)"),
                Map.entry("startup.jvm", "launch to the first log line: JVM, class loading, static initialisation"),
                Map.entry("startup.migrations", "database migrations"),
                Map.entry("startup.hibernate-and-admin", "Hibernate's start and the first admin (bcrypt hash)"),
                Map.entry("startup.import", "importing the bundled corpus"),
                Map.entry("startup.http-and-ready", "HTTP server start and the first ready answer"),
                Map.entry("memory", "Memory after start-up, the JVM's native memory tracking, one start (MB committed)"),
                Map.entry("import.total", "the whole import"),
                Map.entry("import.reading", "the writer waiting for files to be read and parsed"),
                Map.entry("import.writing", "writing the batches (one thread, one connection)"),
                Map.entry("import.writer-cpu", "(of that, the writing thread's own processor time)"),
                Map.entry("import.counting", "waiting for the counts (the recount or the rebuild at the end)"),
                Map.entry("import.statistics", "refreshing the tables' statistics"));

        static void write(Path results, Path out) throws IOException {
            Map<String, Map<String, List<Double>>> values = new TreeMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            for (String line : Files.readAllLines(results)) {
                String[] f = line.split("\t");
                if (f[0].equals("meta")) {
                    meta.merge(f[1], f[2], (a, b) -> a + "; " + b);
                } else if (f.length == 4) {
                    // Insertion order, so that the profile's parts keep the order run.sh measured them in.
                    values.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                            .computeIfAbsent(f[1], k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
                }
            }
            StringBuilder json = new StringBuilder("{\n  \"machine\": {");
            meta.forEach((k, v) -> json.append("\n    \"").append(k).append("\": \"").append(v.replace("\"", "'"))
                    .append("\","));
            json.setLength(json.length() - 1);
            json.append("\n  },\n  \"databases\": {");
            StringBuilder md = new StringBuilder("# Benchmark report\n\n");
            meta.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
            if (!meta.getOrDefault("size", "full").startsWith("full")) {
                md.append("\nThe targets are set for the full size (100,000 stories, 1,000 items, 500,000 links): at"
                        + " this size the \"met\" column only compares against them, it does not judge.\n");
            }
            for (var db : values.entrySet()) {
                json.append("\n    \"").append(db.getKey()).append("\": {");
                md.append("\n## ").append(db.getKey()).append("\n\n| figure | median | min | max | runs | baseline"
                        + " (median) | ratio | target | met |\n|---|---:|---:|---:|---:|---:|---:|---|---|\n");
                Map<String, Figure> figures = new LinkedHashMap<>();
                db.getValue().forEach((metric, list) -> {
                    double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    Figure figure = new Figure(sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1],
                            sorted.length);
                    figures.put(metric, figure);
                    json.append(String.format("\n      \"%s\": {\"median\": %.2f, \"min\": %.2f, \"max\": %.2f,"
                            + " \"runs\": %d},", metric, figure.median(), figure.min(), figure.max(), figure.runs()));
                });
                json.setLength(json.length() - 1);
                json.append("\n    },");
                boolean postgresql = db.getKey().equals("postgresql");
                List<Pair> pairs = new ArrayList<>();
                for (String metric : new TreeMap<>(figures).keySet()) {
                    if (metric.startsWith("import.") && metric.endsWith(".rate")) {
                        String n = metric.split("\\.")[1];
                        // The 1,000 stories/s holds on PostgreSQL; the quarter of the parse-only rate on both.
                        Target target = postgresql
                                ? new Target(">= 1,000/s, ratio >= 0.25", Target.NONE, 1_000, Target.NONE, 0.25)
                                : new Target("ratio >= 0.25", Target.NONE, Target.NONE, Target.NONE, 0.25);
                        pairs.add(new Pair(String.format("Import %,d stories", Long.parseLong(n)), metric,
                                "parse." + n + ".rate", "stories/s", target));
                    }
                }
                pairs.addAll(PAIRS);
                List<String> missed = new ArrayList<>();
                for (Pair pair : pairs) {
                    Figure figure = figures.get(pair.metric());
                    if (figure == null) {
                        continue;
                    }
                    Figure baseline = pair.baseline() == null ? null : figures.get(pair.baseline());
                    double ratio = baseline == null ? Double.NaN : figure.median() / baseline.median();
                    String shown = baseline == null ? ""
                            : pair.unit().equals("ms") ? String.format("%.2fx", ratio) : String.format("%.2f", ratio);
                    String met = "";
                    if (pair.target() != null) {
                        boolean ok = pair.target().met(figure.median(), ratio);
                        met = ok ? "yes" : "**no**";
                        if (ok && Double.isNaN(ratio) && pair.target().boundsRatio()) {
                            met = "yes (the baseline has no figure)";
                        }
                        if (!ok) {
                            missed.add(pair.label());
                        }
                    }
                    md.append(String.format("| %s | %s %s | %s | %s | %d | %s | %s | %s | %s |%n", pair.label(),
                            number(figure.median()), pair.unit(), number(figure.min()), number(figure.max()),
                            figure.runs(), baseline == null ? "" : number(baseline.median()) + " " + pair.unit(),
                            shown, pair.target() == null ? "" : pair.target().text(), met));
                }
                md.append(missed.isEmpty() ? "\nEvery target met.\n"
                        : "\nMissed: " + String.join("; ", missed) + ". The profiles below show where that time and"
                                + " memory go; docs/benchmarks.md says what limits each.\n");
                profiles(figures, md);
            }
            json.setLength(json.length() - 1);
            json.append("\n  }\n}\n");
            md.append("\nRatios: for latencies, the endpoint's time over its one-query SQL baseline (lower is better);"
                    + " for rates, the figure over its baseline (higher is better). See docs/benchmarks.md.\n");
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.json"), json);
            Files.writeString(out.resolve("report.md"), md);
        }

        /** One table per group of "profile.GROUP.PART" figures, each part with its share of the group's first. */
        static void profiles(Map<String, Figure> figures, StringBuilder md) {
            Map<String, Map<String, Figure>> groups = new LinkedHashMap<>();
            figures.forEach((metric, figure) -> {
                String[] parts = metric.split("\\.", 3);
                if (parts[0].equals("profile") && parts.length == 3) {
                    groups.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], figure);
                }
            });
            if (groups.isEmpty()) {
                return;
            }
            md.append("\n### Where the time and memory go\n");
            groups.forEach((group, parts) -> {
                boolean imports = group.startsWith("import-");
                String heading = imports
                        ? String.format("Import of %,d stories, the importer's own account (ms)",
                                Long.parseLong(group.substring("import-".length())))
                        : PROFILE_LABELS.getOrDefault(group, group);
                // The import's first part is its whole; start-up's parts add up to the launch-to-ready time.
                double whole = imports ? parts.values().iterator().next().median()
                        : parts.values().stream().mapToDouble(Figure::median).sum();
                md.append("\n").append(heading).append(":\n\n| part | median | min | max | runs | share |\n"
                        + "|---|---:|---:|---:|---:|---:|\n");
                parts.forEach((part, figure) -> {
                    String label = PROFILE_LABELS.getOrDefault((imports ? "import" : group) + "." + part, part);
                    md.append(String.format("| %s | %s | %s | %s | %d | %s |%n", label, number(figure.median()),
                            number(figure.min()), number(figure.max()), figure.runs(),
                            group.equals("memory") ? "" : String.format("%.0f%%", 100 * figure.median() / whole)));
                });
            });
        }

        static String number(double value) {
            return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
        }
    }
}
