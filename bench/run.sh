#!/usr/bin/env bash
# Runs a short configuration of the ctdc benchmarks (several minutes on 2 cores) and rewrites the results
# table of BENCHMARKS.md from that run. Usage:
#   bench/run.sh            the smoke configuration below
#   bench/run.sh REGEX ...  one JMH selection with your own options instead (the table is rewritten from it)
# For full configurations run the jar yourself (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl ctdc-bench -am package -DskipTests
jar=ctdc-bench/target/benchmarks.jar
dir=bench/results/last-run
rm -rf "$dir" && mkdir -p "$dir"
jvm=(java -Xmx2g -jar "$jar")
short=(-f 1 -wi 1 -i 3 -w 1s -r 2s)
run() { local name=$1; shift; "${jvm[@]}" "$@" -rf json -rff "$dir/$name.json" | tail -n 3; }
if [ $# -gt 0 ]; then
  run custom "$@"
else
  run alignment 'AlignmentBenchmark' "${short[@]}"
  run adult 'GeneralisationBenchmark.adult' -p k=5 -p limit=0,0.05 -p metric=PRECISION -f 1 -wi 1 -i 2
  run frequencytable 'FrequencyTableBenchmark' "${short[@]}"
  run ctdclike 'GeneralisationBenchmark.ctdcLike' -p rows=100000,1000000 -f 1 -wi 1 -i 2
  run localsuppression 'LocalSuppressionBenchmark' -f 1
  run verifier 'VerifierBenchmark' -p rows=1000000 -f 1 -wi 1 -i 2
  run risk 'RiskBenchmark.riskOwnValue' -p rows=1000000 -f 1 -wi 1 -i 2
  run tables 'TableSuppressionBenchmark' -p shape=5x5x4,25x20x20 -f 1 -wi 1 -i 2
  run cellkey 'CellKeyTabulationBenchmark' "${short[@]}"
  run audit 'TableAuditBenchmark' -p shape=25x20x20 -p threshold=1 -p secondaries=false -f 1 -wi 1 -i 2
fi
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -n 1), -Xmx2g, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" org.ctdc.bench.ResultsTable BENCHMARKS.md "$machine" "$dir"/*.json
echo "BENCHMARKS.md updated from $dir"
