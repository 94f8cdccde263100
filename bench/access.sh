#!/usr/bin/env bash
# What authentication, field release and the exchange log leave of an endpoint's speed: warm person lookups on the
# whole bus beside a bare Spring Boot endpoint serving the same JSON answer, both started by this script, measured
# side by side in one run (issue 7's yardstick: at least half the bare endpoint's requests per second, and a p99 of
# at most 20 ms at half the bus's saturation rate).
#
#   bench/access.sh                       (about 8 minutes after the build)
#   ACCESS_WARMUP_SECONDS=360 ACCESS_SECONDS=60 bench/access.sh
#
# What it does:
#   1. builds the bus if its jar is missing or older than a source file (ACCESS_BUILD=always|never to force);
#   2. starts the bus jar in a temporary directory with its embedded defaults (sandbox profile, demo tokens), API on
#      127.0.0.1:8080, bus.base.max-age=PT24H (nothing goes stale during the run) and the demo platform's rate limit
#      raised out of the way (one consumer sends all the load here; by default it may send 2,000 requests a second);
#   3. asks the bus for the sandbox's demo person and starts bench/access/BareEndpoint.java on 127.0.0.1:8081 with
#      that answer, on the bus jar's own libraries (Spring Boot, Tomcat, Spring MVC, Jackson: same versions);
#   4. runs bench/access/SideBySide.java (its header says how: prime, warm-up, saturation bus/bare/bare/bus at
#      ACCESS_CONCURRENCY closed-loop connections, then an open loop at half the bus's saturation rate on each);
#   5. prints the table and the two verdicts, then stops both processes (always, trap) and removes the directory.
# Every request carries the demo platform token and Tongban-Purpose: residence-permit, to both sides alike.
# Traffic goes to 127.0.0.1 only; the bus (with its sandbox), the bare endpoint and the client share the cores.
#
# Settings (environment): ACCESS_CONCURRENCY=16 ACCESS_SECONDS=30 ACCESS_WARMUP_SECONDS=240 ACCESS_BUILD=auto
# ACCESS_JAVA_OPTS (both JVMs) ACCESS_BUS_ARGS (extra bus arguments) ACCESS_BUS_LOG=<file> (keep the bus's log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
. bench/lib/bus-bench.sh

CONCURRENCY="${ACCESS_CONCURRENCY:-16}"
SECONDS_EACH="${ACCESS_SECONDS:-30}"
WARMUP="${ACCESS_WARMUP_SECONDS:-240}"
BUILD="${ACCESS_BUILD:-auto}"
JAR="$BUS_JAR"
BUS="http://127.0.0.1:8080"
BARE="http://127.0.0.1:8081"
PORTS="8080 8081 8091 8092 8093 8099 8443 61617"

build_bus_if_needed "$BUILD" ACCESS_BUILD
install_missing_tools curl:curl ss:iproute2 lscpu:util-linux
require_free_ports $PORTS

WORK="$(mktemp -d -t tongban-access.XXXXXX)"
PIDS=""
cleanup() {
  for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
  for pid in $PIDS; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ -n "${ACCESS_BUS_LOG:-}" ] && [ -f "$WORK/bus.log" ]; then cp "$WORK/bus.log" "$ACCESS_BUS_LOG"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK/bus" "$WORK/bare"
(cd "$WORK" && jar xf "$JAR" BOOT-INF/lib)
LIB="$WORK/BOOT-INF/lib"
java -cp "$(ls "$LIB"/tongban-sandbox-*.jar)" bench/lookup/SeedSubjects.java "$WORK/persons.txt" "$WORK/unknown.txt" 1 \
  "$WORK/entities.txt" >/dev/null

(cd "$WORK/bus" && exec java ${ACCESS_JAVA_OPTS:-} -Dserver.address=127.0.0.1 -Dbus.base.max-age=PT24H -jar "$JAR" \
  --bus.access.rate-limit.consumers.one-window-platform=1000000000 ${ACCESS_BUS_ARGS:-} >"$WORK/bus.log" 2>&1) &
BUS_PID=$!
PIDS="$BUS_PID"
STARTED=$SECONDS
until curl -fs "$BUS/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  if ! kill -0 "$BUS_PID" 2>/dev/null || [ $((SECONDS - STARTED)) -gt 120 ]; then
    echo "the bus did not come up within 120 s; last lines of its log:" >&2
    tail -30 "$WORK/bus.log" >&2
    exit 1
  fi
  sleep 0.5
done
TOKEN="$WORK/bus/data/demo/platform.token"
curl -fs -H "Authorization: Bearer $(cat "$TOKEN")" -H 'Tongban-Purpose: residence-permit' \
  "$BUS/api/v1/$(head -1 "$WORK/persons.txt")" >"$WORK/answer.json"

javac -q -parameters -cp "$LIB/*" -d "$WORK/bare/classes" bench/access/BareEndpoint.java 2>/dev/null \
  || javac -parameters -cp "$LIB/*" -d "$WORK/bare/classes" bench/access/BareEndpoint.java
(cd "$WORK/bare" && exec java ${ACCESS_JAVA_OPTS:-} -Danswer="$WORK/answer.json" -cp "$WORK/bare/classes:$LIB/*" \
  BareEndpoint --server.port=8081 --server.address=127.0.0.1 >"$WORK/bare.log" 2>&1) &
BARE_PID=$!
PIDS="$PIDS $BARE_PID"
until curl -fs -o /dev/null "$BARE/api/v1/$(head -1 "$WORK/persons.txt")"; do
  if ! kill -0 "$BARE_PID" 2>/dev/null || [ $((SECONDS - STARTED)) -gt 180 ]; then
    echo "the bare endpoint did not come up; last lines of its log:" >&2
    tail -30 "$WORK/bare.log" >&2
    exit 1
  fi
  sleep 0.5
done

echo "Tongban Bus access benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(
  git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' (working tree has uncommitted changes)')"
echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB;" \
  "java: $(java -version 2>&1 | sed -n 2p)"
echo "the bus (with its sandbox), the bare endpoint and this client share the cores; answer $(wc -c <"$WORK/answer.json") bytes;" \
  "$(wc -l <"$WORK/persons.txt") seed persons"
echo
timeout $((WARMUP + 12 * SECONDS_EACH + 300)) java -cp "$(ls "$LIB"/HdrHistogram-*.jar)" bench/access/SideBySide.java \
  bus="$BUS" bare="$BARE" persons="$WORK/persons.txt" token-file="$TOKEN" concurrency="$CONCURRENCY" \
  seconds="$SECONDS_EACH" warmup-seconds="$WARMUP" bus-pid="$BUS_PID" bare-pid="$BARE_PID" &
CLIENT=$!
PIDS="$PIDS $CLIENT"
wait "$CLIENT"
echo "latencies in ms; bus, bare = CPU cores used on average by each process (the bus with its embedded sandbox)"
echo "bus log during the run: $(grep -c ' WARN ' "$WORK/bus.log" || true) WARN, $(grep -c ' ERROR ' "$WORK/bus.log" || true) ERROR lines"
