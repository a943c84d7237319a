# shellcheck shell=bash
# Harness for running real Stancewire instances (target/quarkus-app) against one real standalone Kafka broker
# (io.stancewire.ops.BrokerMain, a tool of src/tools/java). Sourced by scripts/check-instances and scripts/check-faults.
#
#   source scripts/lib/harness.sh
#   harness_init instances               # run directory target/instances/run-<time>, traps, app copy
#   start_broker "$H_RUN/kafka" 19092    # BROKER_PID, BROKER_PORT
#   start_instance a 18081 "$H_RUN/a"    # INSTANCE_PID[a], INSTANCE_URL[a]; log $H_RUN/logs/a.log
#   wait_instance_ready a 300
#   produce_articles articles.jsonl      # key = id
#   wait_processed "${INSTANCE_URL[a]}" ids.txt 900
#   snapshot "${INSTANCE_URL[a]}" "$H_RUN/snap-a" ids.txt
#   compare_snapshots "$H_RUN/snap-a" "$H_RUN/snap-b" "A vs B"
#
# Everything listens on loopback; every wait has a timeout; every process started here is ended on exit (its own
# pid, never by name). Each run has its own directory under target/: Kafka Streams state left by an earlier run would
# corrupt results. Environment: HARNESS_KEEP=1 keeps the data directories of a successful run (they are kept anyway
# when the run fails); HARNESS_JAVA_OPTS adds JVM options to the service instances.

H_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
H_RUN=""
H_APP=""
H_CP=""
H_STATUS=1          # the scripts set 0 when every check passed: the data directories are then removed
BROKER_PID=""
BROKER_PORT=""
BROKER_DIR=""
declare -A INSTANCE_PID=()
declare -A INSTANCE_URL=()
declare -A INSTANCE_PORT=()
declare -A INSTANCE_DIR=()
H_PIDS=()           # every process started by the harness, for the exit trap

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now_ms() { date +%s%3N; }
# seconds since a now_ms value, one decimal
secs_since() { awk -v s="$1" -v e="$(now_ms)" 'BEGIN { printf "%.1f", (e - s) / 1000 }'; }

# ---- tools --------------------------------------------------------------------------------------------------------

# kcat, jq and curl (Debian packages of the same names); installed with apt-get when missing and running as root.
ensure_tools() {
    local missing=() tool
    for tool in kcat jq curl; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            log "installing ${missing[*]} with apt-get"
            DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
                && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
                || die "apt-get could not install ${missing[*]}"
        else
            die "missing tools: ${missing[*]} (Debian packages: ${missing[*]}); install them or run as root"
        fi
    fi
    command -v java >/dev/null 2>&1 || die "java (a JDK 17) is needed on PATH"
}

# ---- run directory, application copy, cleanup ---------------------------------------------------------------------

# harness_init NAME: a fresh run directory target/NAME/run-<time>-<pid>, a private copy of the packaged application
# (so that a rebuild in the working tree during the run changes nothing), and the exit trap.
harness_init() {
    local name=$1
    ensure_tools
    local app="$H_REPO/target/quarkus-app"
    [ -f "$app/quarkus-run.jar" ] || die "$app/quarkus-run.jar is missing: run ./mvnw -B package -DskipTests first"
    [ -f "$H_REPO/target/tools-classes/io/stancewire/ops/BrokerMain.class" ] \
        || die "target/tools-classes/io/stancewire/ops/BrokerMain.class is missing: run ./mvnw -B package -DskipTests first"
    H_RUN="$H_REPO/target/$name/run-$(date +%Y%m%d-%H%M%S)-$$"
    mkdir -p "$H_RUN/logs" "$H_RUN/bin/io/stancewire/ops"
    trap harness_cleanup EXIT
    trap 'log "interrupted"; exit 130' INT TERM
    cp -a "$app" "$H_RUN/app"
    cp "$H_REPO"/target/tools-classes/io/stancewire/ops/BrokerMain*.class "$H_RUN/bin/io/stancewire/ops/"
    H_APP="$H_RUN/app"
    # the broker runs on the application's own jars (Kafka 4.1.2 and EmbeddedKafkaBroker in app/)
    H_CP="$H_RUN/bin:$H_APP/app/*:$H_APP/lib/main/*:$H_APP/lib/boot/*"
    log "run directory $H_RUN"
}

