#!/usr/bin/env bash
# What the exchange log costs a lookup: bench/lookup.sh with the log on and with it off, one after the other in one
# run, then its phases side by side (req/s and p99 with the log on, off, and their ratio).
#
#   bench/audit-overhead.sh              (about 13 minutes after the build; AUDIT_OVERHEAD_ROUNDS=2 doubles it)
#   flock /tmp/tongban-maven.lock bench/audit-overhead.sh
#
# Both runs use the same jar (built at most once, before the first run) and the same profiles (sandbox,bench); the
# only difference is --bus.audit.enabled=false, which the bus accepts only under the bench profile. Every lookup.sh
# setting (LOOKUP_WARM_SECONDS, LOOKUP_HIGH, ...) applies to both runs. With AUDIT_OVERHEAD_ROUNDS=N the runs go
# on, off, off, on, on, off, ... (so that a drift of the machine over the run weighs on both sides alike) and the
# comparison shows the mean of each side's N figures. Each run's own table is printed as it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS="${AUDIT_OVERHEAD_ROUNDS:-1}"
# Three minutes of warm load before the warm phases count: with lookup.sh's own 5 s both sides are still compiling, and
# the ratio read 0.83 where the settled JIT gives 0.72.
export LOOKUP_WARMUP_SECONDS="${LOOKUP_WARMUP_SECONDS:-180}"
PROFILES="--spring.profiles.active=sandbox,bench"
WORK="$(mktemp -d -t tongban-audit-overhead.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

run=0
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="on off"; else order="off on"; fi
  for log in $order; do
    run=$((run + 1))
    args="$PROFILES"
    [ "$log" = off ] && args="$args --bus.audit.enabled=false"
    echo "=== run $run: exchange log $log"
    # The first run builds if needed; the later ones must run that same jar, whatever others edit meanwhile.
    build="${LOOKUP_BUILD:-auto}"
    [ "$run" -gt 1 ] && build=never
    LOOKUP_BUILD="$build" LOOKUP_BUS_ARGS="$args" bench/lookup.sh | tee "$WORK/run-$run-$log.txt"
    echo
  done
done

# The table rows of lookup.sh, read from the right (a phase name may hold a space): phase, conc, then the figures.
awk -v rounds="$ROUNDS" '
  FNR == 1 { side = FILENAME; sub(/.*-/, "", side); sub(/\.txt$/, "", side); row = 0; table = 0 }
  /^phase +conc +requests/ { table = 1; next }
  table && /^latencies in ms/ { table = 0 }
  table && NF >= 14 {
    row++
    phase = $1; for (i = 2; i <= NF - 13; i++) phase = phase " " $i
    name[row] = phase; conc[row] = $(NF - 12)
    rps[row, side] += $(NF - 7) / rounds; p99[row, side] += $(NF - 4) / rounds
    errors[row, side] += $(NF - 10) + $(NF - 9)
    rows = row
  }
  END {
    format = "%-12s %4s %9s %9s %6s %8s %8s %6s %13s\n"
    printf format, "phase", "conc", "req/s on", "req/s off", "ratio", "p99 on", "p99 off", "ratio", "errors on/off"
    for (r = 1; r <= rows; r++) {
      printf format, name[r], conc[r], sprintf("%.0f", rps[r, "on"]), sprintf("%.0f", rps[r, "off"]),
        (rps[r, "off"] > 0 ? sprintf("%.2f", rps[r, "on"] / rps[r, "off"]) : "-"),
        sprintf("%.2f", p99[r, "on"]), sprintf("%.2f", p99[r, "off"]),
        (p99[r, "off"] > 0 ? sprintf("%.2f", p99[r, "on"] / p99[r, "off"]) : "-"),
        errors[r, "on"] "/" errors[r, "off"]
    }
  }' "$WORK"/run-*.txt | { echo "=== exchange log on against off ($ROUNDS round(s); p99 in ms; ratio = on / off;" \
    "errors include degraded answers)"; cat; }
