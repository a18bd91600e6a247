#!/usr/bin/env bash
# The tracker's benchmark: builds the jar for H2 and for PostgreSQL, generates corpora, and measures import,
# planner queries, HTTP throughput, start-up and memory on both databases, each figure against its baseline.
# Writes target/bench/report.json and target/bench/report.md. See docs/benchmarks.md.
#
#   bench/run.sh [--size full|medium|small] [--db both|h2|postgresql] [--no-build]
#
# --size small (or BENCH_SIZE=small) is the smoke run CI does: 1,000 stories, one run of each figure;
# --size medium imports 5,000 stories (500 items, 25,000 links), three runs, for a busy machine.
# --no-build measures target/quarkus-app as it is (it must be an H2 build unless --db postgresql).
# Needs a JDK 17+, curl and wrk (apt-get install wrk); PostgreSQL on 127.0.0.1:5432 (user postgres, trust) for the PostgreSQL part:
# it creates throw-away databases named bench_<pid>_<n> and drops them at the end.
# Load generators, each its own process: wrk (32 kept-alive connections on two threads) for throughput;
# bench/BenchClient.java (java.net.http, sequential requests) for latency, plus the SQL and parse-only baselines.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

size=${BENCH_SIZE:-full}
dbs=both
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --size) size=$2; shift 2 ;;
        --db) dbs=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        *) echo "usage: bench/run.sh [--size full|medium|small] [--db both|h2|postgresql] [--no-build]" >&2; exit 64 ;;
    esac
done
[ "$dbs" = both ] && dbs="h2 postgresql"

# Every tool the run needs, checked before the first build: a missing wrk once ended a full run after its H2
# imports and queries, 15 minutes in.
for tool in java curl wrk $([[ " $dbs " == *" postgresql "* ]] && echo psql); do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench/run.sh needs $tool (apt-get install -y wrk curl postgresql-client)" >&2; exit 69; }
done

if [ "$size" = small ]; then
    import_sizes="1000"; items=100; runs=1; requests=20; warmup=5; csv_requests=3; seconds=2
elif [ "$size" = medium ]; then
    import_sizes="5000"; items=500; runs=3; requests=30; warmup=5; csv_requests=5; seconds=5
else
    import_sizes="10000 100000"; items=1000; runs=3; requests=100; warmup=20; csv_requests=10; seconds=10
fi
links=5
connections=32
goal=goal-0000-cancellation
theme=debugging
character=grace
password=bench-admin-password
export TRACKER_ADMIN_PASSWORD=$password

out=$root/target/bench
work=$(mktemp -d "${BENCH_TMP:-/tmp}/storytracker-bench.XXXXXX")
results=$out/results.tsv
mkdir -p "$out"
: >"$results"
pg_dbs=()
server_pid=

cleanup() {
    # `|| true`: the killed server's exit status (143) would otherwise end the trap under `set -e` before the
    # databases below are dropped (a failed run once left its PostgreSQL databases behind).
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; fi
    for db in "${pg_dbs[@]}"; do
        psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" >/dev/null 2>&1 || true
    done
    [ -z "${BENCH_KEEP:-}" ] && rm -rf "$work"
}
trap cleanup EXIT