harness_cleanup() {
    local rc=$? pid
    trap - EXIT INT TERM
    for pid in "${H_PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${H_PIDS[@]}"; do
        wait_pid_gone "$pid" 20 || { kill -KILL "$pid" 2>/dev/null; wait_pid_gone "$pid" 5; }
    done
    if [ -n "$H_RUN" ] && [ -d "$H_RUN" ]; then
        rm -rf "$H_RUN/app"
        if [ "$H_STATUS" = 0 ] && [ "$rc" = 0 ] && [ "${HARNESS_KEEP:-0}" != 1 ]; then
            find "$H_RUN" -mindepth 1 -maxdepth 2 -type d \( -name kafka -o -name 'data*' \) -prune -exec rm -rf {} +
        else
            log "data directories and logs kept in $H_RUN"
        fi
    fi
    exit "$rc"
}

# wait_pid_gone PID SECONDS
wait_pid_gone() {
    local pid=$1 deadline=$(( $(date +%s) + $2 ))
    while kill -0 "$pid" 2>/dev/null; do
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.2
    done
    wait "$pid" 2>/dev/null || true
    return 0
}

forget_pid() {
    local gone=$1 pid keep=()
    for pid in "${H_PIDS[@]}"; do [ "$pid" = "$gone" ] || keep+=("$pid"); done
    H_PIDS=("${keep[@]}")
}

# ---- ports --------------------------------------------------------------------------------------------------------

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port BASE [COUNT]: the first port from BASE up with COUNT consecutive free ports
free_port() {
    local p=$1 count=${2:-1} i ok
    while [ "$p" -lt 65000 ]; do
        ok=1
        for ((i = 0; i < count; i++)); do port_in_use $((p + i)) && { ok=0; break; }; done
        [ "$ok" = 1 ] && { echo "$p"; return 0; }
        p=$((p + count))
    done
    die "no free port from $1"
}

# ---- broker -------------------------------------------------------------------------------------------------------

# start_broker DIR PORT: the standalone broker (controller on PORT+1), data in DIR (kept across restarts);
# waits for its ready line (60 s). Sets BROKER_PID, BROKER_PORT, BROKER_DIR.
start_broker() {
    local dir=$1 port=$2 logf="$H_RUN/logs/broker.log" started
    started=$(now_ms)
    mkdir -p "$dir"
    BROKER_DIR=$dir
    BROKER_PORT=$port
    port_in_use "$port" && die "broker port $port is in use"
    echo "=== start $(date -Is) dir=$dir port=$port" >>"$logf"
    local from
    from=$(($(wc -c <"$logf") + 1))   # the ready line of this start, not of an earlier one
    java -Xmx1g -XX:+UseG1GC -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$H_CP" \
        io.stancewire.ops.BrokerMain "$dir" "$port" "$((port + 1))" >>"$logf" 2>&1 &
    BROKER_PID=$!
    disown "$BROKER_PID"   # ended by pid (H_PIDS); no job notice when a fault kills it
    H_PIDS+=("$BROKER_PID")
    local deadline=$(( $(date +%s) + 60 ))
    until tail -c "+$from" "$logf" | grep -q "BROKER READY localhost:$port"; do
        kill -0 "$BROKER_PID" 2>/dev/null || { tail -n 30 "$logf" >&2; die "the broker exited while starting"; }
        [ "$(date +%s)" -ge "$deadline" ] && { tail -n 30 "$logf" >&2; die "the broker was not ready within 60 s"; }
        sleep 0.3
    done
    log "broker up on localhost:$port (pid $BROKER_PID, data $dir) in $(secs_since "$started") s"
}

# stop_broker [SECONDS]: SIGTERM (clean shutdown), SIGKILL after SECONDS (30)
stop_broker() {
    [ -n "$BROKER_PID" ] || return 0
    kill -TERM "$BROKER_PID" 2>/dev/null || true
    if ! wait_pid_gone "$BROKER_PID" "${1:-30}"; then
        log "broker did not stop within ${1:-30} s: SIGKILL"
        kill -KILL "$BROKER_PID" 2>/dev/null || true
        wait_pid_gone "$BROKER_PID" 10 || true
    fi
    forget_pid "$BROKER_PID"
    log "broker stopped (pid $BROKER_PID)"
    BROKER_PID=""
}

# kill_broker: SIGKILL, as a crash
kill_broker() {
    [ -n "$BROKER_PID" ] || return 0
    kill -KILL "$BROKER_PID" 2>/dev/null || true
    wait_pid_gone "$BROKER_PID" 10 || true
    forget_pid "$BROKER_PID"
    log "broker killed (pid $BROKER_PID)"
    BROKER_PID=""
}

bootstrap() { echo "localhost:$BROKER_PORT"; }

# ---- service instances --------------------------------------------------------------------------------------------

