#!/usr/bin/env bash
# Lookup benchmark: throughput and latency of GET /api/v1/persons/{idNumber} on the whole bus (HTTP API, Camel
# fan-out, SOAP + JMS + REST/XML to the embedded sandbox departments, H2 shared base, merge, JSON).
#
#   bench/lookup.sh                      (about 3 minutes after the build; never more than about 5)
#
# What it does:
#   1. builds the bus if its jar is missing or older than a source file (LOOKUP_BUILD=always|never to force);
#   2. starts the jar in a temporary directory, sandbox profile (default), API on 127.0.0.1:8080 only, with
#      bus.base.max-age=PT24H so that whatever the cold phase fetched stays warm; waits for /actuator/health UP;
#   3. lists the seed subjects from the sandbox jar inside the bus jar (bench/lookup/SeedSubjects.java);
#   4. runs bench/lookup/LookupLoad.java, a closed-loop Java client (java.net.http, keep-alive, one connection per
#      worker, HdrHistogram latencies, every answer checked: the status and the asked identifier in the body):
#        warm-up 404  unknown valid identity numbers: the JVMs warm up on the three-department path, nothing found
#        warm-up ent  every seed legal entity once (market supervision + tax): found records, upserts, merge
#        cold         every seed person exactly once, never in the base before: read-through to public security
#                     (SOAP), social security (JMS) and tax (REST/XML) in parallel, then three rows upserted;
#                     at concurrency LOOKUP_HIGH, then the last LOOKUP_COLD_LOW persons at LOOKUP_LOW
#        warm         random seed persons, all in the base: one indexed read, merge, JSON; LOOKUP_WARMUP_SECONDS
#                     unrecorded then LOOKUP_WARM_SECONDS measured, at LOOKUP_HIGH then LOOKUP_LOW
#   5. prints the table, stops the bus (always, trap) and removes the temporary directory.
# Traffic goes to 127.0.0.1 only. The bus, its embedded sandbox and the client share the machine's cores.
#
# Settings (environment): LOOKUP_LOW=1 LOOKUP_HIGH=16 LOOKUP_COLD_LOW=300 LOOKUP_WARMUP_SECONDS=5
# LOOKUP_WARM_SECONDS=30 LOOKUP_BUILD=auto LOOKUP_BUS_LOG=<file> (keep the bus's log there) LOOKUP_JAVA_OPTS (bus JVM)
# LOOKUP_BUS_ARGS (bus arguments, e.g. --spring.profiles.active=sandbox,bench --bus.audit.enabled=false).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
. bench/lib/bus-bench.sh

LOW="${LOOKUP_LOW:-1}"
HIGH="${LOOKUP_HIGH:-16}"
COLD_LOW="${LOOKUP_COLD_LOW:-300}"
WARMUP_SECONDS="${LOOKUP_WARMUP_SECONDS:-5}"
WARM_SECONDS="${LOOKUP_WARM_SECONDS:-30}"
BUILD="${LOOKUP_BUILD:-auto}"
UNKNOWN=400
JAR="$BUS_JAR"
BASE="http://127.0.0.1:8080"
# The API, the department listener (mutual TLS) and the embedded sandbox's fixed ports (public security, market,
# tax, admin, social security broker).
PORTS="8080 8091 8092 8093 8099 8443 61617"

build_bus_if_needed "$BUILD" LOOKUP_BUILD

# Tools beyond the JDK: curl (health polling), ss (free ports), lscpu (the machine line); Debian packages.
install_missing_tools curl:curl ss:iproute2 lscpu:util-linux

require_free_ports $PORTS