log() { echo "==== $(date +%T) $*" >&2; }
meta() { printf 'meta\t%s\t%s\n' "$1" "$2" >>"$results"; }
load() { meta "load average ($1)" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
record() { # db, then "metric run value" lines on stdin
    while IFS=$'\t' read -r metric run value; do
        printf '%s\t%s\t%s\t%s\n' "$1" "$metric" "$run" "$value" | tee -a "$results" >&2
    done
}

# ---- builds: the database kind is fixed at build time, so each build gets its own copy ----------------
for db in $dbs; do
    if [ "$build" = 1 ]; then
        log "building for $db"
        profile=; [ "$db" = postgresql ] && profile=-Ppostgresql
        ./mvnw -B -q package -DskipTests $profile
    fi
    rm -rf "$out/$db"
    cp -r target/quarkus-app "$out/$db"
done

meta cores "$(nproc)"
meta memory "$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
meta cpu "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
meta java "$(java -version 2>&1 | head -1)"
meta size "$size: imports of $import_sizes stories; planner corpus of ${import_sizes##* } stories, $items items, $links links each; $runs runs"
psql -h 127.0.0.1 -U postgres -tAc 'select version()' >/dev/null 2>&1 \
    && meta postgresql "$(psql -h 127.0.0.1 -U postgres -tAc 'show server_version')"

# ---- corpora -------------------------------------------------------------------------------------------
first_app=$out/${dbs%% *}
for n in $import_sizes; do
    log "generating $n stories"
    java -jar "$first_app/quarkus-run.jar" generate --stories "$n" --items "$items" --links-per-story $links \
        --seed 1 "$work/corpus-$n" >&2
done

# A fresh database for one run: an H2 file of its own, or a new PostgreSQL database.
fresh_db() { # db name -> sets url, user, pass
    case "$1" in
        # The settings of the default URL in application.properties, but without H2's result reuse: H2 answers a
        # cached statement with its last result again while no table changed, and the benchmark repeats each request
        # with no write in between, so it would time that instead of the query (docs/benchmarks.md).
        h2) url="jdbc:h2:file:$work/h2-$2/tracker;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;OPTIMIZE_REUSE_RESULTS=0"
            user=tracker; pass= ;;
        postgresql)
            local name="bench_$$_${2//-/_}"
            psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -c "drop database if exists $name" -c "create database $name"
            pg_dbs+=("$name")
            url="jdbc:postgresql://127.0.0.1:5432/$name"; user=postgres; pass= ;;
    esac
}

drop_db() { # db name: frees the disk of a run whose database is not needed any more
    case "$1" in
        h2) rm -rf "$work/h2-$2" ;;
        postgresql) psql -h 127.0.0.1 -U postgres -q -c "drop database if exists bench_$$_${2//-/_}" ;;
    esac
}

jvm() { # app, JVM options, --, then the command: runs the jar against the current database
    local app=$1 options=()
    shift
    while [ "$1" != -- ]; do options+=("$1"); shift; done
    shift
    java -Dquarkus.datasource.jdbc.url="$url" -Dquarkus.datasource.username="$user" \
        -Dquarkus.datasource.password="$pass" "${options[@]}" -jar "$app/quarkus-run.jar" "$@"
}

client() { # app, then BenchClient arguments; the client sees the build's JDBC driver and parsing code
    local app=$1; shift
    java -cp "$app/lib/main/*:$app/app/*" "$root/bench/BenchClient.java" "$@"
}

# Starts the server on a free port; sets server_pid, base, started_ms (epoch) and ready_ms (launch to 200 from
# /q/health/ready).
start_server() { # app, extra -D options...
    local app=$1; shift
    local started; started=$(date +%s%N)
    started_ms=$(( started / 1000000 ))
    java -Dquarkus.datasource.jdbc.url="$url" -Dquarkus.datasource.username="$user" \
        -Dquarkus.datasource.password="$pass" -Dquarkus.http.port=0 "$@" -jar "$app/quarkus-run.jar" \
        >"$work/server.log" 2>&1 &
    server_pid=$!
    local deadline=$(( $(date +%s) + 600 )) port=
    while [ "$(date +%s)" -lt "$deadline" ]; do
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "the server died" >&2; exit 1; }
        if [ -z "$port" ]; then
            port=$(sed -n 's|.*Listening on: http://[^ ]*:\([0-9]*\).*|\1|p' "$work/server.log" | head -1)
        fi
        if [ -n "$port" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
            ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
            base="http://127.0.0.1:$port"
            return
        fi
        sleep 0.05
    done
    echo "the server was not ready within 600 s" >&2
    exit 1
}

stop_server() {
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}

# wrk (Debian's package) as the load generator: $connections kept-alive connections on two threads, closed loop.
wrk_rps() { # url, seconds -> requests per second; fails on any error or answer other than 2xx/3xx
    local report
    # A 10 s timeout instead of wrk's 2 s: while the JIT compiler still holds a core, a few requests of the first
    # warm-up took over 2 s on PostgreSQL, and wrk counts those as socket errors.
    report=$(wrk -t2 -c"$connections" -d"$2"s --timeout 10s "$1")
    if grep -Eq 'Non-2xx|Socket errors' <<<"$report"; then
        echo "$report" >&2
        echo "wrk: errors from $1" >&2
        exit 1
    fi
    awk '/^Requests\/sec:/ {print $2}' <<<"$report"
}