# start_instance NAME HTTP_PORT DATA_DIR [VAR=value ...]: one service JVM against the broker, in the same consumer
# group and Kafka Streams application as every other; log $H_RUN/logs/NAME.log (appended across restarts). With
# EMBEDDED_BROKER_PORT set (EMBEDDED_BROKER_PORT=29100 start_instance ...), the instance runs its own embedded broker
# there (its controller on the next port) instead, as the README's command does.
start_instance() {
    local name=$1 port=$2 dir=$3 logf="$H_RUN/logs/$1.log" kafka
    shift 3
    if [ -n "${EMBEDDED_BROKER_PORT:-}" ]; then
        kafka=(STANCEWIRE_BROKER_PORT="$EMBEDDED_BROKER_PORT" STANCEWIRE_BROKER_CONTROLLER_PORT=$((EMBEDDED_BROKER_PORT + 1)))
    else
        [ -n "$BROKER_PORT" ] || die "start_broker first"
        kafka=(KAFKA_BOOTSTRAP_SERVERS="localhost:$BROKER_PORT")
    fi
    port_in_use "$port" && die "HTTP port $port is in use"
    mkdir -p "$dir"
    echo "=== start $(date -Is) port=$port data=$dir ${kafka[*]}" >>"$logf"
    (
        cd "$dir" || exit 1
        exec env -u KAFKA_BOOTSTRAP_SERVERS "${kafka[@]}" QUARKUS_HTTP_PORT="$port" \
            QUARKUS_HTTP_HOST=127.0.0.1 STANCEWIRE_DATA_DIR="$dir" \
            QUARKUS_KAFKA_STREAMS_APPLICATION_SERVER="localhost:$port" STANCEWIRE_TOPICS_PARTITIONS=6 "$@" \
            java -Xmx2g -XX:+UseG1GC ${HARNESS_JAVA_OPTS:-} -jar "$H_APP/quarkus-run.jar"
    ) >>"$logf" 2>&1 &
    INSTANCE_PID[$name]=$!
    disown "${INSTANCE_PID[$name]}"
    INSTANCE_URL[$name]="http://localhost:$port"
    INSTANCE_PORT[$name]=$port
    INSTANCE_DIR[$name]=$dir
    H_PIDS+=("${INSTANCE_PID[$name]}")
    log "instance $name starting (pid ${INSTANCE_PID[$name]}, http $port, data $dir)"
}

