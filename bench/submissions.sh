#!/usr/bin/env bash
# Submissions benchmark: applications accepted by POST /api/v1/submissions and processed in parallel by the four
# embedded sandbox departments, end to end (intake, outbox, relay, durable Artemis queues, connectors over SOAP,
# REST/JSON, REST/XML and JMS, the departments' decisions back, guarded updates, e-licences signed, exchange log).
#
#   bench/submissions.sh                 (about 5 minutes after the build)
#
# What it does:
#   1. builds the bus if its jar is missing or older than a source file (SUBMISSIONS_BUILD=always|never to force);
#   2. starts the jar in a temporary directory on its embedded defaults (sandbox profile: H2 file database,
#      embedded Artemis, the sandbox departments in the same JVM), API on 127.0.0.1:8080, the departments deciding
#      SUBMISSIONS_DECISION_DELAY after receiving (PT0.2S); waits for /actuator/health UP;
#   3. runs bench/submissions/SubmissionLoad.java: half company establishments (market supervision, tax, social
#      security, a business licence), half residence permits (public security, a residence permit):
#        warm-up      SUBMISSIONS_WARMUP applications, closed loop, until every decision is applied
#        saturation   SUBMISSIONS_COUNT applications from SUBMISSIONS_CLIENTS workers: the intake rate and latency,
#                     the end-to-end rate (first intake to the last department decision applied, from the bus's
#                     decisions metric) and the accepted-to-completed time of ~200 sampled submissions
#        half rate    an open loop at half the end-to-end rate for SUBMISSIONS_RATE_SECONDS: intake latency from
#                     each request's scheduled start
#   4. prints the table, stops the bus (always, trap) and removes the temporary directory.
# Traffic goes to 127.0.0.1 only. The bus, its embedded sandbox and the client share the machine's cores.
#
# Settings (environment): SUBMISSIONS_CLIENTS=32 SUBMISSIONS_COUNT=6000 SUBMISSIONS_WARMUP=8000
# SUBMISSIONS_RATE_SECONDS=30 SUBMISSIONS_DECISION_DELAY=PT0.2S SUBMISSIONS_BUILD=auto SUBMISSIONS_BUS_LOG=<file>
# SUBMISSIONS_JAVA_OPTS (bus JVM) SUBMISSIONS_BUS_ARGS (bus arguments).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/bus-bench.sh

CLIENTS="${SUBMISSIONS_CLIENTS:-32}"
COUNT="${SUBMISSIONS_COUNT:-6000}"
WARMUP="${SUBMISSIONS_WARMUP:-8000}"
RATE_SECONDS="${SUBMISSIONS_RATE_SECONDS:-30}"
DECISION_DELAY="${SUBMISSIONS_DECISION_DELAY:-PT0.2S}"
BASE="http://127.0.0.1:8080"
PORTS="8080 8091 8092 8093 8099 8443 61617"

build_bus_if_needed "${SUBMISSIONS_BUILD:-auto}" SUBMISSIONS_BUILD
install_missing_tools curl:curl ss:iproute2 lscpu:util-linux
require_free_ports $PORTS

WORK="$(mktemp -d -t tongban-submissions.XXXXXX)"
BUS_PID=""
CLIENT_PID=""
cleanup() {
  if [ -n "$CLIENT_PID" ]; then kill "$CLIENT_PID" 2>/dev/null || true; fi
  if [ -n "$BUS_PID" ] && kill -0 "$BUS_PID" 2>/dev/null; then
    kill "$BUS_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$BUS_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$BUS_PID" 2>/dev/null || true
  fi
  if [ -n "${SUBMISSIONS_BUS_LOG:-}" ] && [ -f "$WORK/bus.log" ]; then cp "$WORK/bus.log" "$SUBMISSIONS_BUS_LOG"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK/lib" "$WORK/bus"
(cd "$WORK/lib" && jar tf "$BUS_JAR" | grep -E '^BOOT-INF/lib/HdrHistogram-[^/]*\.jar$' | xargs jar xf "$BUS_JAR")
HDR_JAR="$(ls "$WORK"/lib/BOOT-INF/lib/HdrHistogram-*.jar)"

(cd "$WORK/bus" && exec java ${SUBMISSIONS_JAVA_OPTS:-} -Dserver.address=127.0.0.1 \
  -jar "$BUS_JAR" --bus.sandbox.decision-delay="$DECISION_DELAY" ${SUBMISSIONS_BUS_ARGS:-} >"$WORK/bus.log" 2>&1) &
BUS_PID=$!
STARTED=$SECONDS
until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  if ! kill -0 "$BUS_PID" 2>/dev/null || [ $((SECONDS - STARTED)) -gt 120 ]; then
    echo "the bus did not come up within 120 s; last lines of its log:" >&2
    tail -30 "$WORK/bus.log" >&2
    exit 1
  fi
  sleep 0.5
done
LOG_LINES_AT_UP=$(wc -l <"$WORK/bus.log")

echo "Tongban Bus submissions benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(
  git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' (working tree has uncommitted changes)')"
echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB"
echo "java: $(java -version 2>&1 | sed -n 2p)"
echo "the bus, its embedded sandbox departments and the load client share these $(nproc) cores;" \
  "bus up in $((SECONDS - STARTED)) s; departments decide $DECISION_DELAY after receiving"
echo "plan: warm-up $WARMUP, saturation $COUNT applications at c=$CLIENTS, then ${RATE_SECONDS} s at half the end-to-end rate"
echo
timeout 900 java -cp "$HDR_JAR" bench/submissions/SubmissionLoad.java base="$BASE" \
  token-file="$WORK/bus/data/demo/platform.token" admin-token-file="$WORK/bus/data/demo/admin.token" \
  clients="$CLIENTS" count="$COUNT" warmup="$WARMUP" rate-seconds="$RATE_SECONDS" &
CLIENT_PID=$!
wait "$CLIENT_PID"
CLIENT_PID=""
echo
echo "bus log during the load: $(tail -n +$((LOG_LINES_AT_UP + 1)) "$WORK/bus.log" | grep -c ' WARN ' || true) WARN," \
  "$(tail -n +$((LOG_LINES_AT_UP + 1)) "$WORK/bus.log" | grep -c ' ERROR ' || true) ERROR lines"
