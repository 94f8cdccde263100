#!/usr/bin/env bash
# Exchange-log benchmark: durable appends through ExchangeLog.record, checkpoint lag, verification of the whole tree
# and proof latency, on a whole bus (embedded H2 by default; PostgreSQL too when one is given or asked for).
#
#   bench/audit.sh                       (about 4 minutes per database after the build)
#   flock /tmp/tongban-maven.lock bench/audit.sh     (so that no build of someone else's runs meanwhile)
#
# What it does:
#   1. builds the bus if its jar is missing or older than a source file (AUDIT_BUILD=always|never to force);
#   2. extracts the jar (Spring Boot's jarmode tools) into a temporary directory, so that bench/audit/AuditBench.java
#      runs as single-file Java with the bus on its classpath and starts the bus inside its own JVM: it needs the
#      ExchangeLog bean to call record() the way every exchange does, and the HTTP API for proofs and verification;
#   3. runs AuditBench against the bus's default database: H2 file database (WRITE_DELAY=0) in the temporary
#      directory, default profile (sandbox), API on 127.0.0.1:8080 only:
#        appends       AUDIT_THREADS producer threads (16, 64, 256), each calling record() with one ~780-byte
#                      lookup-like entry and waiting until it is committed: AUDIT_WARMUP_SECONDS (10) unrecorded (30
#                      before the first count, while the JIT compiles the bus), then AUDIT_SECONDS (20) measured;
#                      throughput, record() latency, CPU and bytes written per append
#        lag           during the measured appends: one sample entry every 20 ms, and the time from its record()
#                      returning to the head row showing a signed checkpoint that covers it (polled every 5 ms)
#        top-up        the log filled to AUDIT_TREE_SIZE entries (1,000,000) in batches, then a checkpoint awaited
#        verification  GET /api/v1/audit/verification twice (the first one warms the JIT), entries per second
#        proofs        GET /api/v1/audit/proofs/inclusion and /consistency for random indexes and sizes over the whole
#                      tree, one at a time: 500 unrecorded, then AUDIT_PROOFS (2000) of each; every proof verified;
#                      and GET /api/v1/audit/checkpoint as a baseline (what any logged API request costs here);
#                      from a client in a JVM of its own (bench/audit/ProofClient.java), so that its work shares
#                      neither the bus's heap nor its threads
#   4. the same against PostgreSQL when BENCH_POSTGRES_URL, BENCH_POSTGRES_USER and BENCH_POSTGRES_PASSWORD are set
#      (an empty, throw-away database: the log's triggers keep what it appends), or with AUDIT_POSTGRES=throwaway,
#      which starts a throw-away server on 127.0.0.1 with .ci/postgres.sh and removes it afterwards;
#   5. stops the bus (always, trap) and removes the temporary directory (and the throw-away server).
# The bus, the benchmark's threads (same JVM) and PostgreSQL, if any, share the machine's cores.
#
# Settings (environment): AUDIT_THREADS=16,64,256 AUDIT_WARMUP_SECONDS=10 AUDIT_SECONDS=20 AUDIT_TREE_SIZE=1000000
# AUDIT_PROOFS=2000 AUDIT_BUILD=auto AUDIT_DATABASES (h2, plus postgres when configured; "postgres" alone skips H2)
# AUDIT_BUS_LOG=<prefix> (keep the bus's log as <prefix>-h2.log, <prefix>-postgres.log) AUDIT_JAVA_OPTS (the JVM).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
. bench/lib/bus-bench.sh

THREADS="${AUDIT_THREADS:-16,64,256}"
WARMUP_SECONDS="${AUDIT_WARMUP_SECONDS:-10}"
PHASE_SECONDS="${AUDIT_SECONDS:-20}"
TREE_SIZE="${AUDIT_TREE_SIZE:-1000000}"
PROOFS="${AUDIT_PROOFS:-2000}"
BUILD="${AUDIT_BUILD:-auto}"
JAR="$BUS_JAR"
# The API, the department listener (mutual TLS) and the embedded sandbox's fixed ports (public security, market,
# tax, admin, social security broker).
PORTS="8080 8091 8092 8093 8099 8443 61617"