# stop_instance NAME: SIGTERM, SIGKILL after 60 s
stop_instance() {
    local pid=${INSTANCE_PID[$1]:-}
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait_pid_gone "$pid" 60 || { log "instance $1 did not stop within 60 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null; wait_pid_gone "$pid" 10; }
    forget_pid "$pid"
    INSTANCE_PID[$1]=""
    log "instance $1 stopped (pid $pid)"
}

# kill_instance NAME: kill -9
kill_instance() {
    local pid=${INSTANCE_PID[$1]:-}
    [ -n "$pid" ] || return 0
    kill -KILL "$pid" 2>/dev/null || true
    wait_pid_gone "$pid" 10 || true
    forget_pid "$pid"
    INSTANCE_PID[$1]=""
    log "instance $1 killed with SIGKILL (pid $pid)"
}

http_code() { curl -s -o /dev/null -m "${2:-5}" -w '%{http_code}' "$1" 2>/dev/null || true; }

# wait_ready URL TIMEOUT: until URL/q/health/ready answers 200
wait_ready() {
    local url=$1 deadline=$(( $(date +%s) + $2 ))
    until [ "$(http_code "$url/q/health/ready")" = 200 ]; do
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 1
    done
}

# wait_instance_ready NAME TIMEOUT: wait_ready, failing at once when the process dies
wait_instance_ready() {
    local name=$1 started deadline
    started=$(now_ms)
    deadline=$(( $(date +%s) + $2 ))
    until [ "$(http_code "${INSTANCE_URL[$name]}/q/health/ready")" = 200 ]; do
        kill -0 "${INSTANCE_PID[$name]}" 2>/dev/null || { tail -n 40 "$H_RUN/logs/$name.log" >&2; die "instance $name exited"; }
        if [ "$(date +%s)" -ge "$deadline" ]; then
            curl -s -m 5 "${INSTANCE_URL[$name]}/q/health/ready" >&2 || true
            die "instance $name was not ready within $2 s (log: $H_RUN/logs/$name.log)"
        fi
        sleep 0.25 # the restart checks compare these times: a second's polling would blur them
    done
    log "instance $name ready in $(secs_since "$started") s"
}

# metric_sum URL NAME: the sum of a Prometheus metric's samples on one instance (empty when it does not answer)
metric_sum() {
    curl -s -m 5 "$1/q/metrics" 2>/dev/null | awk -v n="$2" '$1 == n || index($1, n "{") == 1 { s += $2; found = 1 }
        END { if (found) printf "%d\n", s }'
}

# assigned URL CLIENT: partitions assigned to the Kafka consumers of one instance whose client id starts with CLIENT
# (kafka-consumer-articles: the analysis consumer; stancewire-stances: Kafka Streams); empty when it does not answer
assigned() {
    curl -s -m 5 "$1/q/metrics" 2>/dev/null | awk -v c="client_id=\"$2" '
        index($1, "kafka_consumer_coordinator_assigned_partitions{") == 1 && index($1, c) > 0 { s += $2; found = 1 }
        END { if (found) printf "%d\n", s }'
}

# wait_assigned TIMEOUT PARTITIONS URL...: until every instance has part of the articles topic (the analysis consumer
# group holds all of them, PARTITIONS in all) and part of the Kafka Streams tasks, so that articles produced next are
# shared from the first one (readiness does not say that the analysis consumer has joined its group)
wait_assigned() {
    local timeout=$1 partitions=$2 deadline url sum a k ok
    shift 2
    deadline=$(( $(date +%s) + timeout ))
    while :; do
        ok=1 sum=0
        for url in "$@"; do
            a=$(assigned "$url" kafka-consumer-articles)
            k=$(assigned "$url" stancewire-stances)
            [ "${a:-0}" -gt 0 ] && [ "${k:-0}" -gt 0 ] || ok=0
            sum=$((sum + ${a:-0}))
        done
        [ "$ok" = 1 ] && [ "$sum" = "$partitions" ] && { log "every instance has articles partitions and Kafka Streams tasks"; return 0; }
        [ "$(date +%s)" -ge "$deadline" ] && { log "partitions not shared by every instance after ${timeout} s"; return 1; }
        sleep 1
    done
}

# ---- articles -----------------------------------------------------------------------------------------------------

# build_articles OUT WIKINEWS_COUNT MTSC_COUNT: a deterministic article set, one JSON object a line:
#   the example article (id "ohrid"), the first WIKINEWS_COUNT Wikinews articles (published_at -> publishedAt at
#   midnight UTC), and MTSC_COUNT articles "mtsc-0001"... of 5 consecutive NewsMTSC train sentences each (one paragraph
#   a sentence), published 2020-01-01T00:30:00Z plus one hour per article. Every article has its own publishedAt, so
#   that no result depends on the time it was produced.
build_articles() {
    local out=$1 nwiki=$2 nmtsc=$3 shared="$H_REPO/../shared"
    local wiki="$shared/datasets/wikinews/articles.jsonl" mtsc="$shared/datasets/newsmtsc/train.jsonl"
    local ex="$shared/examples/ohrid.txt"
    for f in "$wiki" "$mtsc" "$ex"; do [ -f "$f" ] || die "missing dataset file $f"; done
    {
        jq -Rsc '{id: "ohrid", title: "Kosovo and Serbia fail to sign", source: "AFP",
                  publishedAt: "2023-03-18T21:00:00Z", body: .}' "$ex"
        head -n "$nwiki" "$wiki" | jq -c '{id, title, body, publishedAt: (.published_at + "T00:00:00Z")}'
        if [ "$nmtsc" -gt 0 ]; then
            head -n $((nmtsc * 5)) "$mtsc" | jq -sc --argjson n "$nmtsc" '
                [range(0; $n) as $i | {
                    id: ("mtsc-" + (("000" + ($i + 1 | tostring)) | .[-4:])),
                    title: ("NewsMTSC sentences " + ($i * 5 + 1 | tostring) + "-" + ($i * 5 + 5 | tostring)),
                    body: ([.[$i * 5:$i * 5 + 5][] | .sentence] | join("\n\n")),
                    publishedAt: (1577836800 + 1800 + $i * 3600 | todate)
                }] | .[]'
        fi
    } >"$out"
    jq -r .id "$out" >"${out%.jsonl}.ids"
    local n
    n=$(wc -l <"${out%.jsonl}.ids")
    [ "$n" = $((1 + nwiki + nmtsc)) ] || die "built $n articles, expected $((1 + nwiki + nmtsc))"
    [ "$(sort -u "${out%.jsonl}.ids" | wc -l)" = "$n" ] || die "duplicate article ids in $out"
}

