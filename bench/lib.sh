# shellcheck shell=bash
# Helpers of bench/e2e, bench/rest and bench/footprint, on top of scripts/lib/harness.sh (the standalone broker, the
# service instances, a private copy of the application, exit traps that end every process started here).
#
#   source bench/lib.sh
#   bench_init NAME        # builds (unless BENCH_NO_BUILD=1), harness_init bench/NAME, copies the bench tools
#   bench_java CLASS ARGS  # a tool of src/tools/java/io/stancewire/bench on the application's own jars
#   machine_json           # the machine, the load average, the commit
#
# Results go to target/bench/NAME.json; logs and data of the run to target/bench/NAME/run-<time>-<pid>/.

BENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_OUT="$BENCH_REPO/target/bench"
# shellcheck source=../scripts/lib/harness.sh
source "$BENCH_REPO/scripts/lib/harness.sh"

# bench_init NAME
bench_init() {
    cd "$BENCH_REPO"
    mkdir -p "$BENCH_OUT"
    command -v java >/dev/null 2>&1 || die "java (a JDK 17) is needed on PATH"
    if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
        log "building: ./mvnw -B -q package -DskipTests (log $BENCH_OUT/build.log)"
        ./mvnw -B -q package -DskipTests >"$BENCH_OUT/build.log" 2>&1 \
            || { tail -n 40 "$BENCH_OUT/build.log" >&2; die "the build failed"; }
    fi
    harness_init "bench/$1"
    mkdir -p "$H_RUN/bin/io/stancewire/bench"
    cp "$BENCH_REPO"/target/tools-classes/io/stancewire/bench/*.class "$H_RUN/bin/io/stancewire/bench/"
}

# bench_java CLASS ARGS...: the bench tools run on the packaged application's jars (Kafka clients, Jackson, the
# analysis records), so they need no other class path
bench_java() {
    java -Xms256m -Xmx1g -XX:+UseG1GC -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$H_CP" "$@"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# machine_json: what the figures were measured on
machine_json() {
    jq -n --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
        --argjson cores "$(nproc)" --argjson mem "$(free -g | awk '/^Mem:/ { print $2 }')" \
        --arg java "$(java -version 2>&1 | head -n 1)" --arg kernel "$(uname -r)" --arg date "$(date -Is)" \
        --arg load "$(loadavg)" --arg commit "$(git -C "$BENCH_REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
        --argjson dirty "$(git -C "$BENCH_REPO" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo true || echo false)" \
        '{cpu: $cpu, cores: $cores, memory_gb: $mem, java: $java, kernel: $kernel, date: $date,
          load_average_1_5_15: $load, commit: $commit, uncommitted_changes: $dirty}'
}
