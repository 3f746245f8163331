#!/usr/bin/env bash
# Benchmark of the monitor (vangnet-monitor/1) at growing numbers of synthetic households, with
# DuckDB counting the same tables from the same rows beside it (issue 16, item 2).
# Not part of the build. Usage: bench/run.sh [SIZES...]   (default: 10000 100000 500000)
# Needs target/vangnet.jar (./mvnw -B package -DskipTests). Uses a fresh embedded PostgreSQL
# in a temporary data directory; appends the figures to bench/results.md and writes the
# query plans (EXPLAIN ANALYZE) next to it.
# DuckDB: duckdb_jdbc (about 80 MB, from Maven Central) is copied to target/bench-lib, never
# into the application's jar. At each size `bench-monitor --export` writes the rows the monitor
# counts from as CSV files and Vangnet's result rows; bench/MonitorDuckDB.java loads the rows
# into DuckDB (not timed), counts the same statements, checks that every row equals Vangnet's
# and prints its median. DUCKDB=0 leaves DuckDB out.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${*:-10000 100000 500000}"
DATA="$(mktemp -d /tmp/vangnet-bench.XXXXXX)"
OUT=bench/results.md
DUCKDB_VERSION=1.4.4.0
export VANGNET_DATA_DIR="$DATA"
# benchmarks are not about the second factor (issue 17): the password alone signs in
export VANGNET_SECOND_FACTOR=OPTIONAL
duck=""
if [ "${DUCKDB:-1}" != 0 ]; then
  duck=target/bench-lib/duckdb_jdbc-$DUCKDB_VERSION.jar
  [ -f "$duck" ] || ./mvnw -q -B dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:$DUCKDB_VERSION \
    -DoutputDirectory=target/bench-lib
fi
{
  echo
  echo "### $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), period 2019-01-01 – 2021-08-31, 9 organisations"
  echo
  if [ -n "$duck" ]; then
    echo "| households | population P | runs | median | fastest | DuckDB median | DuckDB fastest | ratio (medians) | same rows |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  else
    echo "| households | population P | runs | median | fastest |"
    echo "| ---: | ---: | ---: | ---: | ---: |"
  fi
} >> "$OUT"
have=0
per_statement=""
for n in $SIZES; do
  start=$(date +%s)
  java -jar target/vangnet.jar generate --organisations 9 --households $((n - have)) --seed "$n" | tail -1
  echo "generated $((n - have)) households in $(( $(date +%s) - start )) s (including start-up)"
  have=$n
  if [ -z "$duck" ]; then
    java -jar target/vangnet.jar bench-monitor --repeat 5 --out "$OUT" --explain | tail -1
    continue
  fi
  rm -rf "$DATA/export"
  LOGGING_LEVEL_NL_VANGNET_MONITOR=DEBUG java -jar target/vangnet.jar bench-monitor --repeat 5 \
    --out "$DATA/line.md" --explain --export "$DATA/export" > "$DATA/bench.log"
  line=$(grep '^| ' "$DATA/bench.log" | tail -1)
  # the last run's statements as each connection counted them (names and milliseconds only)
  timings=$(grep -o 'counted on one connection.*' "$DATA/bench.log" | tail -"${VANGNET_MONITOR_CONNECTIONS:-2}")
  echo "$timings"
  per_statement="$per_statement
- $n households, Vangnet's last run, per connection: $(echo "$timings" | sed 's/.*(ms)://' | paste -sd'|' | sed 's/|/; /g')"
  for f in "$DATA"/line.md.plans-*.txt; do [ -e "$f" ] && mv "$f" "bench/results.md.plans-${f##*plans-}"; done
  java -cp "$duck" bench/MonitorDuckDB.java "$DATA/export" 5 3 | tee /dev/stderr > "$DATA/duck.log"
  ducked=$(grep '^duckdb median' "$DATA/duck.log")
  per_statement="$per_statement
- $n households, DuckDB's last run: $(grep -o 'per statement (ms): .*' "$DATA/duck.log" | sed 's/per statement (ms): //')"
  vangnet_ms=$(echo "$line" | awk -F'|' '{gsub(/[ ms]/, "", $5); print $5}')
  duck_ms=$(echo "$ducked" | awk '{print $3}')
  duck_fast=$(echo "$ducked" | awk '{print $6}')
  differing=$(echo "$ducked" | awk '{print $NF}')
  same=$([ "$differing" = 0 ] && echo yes || echo "no ($differing statements differ)")
  ratio=$(awk -v a="$vangnet_ms" -v b="$duck_ms" 'BEGIN { printf "%.2f", a / b }')
  row="${line%|}| $duck_ms ms | $duck_fast ms | $ratio | $same |"
  echo "$row"
  echo "$row" >> "$OUT"
done
if [ -n "$per_statement" ]; then
  printf '\nEach statement in milliseconds (with P, filled on each connection):\n%s\n' "$per_statement" >> "$OUT"
fi
rm -rf "$DATA"