# produce_articles JSONL: every line to topic articles, keyed by its id (kcat, murmur2 partitioner as the Java
# clients), then checks that the topic holds every id. jq writes the JSON as UTF-8 on one line; the tab separating
# key and value cannot occur in JSON text (it is escaped as \t in strings).
produce_articles() {
    local file=$1 started n got
    started=$(now_ms)
    n=$(wc -l <"$file")
    jq -rc '.id + "\t" + tojson' "$file" \
        | timeout 120 kcat -P -b "$(bootstrap)" -t articles -K $'\t' -X partitioner=murmur2_random \
            -X message.max.bytes=9000000 -X message.timeout.ms=60000 \
        || die "kcat could not produce $file"
    got=$(topic_keys articles | sort -u | wc -l)
    [ "$got" -ge "$n" ] || die "topic articles holds $got distinct keys after producing $n articles"
    log "produced $n articles to articles in $(secs_since "$started") s"
}

# topic_keys TOPIC: the keys of every record of TOPIC (empty when it does not exist)
topic_keys() {
    timeout 60 kcat -C -b "$(bootstrap)" -t "$1" -o beginning -e -q -f '%k\n' 2>/dev/null || true
}

# fetch_paths BASE_URL PATHS_FILE OUT_DIR: GET every path (one a line) into OUT_DIR/N.json (N = line number), one
# curl process with kept-alive connections; writes OUT_DIR/codes (one HTTP code a line, in order).
fetch_paths() {
    local base=$1 paths=$2 out=$3 cfg
    mkdir -p "$out"
    cfg="$out/curl.cfg"
    awk -v b="$base" -v o="$out" '{ printf "url = \"%s%s\"\noutput = \"%s/%d.json\"\n", b, $0, o, NR }' "$paths" >"$cfg"
    : >"$out/codes"
    [ -s "$paths" ] || return 0
    curl -s -m 120 --connect-timeout 5 -K "$cfg" -w '%{http_code}\n' >"$out/codes" 2>/dev/null || true
    # a transfer that failed without an answer prints 000; pad when curl stopped early
    while [ "$(wc -l <"$out/codes")" -lt "$(wc -l <"$paths")" ]; do echo 000 >>"$out/codes"; done
}

# ids_to_paths PREFIX SUFFIX < ids: URL paths with each id percent-encoded
ids_to_paths() { jq -Rr --arg p "$1" --arg s "${2:-}" '$p + @uri + $s'; }

# count_present BASE_URL IDS_FILE: how many ids GET /api/v1/articles/{id} finds (200)
count_present() {
    local tmp
    tmp=$(mktemp -d "$H_RUN/tmp.XXXXXX")
    ids_to_paths /api/v1/articles/ <"$2" >"$tmp/paths"
    fetch_paths "$1" "$tmp/paths" "$tmp/r"
    grep -c '^200$' "$tmp/r/codes" || true
    rm -rf "$tmp"
}

# wait_count BASE_URL IDS_FILE MIN TIMEOUT: until MIN articles are stored (or analysed, by the metric)
wait_analysed() {
    local url=$1 min=$2 timeout=$3 deadline n
    deadline=$(( $(date +%s) + timeout ))
    while :; do
        n=$(metric_sum "$url" stancewire_articles_analysed_total)
        [ -n "$n" ] && [ "$n" -ge "$min" ] && { echo "$n"; return 0; }
        [ "$(date +%s)" -ge "$deadline" ] && { echo "${n:-0}"; return 1; }
        sleep 1
    done
}

# leaders_digest BASE_URL: a digest of the normalised GET /api/v1/leaders (empty when it does not answer 200)
leaders_digest() {
    local body
    body=$(curl -s -f -m 30 "$1/api/v1/leaders" 2>/dev/null) || return 0
    printf '%s' "$body" | jq -S -c "$(jq_norm) map(norm_leader) | sort_by(.id)" 2>/dev/null | md5sum | cut -c1-32
}

