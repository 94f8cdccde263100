#!/usr/bin/env bash
# Signature benchmark: sign and verify operations per second for SM2/SM3 and ECDSA P-256 (raw and as
# whole detached CMS over a 4 KB document), beside `openssl speed` on the same machine, as a ratio.
#
#   bench/signatures.sh [seconds-per-measurement]      (default 2; a run takes about 1.5 minutes)
#
# Runs offline once Maven dependencies are downloaded. One thread each, like openssl speed without -multi.
# Figures move with the machine's load (printed in the header): compare ratios from the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-2}"

./mvnw -B -q -o -pl security -am install -DskipTests
./mvnw -B -q -o -pl security test-compile
./mvnw -B -q -o -pl security dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
CLASSPATH="security/target/test-classes:security/target/classes:$(cat security/target/bench-classpath.txt)"

# openssl speed prints "... sign/s verify/s" in the last two columns of the algorithm's line; best of
# two runs, as the Java side keeps its best round
speed() {
  for run in 1 2; do
    openssl speed -seconds "$SECONDS_PER_RUN" "$1" 2>/dev/null | grep -E "$2" | tail -1 | awk '{print $(NF-1), $NF}'
  done | awk '{ if ($1 > s) s = $1; if ($2 > v) v = $2 } END { print s, v }'
}
read -r SM2_SIGN SM2_VERIFY < <(speed sm2 'SM2')
read -r EC_SIGN EC_VERIFY < <(speed ecdsap256 'nistp256')

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(openssl version | cut -d' ' -f1-2), $(java -version 2>&1 | head -1)"
java -cp "$CLASSPATH" io.tongban.security.bench.SignatureBenchmark "$SECONDS_PER_RUN" \
  "$SM2_SIGN" "$SM2_VERIFY" "$EC_SIGN" "$EC_VERIFY"
