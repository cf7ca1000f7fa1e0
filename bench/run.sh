#!/usr/bin/env bash
# Runs a short configuration of every ctdc benchmark (a few minutes on 2 cores) and rewrites the results
# table of BENCHMARKS.md from the run. Usage: bench/run.sh [JMH regex] [extra JMH options...]
# For the full configuration run the jar yourself (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl ctdc-bench -am package -DskipTests
filter="${1:-.}"
shift || true
out=bench/results/latest.json
mkdir -p bench/results
java -Xmx2g -jar ctdc-bench/target/benchmarks.jar "$filter" -f 1 -wi 1 -i 3 -w 1s -r 2s -rf json -rff "$out" "$@"
machine="$(nproc) cores, $(java -version 2>&1 | head -n 1), -Xmx2g, $(uname -sm)"
java -cp ctdc-bench/target/benchmarks.jar org.ctdc.bench.ResultsTable "$out" BENCHMARKS.md "$machine"
echo "BENCHMARKS.md updated from $out"