# wait_processed BASE_URL IDS_FILE TIMEOUT [STABLE_SECONDS]: until GET /api/v1/articles/{id} finds every id (or its
# record is on the dead-letter topic), then until GET /api/v1/leaders has not changed for STABLE_SECONDS (6).
# Writes the dead-lettered ids to $H_RUN/dead-lettered.ids.
wait_processed() {
    local url=$1 ids=$2 timeout=$3 stable=${4:-6} started deadline tmp pending n total last_log=0 dead
    started=$(now_ms)
    deadline=$(( $(date +%s) + timeout ))
    tmp=$(mktemp -d "$H_RUN/tmp.XXXXXX")
    cp "$ids" "$tmp/pending"
    total=$(wc -l <"$ids")
    while :; do
        ids_to_paths /api/v1/articles/ <"$tmp/pending" >"$tmp/paths"
        rm -rf "$tmp/r"
        fetch_paths "$url" "$tmp/paths" "$tmp/r"
        paste -d ' ' "$tmp/r/codes" "$tmp/pending" | awk '$1 != "200" { print $2 }' >"$tmp/still"
        # records that went to the dead-letter topic will never be stored
        if [ -s "$tmp/still" ]; then
            topic_keys articles.dlq | sort -u >"$tmp/dead"
            grep -vxF -f "$tmp/dead" "$tmp/still" >"$tmp/pending" || true
        else
            : >"$tmp/pending"
        fi
        n=$(wc -l <"$tmp/pending")
        [ "$n" = 0 ] && break
        if [ "$(date +%s)" -ge "$deadline" ]; then
            log "$((total - n)) of $total articles processed after ${timeout} s; first missing: $(head -n 5 "$tmp/pending" | tr '\n' ' ')"
            rm -rf "$tmp"
            return 1
        fi
        if [ $(( $(date +%s) - last_log )) -ge 20 ]; then
            log "processed $((total - n))/$total"
            last_log=$(date +%s)
        fi
        sleep 2
    done
    topic_keys articles.dlq | sort -u | grep -xF -f "$ids" >"$H_RUN/dead-lettered.ids" || true
    dead=$(wc -l <"$H_RUN/dead-lettered.ids")
    log "all $total articles processed ($dead dead-lettered) in $(secs_since "$started") s; waiting for the leaders to settle"
    local prev="" cur same=0
    while :; do
        cur=$(leaders_digest "$url")
        if [ -n "$cur" ] && [ "$cur" = "$prev" ]; then
            same=$((same + 2))
            [ "$same" -ge "$stable" ] && break
        else
            same=0
        fi
        prev=$cur
        [ "$(date +%s)" -ge "$deadline" ] && { log "GET /leaders did not settle within ${timeout} s"; rm -rf "$tmp"; return 1; }
        sleep 2
    done
    rm -rf "$tmp"
    log "processed and settled in $(secs_since "$started") s"
}

# ---- snapshots ----------------------------------------------------------------------------------------------------