WORK="$(mktemp -d -t tongban-lookup.XXXXXX)"
BUS_PID=""
CLIENT_PID=""
cleanup() {
  if [ -n "$CLIENT_PID" ]; then kill "$CLIENT_PID" 2>/dev/null || true; fi
  if [ -n "$BUS_PID" ] && kill -0 "$BUS_PID" 2>/dev/null; then
    kill "$BUS_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$BUS_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$BUS_PID" 2>/dev/null || true
  fi
  if [ -n "${LOOKUP_BUS_LOG:-}" ] && [ -f "$WORK/bus.log" ]; then cp "$WORK/bus.log" "$LOOKUP_BUS_LOG"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The client's libraries come out of the bus jar itself: the same sandbox seed, and HdrHistogram (via Micrometer).
mkdir -p "$WORK/lib" "$WORK/bus"
(cd "$WORK/lib" && jar tf "$JAR" | grep -E '^BOOT-INF/lib/(tongban-sandbox|HdrHistogram)-[^/]*\.jar$' \
  | xargs jar xf "$JAR")
SANDBOX_JAR="$(ls "$WORK"/lib/BOOT-INF/lib/tongban-sandbox-*.jar)"
HDR_JAR="$(ls "$WORK"/lib/BOOT-INF/lib/HdrHistogram-*.jar)"
java -cp "$SANDBOX_JAR" bench/lookup/SeedSubjects.java "$WORK/persons.txt" "$WORK/unknown.txt" "$UNKNOWN" \
  "$WORK/entities.txt" >/dev/null

# The platform's rate limit (2,000 requests/s by default) is lifted: the benchmark measures the bus, and answers of 429
# would count as fast errors.
(cd "$WORK/bus" && exec java ${LOOKUP_JAVA_OPTS:-} -Dserver.address=127.0.0.1 -Dbus.base.max-age=PT24H \
  -Dbus.access.rate-limit.consumers.one-window-platform=1000000000 -jar "$JAR" ${LOOKUP_BUS_ARGS:-} \
  >"$WORK/bus.log" 2>&1) &
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
# BUS_PID is the subshell's: with exec it is the JVM itself.
BUS_UP=$((SECONDS - STARTED))
LOG_LINES_AT_UP=$(wc -l <"$WORK/bus.log")

echo "Tongban Bus lookup benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(
  git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' (working tree has uncommitted changes)'),"\
  "jar built $(date -u -r "$JAR" '+%H:%M UTC')"
echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB"
echo "java: $(java -version 2>&1 | sed -n 2p)"
echo "the bus, its embedded sandbox departments and the load client all share these $(nproc) cores;" \
  "bus up in ${BUS_UP} s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plan: warm-up $UNKNOWN unknown persons and $(wc -l <"$WORK/entities.txt") legal entities at c=$HIGH |" \
  "cold: $(($(wc -l <"$WORK/persons.txt") - COLD_LOW)) persons at c=$HIGH, then $COLD_LOW at c=$LOW |" \
  "warm: ${WARMUP_SECONDS} s unrecorded + ${WARM_SECONDS} s at c=$HIGH, then at c=$LOW"
if [ -n "${LOOKUP_BUS_ARGS:-}" ]; then echo "bus arguments: $LOOKUP_BUS_ARGS"; fi
echo
# In the background and waited for, so that a signal to this script runs the cleanup at once.
# The cold phases take about two minutes at most; the warm ones take what they are given, twice.
timeout $((160 + 2 * (WARMUP_SECONDS + WARM_SECONDS))) java -cp "$HDR_JAR" bench/lookup/LookupLoad.java base="$BASE" persons="$WORK/persons.txt" \
  unknown="$WORK/unknown.txt" entities="$WORK/entities.txt" token-file="$WORK/bus/data/demo/platform.token" \
  low="$LOW" high="$HIGH" cold-low="$COLD_LOW" warmup-seconds="$WARMUP_SECONDS" warm-seconds="$WARM_SECONDS" phase-limit-seconds=90 bus-pid="$BUS_PID" &
CLIENT_PID=$!
wait "$CLIENT_PID"
CLIENT_PID=""
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); bus log during the load:" \
  "$(tail -n +$((LOG_LINES_AT_UP + 1)) "$WORK/bus.log" | grep -c ' WARN ' || true) WARN," \
  "$(tail -n +$((LOG_LINES_AT_UP + 1)) "$WORK/bus.log" | grep -c ' ERROR ' || true) ERROR lines"
