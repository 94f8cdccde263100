#!/usr/bin/env bash
# What H2 itself allows the exchange log (no bus, one thread): 2,000,000 log-shaped rows, each of another subject, in
# durable batches of 500 (what the bus's journal applier commits at once) and of 2,000, with the subject index as the
# bus keeps it (by bucket of 4,096 entries, then the hash's first 8 bytes), as it was kept before V13 (the hash's first
# 8 bytes) and before V11 (the whole hash) and without it, and single-row commits, with the H2 the bus ships (taken
# from its jar).
#   bench/h2-inserts.sh        (about six minutes; needs the bus jar: ./mvnw -B -o install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="routes/target/tongban-routes-0.1.0-SNAPSHOT-exec.jar"
[ -f "$JAR" ] || { echo "no bus jar at $JAR: build it first" >&2; exit 1; }
WORK="$(mktemp -d -t tongban-h2.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && jar xf "$OLDPWD/$JAR" $(jar tf "$OLDPWD/$JAR" | grep -E '^BOOT-INF/lib/h2-[^/]*\.jar$'))
H2_JAR="$(ls "$WORK"/BOOT-INF/lib/h2-*.jar)"
echo "H2 $(basename "$H2_JAR" .jar | sed 's/^h2-//'), $(nproc) cores, under $(dirname "$WORK"), $(date -u '+%Y-%m-%d %H:%M UTC')"
run=0
for args in "500 bucket 2000000" "2000 bucket 2000000" "500 key 2000000" "500 hash 2000000" "500 none 2000000" \
    "1 bucket 5000"; do
  run=$((run + 1))
  java -cp "$H2_JAR" bench/h2/H2InsertCost.java "$WORK/db$run" $args
done
