#!/usr/bin/env bash
# Benchmark of the monitor (vangnet-monitor/1) at growing numbers of synthetic households.
# Not part of the build. Usage: bench/run.sh [SIZES...]   (default: 10000 100000 500000)
# Needs target/vangnet.jar (./mvnw -B package -DskipTests). Uses a fresh embedded PostgreSQL
# in a temporary data directory; appends the figures to bench/results.md and writes the
# query plans (EXPLAIN ANALYZE) next to it.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${*:-10000 100000 500000}"
DATA="$(mktemp -d /tmp/vangnet-bench.XXXXXX)"
OUT=bench/results.md
export VANGNET_DATA_DIR="$DATA"
# benchmarks are not about the second factor (issue 17): the password alone signs in
export VANGNET_SECOND_FACTOR=OPTIONAL
{
  echo
  echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, period 2019-01-01 – 2021-08-31, 9 organisations"
  echo
  echo "| households | population P | runs | median | fastest |"
  echo "| ---: | ---: | ---: | ---: | ---: |"
} >> "$OUT"
have=0
for n in $SIZES; do
  start=$(date +%s)
  java -jar target/vangnet.jar generate --organisations 9 --households $((n - have)) --seed "$n" | tail -1
  echo "generated $((n - have)) households in $(( $(date +%s) - start )) s (including start-up)"
  have=$n
  java -jar target/vangnet.jar bench-monitor --repeat 5 --out "$OUT" --explain | tail -1
done
rm -rf "$DATA"