if [ -n "${BENCH_POSTGRES_URL:-}" ] || [ "${AUDIT_POSTGRES:-}" = throwaway ]; then
  DATABASES="${AUDIT_DATABASES:-h2 postgres}"
else
  DATABASES="${AUDIT_DATABASES:-h2}"
fi

build_bus_if_needed "$BUILD" AUDIT_BUILD

# Tools beyond the JDK: ss (free ports), lscpu (the machine line); Debian packages.
install_missing_tools ss:iproute2 lscpu:util-linux

require_free_ports $PORTS

WORK="$(mktemp -d -t tongban-audit.XXXXXX)"
BENCH_PID=""
cleanup() {
  if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
    kill "$BENCH_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$BENCH_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$BENCH_PID" 2>/dev/null || true
  fi
  if declare -F stop_postgres >/dev/null; then stop_postgres; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The bus as a plain classpath: its own jar (whose manifest names the libraries) beside lib/.
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"

echo "Tongban Bus exchange-log benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(
  git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' (working tree has uncommitted changes)'),"\
  "jar built $(date -u -r "$JAR" '+%H:%M UTC')"
echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB"
echo "java: $(java -version 2>&1 | sed -n 2p)"
echo "plan: appends at $THREADS threads (${WARMUP_SECONDS} s unrecorded + ${PHASE_SECONDS} s each) with checkpoint" \
  "lag sampled | top-up to $TREE_SIZE entries | verification x2 | $PROOFS inclusion and $PROOFS consistency proofs" \
  "and $PROOFS checkpoint reads"

STATUS=0
for database in $DATABASES; do
  mkdir -p "$WORK/$database"
  # The database is given through Spring Boot's environment variables, so that no password shows in ps.
  env=()
  if [ "$database" = postgres ]; then
    if [ -z "${BENCH_POSTGRES_URL:-}" ]; then
      # shellcheck source=../.ci/postgres.sh
      source "$ROOT/.ci/postgres.sh"
      start_postgres
      BENCH_POSTGRES_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/tongban" BENCH_POSTGRES_USER=tongban
      BENCH_POSTGRES_PASSWORD=tongban
    fi
    env=(SPRING_DATASOURCE_URL="$BENCH_POSTGRES_URL" SPRING_DATASOURCE_USERNAME="${BENCH_POSTGRES_USER:-}"
      SPRING_DATASOURCE_PASSWORD="${BENCH_POSTGRES_PASSWORD:-}")
    label="PostgreSQL, ${BENCH_POSTGRES_URL%%\?*}"
  else
    label="H2 file database with WRITE_DELAY=0, under $(dirname "$WORK")"
  fi
  echo
  echo "=== $database; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  # In the background and waited for, so that a signal to this script runs the cleanup at once.
  (cd "$WORK/$database" && exec env "${env[@]}" timeout 1200 java ${AUDIT_JAVA_OPTS:-} -cp "$APP_JAR" \
    "$ROOT/bench/audit/AuditBench.java" label="$label" threads="$THREADS" warmup-seconds="$WARMUP_SECONDS" \
    seconds="$PHASE_SECONDS" tree-size="$TREE_SIZE" proofs="$PROOFS" proof-client="$ROOT/bench/audit/ProofClient.java" -- \
    --spring.profiles.default=sandbox --bus.data-dir="$WORK/$database/data" --server.address=127.0.0.1 --spring.main.banner-mode=off \
    --logging.file.name="$WORK/$database/bus.log" --logging.pattern.console=) &
  BENCH_PID=$!
  wait "$BENCH_PID" || STATUS=$?
  BENCH_PID=""
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); bus log:" \
    "$(grep -c ' WARN ' "$WORK/$database/bus.log" || true) WARN, $(grep -c ' ERROR ' "$WORK/$database/bus.log" || true) ERROR lines"
  if [ -n "${AUDIT_BUS_LOG:-}" ]; then cp "$WORK/$database/bus.log" "$AUDIT_BUS_LOG-$database.log"; fi
  if [ "$database" = postgres ] && declare -F stop_postgres >/dev/null; then stop_postgres; fi
done
exit "$STATUS"