# the normalisation: updatedAt (the time of the last change) dropped, sources in a fixed order
jq_norm() {
    cat <<'EOF'
def norm_leader: if type == "object" then del(.updatedAt)
    | (if (.sources | type) == "array" then .sources |= sort_by(.publishedAt // "", .articleId) else . end)
  else . end;
EOF
}

# snapshot BASE_URL OUT_DIR IDS_FILE: what the API answers, normalised:
#   leaders.json       GET /api/v1/leaders, sorted by id, without updatedAt
#   leader-by-id.json  {id: GET /api/v1/leaders/{id} (+ "timeline": GET .../timeline, "relations": GET .../relations
#                      without updatedAt, "portrayal": GET .../portrayal)} for every id of leaders.json
#   articles.json      {article id: GET /api/v1/articles/{id}} for every input id ({"_status": code} when not 200)
snapshot() {
    local url=$1 out=$2 ids=$3 started
    started=$(now_ms)
    mkdir -p "$out"
    curl -s -f -m 60 "$url/api/v1/leaders" >"$out/leaders.raw.json" || { log "GET $url/api/v1/leaders failed"; return 1; }
    jq -S "$(jq_norm) map(norm_leader) | sort_by(.id)" "$out/leaders.raw.json" >"$out/leaders.json"
    jq -r '.[].id' "$out/leaders.json" >"$out/leader.ids"
    ids_to_paths /api/v1/leaders/ <"$out/leader.ids" >"$out/leader.paths"
    ids_to_paths /api/v1/leaders/ /timeline <"$out/leader.ids" >"$out/timeline.paths"
    ids_to_paths /api/v1/leaders/ /relations <"$out/leader.ids" >"$out/relations.paths"
    ids_to_paths /api/v1/leaders/ /portrayal <"$out/leader.ids" >"$out/portrayal.paths"
    ids_to_paths /api/v1/articles/ <"$ids" >"$out/article.paths"
    fetch_paths "$url" "$out/leader.paths" "$out/raw-leaders"
    fetch_paths "$url" "$out/timeline.paths" "$out/raw-timelines"
    fetch_paths "$url" "$out/relations.paths" "$out/raw-relations"
    fetch_paths "$url" "$out/portrayal.paths" "$out/raw-portrayal"
    fetch_paths "$url" "$out/article.paths" "$out/raw-articles"
    assemble() { # IDS RAW_DIR -> one JSON object {id: body or {"_status": code}} a line
        jq -R . "$1" | paste -d ' ' "$2/codes" - | {
            local i=0 code id
            while read -r code id; do
                i=$((i + 1))
                if [ "$code" = 200 ] && [ -s "$2/$i.json" ]; then
                    printf '{%s:' "$id"; cat "$2/$i.json"; printf '}\n'
                else
                    printf '{%s:{"_status":"%s"}}\n' "$id" "$code"
                fi
            done
        }
    }
    assemble "$out/leader.ids" "$out/raw-leaders" | jq -s -S "$(jq_norm) add // {} | map_values(norm_leader)" >"$out/by-id.tmp"
    assemble "$out/leader.ids" "$out/raw-timelines" | jq -s -S 'add // {}' >"$out/timelines.tmp"
    assemble "$out/leader.ids" "$out/raw-relations" \
        | jq -s -S 'add // {} | map_values(if type == "array" then map(del(.updatedAt)) | sort_by(.targetId) else . end)' \
        >"$out/relations.tmp"
    assemble "$out/leader.ids" "$out/raw-portrayal" | jq -s -S 'add // {}' >"$out/portrayal.tmp"
    jq -S -s '.[0] as $l | .[1] as $t | .[2] as $r | .[3] as $p
        | $l | with_entries(.value += {timeline: $t[.key], relations: $r[.key], portrayal: $p[.key]})' \
        "$out/by-id.tmp" "$out/timelines.tmp" "$out/relations.tmp" "$out/portrayal.tmp" >"$out/leader-by-id.json"
    assemble "$ids" "$out/raw-articles" | jq -s -S 'add // {}' >"$out/articles.json"
    rm -rf "$out/raw-leaders" "$out/raw-timelines" "$out/raw-relations" "$out/raw-portrayal" "$out/raw-articles" \
        "$out"/*.tmp "$out"/*.paths
    log "snapshot of $url: $(jq length "$out/leaders.json") leaders, $(jq '[.[] | select(has("_status") | not)] | length' "$out/articles.json")/$(wc -l <"$ids") articles stored ($(secs_since "$started") s) -> $out"
}

# compare_snapshots REF SNAP LABEL: prints every difference (leaders, per-leader answers, article analyses) and
# returns 1 when there is one. Scores may differ by 0.0001 (the aggregate adds floating-point numbers in arrival order
# before rounding to 4 decimals); counts, names, roles, sources and analyses must be equal.
compare_snapshots() {
    local ref=$1 snap=$2 label=$3 report="$2/diff-vs-$(basename "$1").txt" f
    mkdir -p "$snap"
    for f in leaders.json leader-by-id.json articles.json; do
        if [ ! -s "$ref/$f" ] || [ ! -s "$snap/$f" ]; then
            echo "snapshot incomplete: $f missing in $ref or $snap" >"$report"
            log "$label: snapshot incomplete ($f)"
            return 1
        fi
    done
    jq -n -r --slurpfile rl "$ref/leaders.json" --slurpfile sl "$snap/leaders.json" \
        --slurpfile rb "$ref/leader-by-id.json" --slurpfile sb "$snap/leader-by-id.json" \
        --slurpfile ra "$ref/articles.json" --slurpfile sa "$snap/articles.json" '
        def close(a; b): if (a | type) == "number" and (b | type) == "number" then ((a - b) | fabs) <= 0.000100001
                          else a == b end;
        # deep equality, numbers within the rounding of scores (relations, portrayal)
        def same(a; b): if (a | type) == "number" and (b | type) == "number" then close(a; b)
            elif (a | type) == "array" and (b | type) == "array" then (a | length) == (b | length)
                and ([a, b] | transpose | all(. as $p | same($p[0]; $p[1])))
            elif (a | type) == "object" and (b | type) == "object" then (a | keys) == (b | keys)
                and (a | keys | all(. as $k | same(a[$k]; b[$k])))
            else a == b end;
        # differing fields of two leader objects, as text
        def fields(a; b): [((a | keys) + (b | keys) | unique)[] as $k
            | select(if $k == "score" then (close(a[$k]; b[$k]) | not)
                     elif $k == "sources" then ((a[$k] // []) | map(del(.score))) != ((b[$k] // []) | map(del(.score)))
                        or ([(a[$k] // []), (b[$k] // [])] | transpose | any(.[0].score as $x | .[1].score as $y | close($x; $y) | not))
                     elif $k == "timeline" then ((a[$k] // []) | map(del(.score))) != ((b[$k] // []) | map(del(.score)))
                        or ([(a[$k] // []), (b[$k] // [])] | transpose | any(.[0].score as $x | .[1].score as $y | close($x; $y) | not))
                     elif $k == "relations" or $k == "portrayal" then (same(a[$k]; b[$k]) | not)
                     else a[$k] != b[$k] end)
            | if $k == "sources" then
                "sources: only in reference \([(a.sources // [])[].articleId] - [(b.sources // [])[].articleId])"
                + ", only here \([(b.sources // [])[].articleId] - [(a.sources // [])[].articleId])"
                + ", differing \([(a.sources // [])[] as $x | (b.sources // [])[] | select(.articleId == $x.articleId and (close(.score; $x.score) and .evidence == $x.evidence and .publishedAt == $x.publishedAt | not)) | .articleId])"
              elif $k == "timeline" then "timeline: reference \(a.timeline | tojson) here \(b.timeline | tojson)"
              else "\($k): reference \(a[$k] | tojson) here \(b[$k] | tojson)" end];
        def cmpmap(r; s; what): [((r | keys) + (s | keys) | unique)[] as $id
            | if (r | has($id) | not) then "\(what) \($id): only here"
              elif (s | has($id) | not) then "\(what) \($id): only in reference"
              else fields(r[$id]; s[$id])[] | "\(what) \($id): \(.)" end];
        ($rl[0] | map({(.id): .}) | add // {}) as $r | ($sl[0] | map({(.id): .}) | add // {}) as $s
        | cmpmap($r; $s; "GET /leaders")
          + cmpmap($rb[0]; $sb[0]; "GET /leaders/{id}")
          + [($ra[0] | keys)[] as $id
             | if ($sa[0] | has($id) | not) then "GET /articles/\($id): not asked"
               elif ($ra[0][$id] | has("_status")) and ($sa[0][$id] | has("_status") | not) then "GET /articles/\($id): stored here, not in reference (\($ra[0][$id]._status))"
               elif ($sa[0][$id] | has("_status")) and ($ra[0][$id] | has("_status") | not) then "GET /articles/\($id): answers \($sa[0][$id]._status), stored in reference"
               elif $ra[0][$id] != $sa[0][$id] then "GET /articles/\($id): analysis differs"
               else empty end]
        | .[]' >"$report" || echo "the comparison itself failed (jq)" >>"$report"
    if [ -s "$report" ]; then
        log "$label: $(wc -l <"$report") differences (full list: $report)"
        head -n 40 "$report" | sed 's/^/    /' >&2
        return 1
    fi
    log "$label: identical ($(jq length "$snap/leaders.json") leaders, every GET /leaders/{id}, timeline, relations and portrayal, $(jq length "$snap/articles.json") articles)"
}

# count_figures REF SNAP: JSON with the counts of a snapshot against the reference:
#   stored (articles GET /articles finds), missing (stored in the reference, not here), contributions (sum over leaders
#   of `articles`), lost (contributions the reference has and this one lacks, per leader), doubled (the reverse),
#   evidence and evidence differences likewise; relation evidence and portrayal articles summed over leaders.
count_figures() {
    jq -n -c --slurpfile r "$1/leaders.json" --slurpfile s "$2/leaders.json" \
        --slurpfile ra "$1/articles.json" --slurpfile sa "$2/articles.json" \
        --slurpfile rb "$1/leader-by-id.json" --slurpfile sb "$2/leader-by-id.json" '
        ($r[0] | map({(.id): .}) | add // {}) as $R | ($s[0] | map({(.id): .}) | add // {}) as $S
        | (($R | keys) + ($S | keys) | unique) as $ids
        | {
            stored: ([$sa[0][] | select(has("_status") | not)] | length),
            missing: ([$ra[0] | to_entries[] | select(.value | has("_status") | not) | .key as $k
                       | select($sa[0][$k] == null or ($sa[0][$k] | has("_status")))] | length),
            contributions: ([$S[].articles] | add // 0),
            reference_contributions: ([$R[].articles] | add // 0),
            lost: ([$ids[] | (($R[.].articles // 0) - ($S[.].articles // 0)) | select(. > 0)] | add // 0),
            doubled: ([$ids[] | (($S[.].articles // 0) - ($R[.].articles // 0)) | select(. > 0)] | add // 0),
            evidence: ([$S[].evidence] | add // 0),
            reference_evidence: ([$R[].evidence] | add // 0),
            evidence_lost: ([$ids[] | (($R[.].evidence // 0) - ($S[.].evidence // 0)) | select(. > 0)] | add // 0),
            evidence_doubled: ([$ids[] | (($S[.].evidence // 0) - ($R[.].evidence // 0)) | select(. > 0)] | add // 0),
            relation_evidence: ([$sb[0][] | (.relations // []) | if type == "array" then .[].evidence else empty end] | add // 0),
            reference_relation_evidence: ([$rb[0][] | (.relations // []) | if type == "array" then .[].evidence else empty end] | add // 0),
            portrayal_articles: ([$sb[0][] | .portrayal.articles // 0] | add // 0),
            reference_portrayal_articles: ([$rb[0][] | .portrayal.articles // 0] | add // 0)
          }'
}