# The warm-up is as long as a measured run: on two cores the JIT compiler still takes a whole core for several
# seconds after the first requests (a 3 s warm-up measured the story JSON at 860 req/s instead of 2,800).
throughput() { # seconds, runs, name=path...: a warm-up each, then the endpoints take turns in every run
    local seconds=$1 runs=$2 spec
    shift 2
    for spec in "$@"; do wrk_rps "$base${spec#*=}" "$seconds" >/dev/null; done
    for run in $(seq 1 "$runs"); do
        for spec in "$@"; do
            printf 'http.%s.rps\t%s\t%s\n' "${spec%%=*}" "$run" "$(wrk_rps "$base${spec#*=}" "$seconds")"
        done
    done
}

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status"; }

# ---- where the time and memory go: "profile.<group>.<part>" figures, for the report's last section ----------

import_ms() { # the importer's last log line -> the whole import's milliseconds
    sed -n 's/.*, in \([0-9]*\) ms:.*/\1/p' <<<"$1"
}

import_profile() { # n, run, the importer's last log line: its own account of the import's phases (ImportClock)
    local n=$1 run=$2 line=$3 part words value
    printf 'profile.import-%s.total\t%s\t%s\n' "$n" "$run" "$(import_ms "$line")"
    for part in "reading:waiting for files" "writing:writing" \
        "writer-cpu:ms of the writer's processor time" "counting:counting" "statistics:statistics"; do
        words=${part#*:}
        if [ "${part%%:*}" = writer-cpu ]; then
            value=$(grep -o "[0-9]* $words" <<<"$line" | tr -dc 0-9)
        else
            value=$(grep -o "$words [0-9]* ms" <<<"$line" | head -1 | tr -dc 0-9)
        fi
        [ -n "$value" ] && printf 'profile.import-%s.%s\t%s\t%s\n' "$n" "${part%%:*}" "$run" "$value"
    done
}

log_ms() { # a log line -> its timestamp in epoch milliseconds
    date -d "$(cut -c1-23 <<<"$1" | tr , .)" +%s%3N
}

startup_profile() { # run: the phases of the last start, from the timestamps of its log (see docs/benchmarks.md)
    local log=$work/server.log first migrated imported import_took ready
    first=$(grep -a -m1 '^[0-9]\{4\}-' "$log") || return 0
    migrated=$(grep -a 'DbMigrate' "$log" | tail -1)
    imported=$(grep -a 'Imported .* ms)$' "$log" | tail -1)
    [ -n "$migrated" ] && [ -n "$imported" ] || return 0
    first=$(log_ms "$first"); migrated=$(log_ms "$migrated")
    import_took=$(import_ms "$imported")
    imported=$(log_ms "$imported")
    ready=$(( started_ms + ready_ms ))
    printf 'profile.startup.%s\t%s\t%s\n' \
        jvm "$1" $(( first - started_ms )) \
        migrations "$1" $(( migrated - first )) \
        hibernate-and-admin "$1" $(( imported - import_took - migrated )) \
        import "$1" "$import_took" \
        http-and-ready "$1" $(( ready - imported ))
}

memory_profile() { # the committed memory of each of the JVM's areas, from native memory tracking, in MB
    printf 'profile.memory.resident\t1\t%s\n' "$(rss_mb)"
    jcmd "$server_pid" VM.native_memory summary scale=KB | awk '
        /^Total: / { sub(/.*committed=/, ""); sub(/KB.*/, ""); printf "profile.memory.total-committed\t1\t%.1f\n", $0 / 1024 }
        /^-  *[A-Z].*\(reserved=.*committed=/ {
            name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name); gsub(/ /, "-", name)
            value = $0; sub(/.*committed=/, "", value); sub(/KB.*/, "", value)
            if (value / 1024 >= 1) printf "profile.memory.%s\t1\t%.1f\n", tolower(name), value / 1024
        }'
}

for db in $dbs; do
    app=$out/$db
    # ---- import vs parse-only --------------------------------------------------------------------------
    largest=
    first=0
    for n in $import_sizes; do
        load "$db import of $n"
        # Run 0 of the first size warms the disk cache and the database; it is not recorded.
        for run in $(seq "$first" "$runs"); do
            fresh_db "$db" "import-$n-$run"
            log "$db: importing $n stories, run $run"
            jvm "$app" -Dquarkus.log.category.\"dev.storytracker.ingest.Importer\".level=INFO -- import \
                "$work/corpus-$n" >"$work/import.log" 2>&1 || { tail -20 "$work/import.log" >&2; exit 1; }
            line=$(grep -a 'Imported .* ms)$' "$work/import.log" | tail -1)
            ms=$(import_ms "$line")
            rate=$(awk -v n="$n" -v ms="$ms" 'BEGIN {printf "%.1f", n * 1000 / ms}')
            parsed=$(client "$app" parse "$work/corpus-$n" "$run" "parse.$n.rate")
            if [ "$run" -gt 0 ]; then
                printf 'import.%s.rate\t%s\t%s\n%s\n' "$n" "$run" "$rate" "$parsed" | record "$db"
                import_profile "$n" "$run" "$line" | record "$db"
            fi
            largest="$url"
            if [ "$run" -lt "$runs" ]; then drop_db "$db" "import-$n-$run"; fi
        done
        first=1
    done
    url=$largest

    # ---- planner queries and throughput on the largest corpus ------------------------------------------
    log "$db: planner queries"
    load "$db queries"
    start_server "$app" -Dtracker.import-on-start=false
    client "$app" latency "$base" admin "$password" "$warmup" "$requests" "$runs" \
        "rollup=/api/roadmap/$goal/stories?rollup=true" "gaps=/api/gaps" \
        "stories=/api/stories?theme=$theme&character=$character" "dashboard=/dashboard" | record "$db"
    client "$app" latency "$base" admin "$password" 1 "$csv_requests" "$runs" "trace-csv=/api/trace.csv" | record "$db"
    log "$db: throughput"
    load "$db throughput"
    slug=$(curl -fs "$base/api/stories?size=1" | grep -o '"slug":"[^"]*"' | sed -n '1s/.*:"\(.*\)"/\1/p')
    throughput "$seconds" "$runs" "ping=/api/ping" "story-json=/api/stories/$slug" "story-page=/stories/$slug" \
        | record "$db"
    printf 'memory.rss-after-load.mb\t1\t%s\n' "$(rss_mb)" | record "$db"
    stop_server

    # ---- the SQL baselines, on the same database once the server has let go of it ----------------------
    log "$db: SQL baselines"
    client "$app" sql "$url" "$user" "$pass" "$warmup" "$requests" "$runs" "$goal" "$theme" "$character" \
        'rollup|gaps|stories|dashboard' | record "$db"
    client "$app" sql "$url" "$user" "$pass" 1 "$csv_requests" "$runs" "$goal" "$theme" "$character" trace-csv \
        | record "$db"

    # ---- start-up with the bundled corpus, and memory after it -----------------------------------------
    for run in $(seq 0 "$runs"); do
        fresh_db "$db" "start-$run"
        log "$db: start-up, run $run"
        start_server "$app"
        if [ "$run" -gt 0 ]; then
            printf 'startup.ready.ms\t%s\t%s\n' "$run" "$ready_ms" | record "$db"
            printf 'memory.rss-start.mb\t%s\t%s\n' "$run" "$(rss_mb)" | record "$db"
            startup_profile "$run" | record "$db"
        fi
        stop_server
        drop_db "$db" "start-$run"
    done
    # One more start, not measured for time: the JVM's native memory tracking says what the resident memory holds
    # (it costs some memory and time of its own, so the runs above go without it).
    if command -v jcmd >/dev/null 2>&1; then
        fresh_db "$db" start-nmt
        log "$db: start-up with native memory tracking"
        start_server "$app" -XX:NativeMemoryTracking=summary
        memory_profile | record "$db"
        stop_server
        drop_db "$db" start-nmt
    fi
    load "$db done"
done

client "$first_app" report "$results" "$out"
log "wrote $out/report.md and $out/report.json"
cat "$out/report.md"
