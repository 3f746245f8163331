#!/usr/bin/env bash
# Start-up time of a Vangnet jar (issue 11, item 6): not part of the build.
#
#   bench/startup.sh [JAR] [ROUNDS]
#
# Starts the jar on a fresh data directory once (the first start creates the cluster and runs
# every migration), then ROUNDS times more on the same directory, and prints per start the
# seconds until /actuator/health answers UP, as measured from outside the JVM. Compare two
# jars by running it for each on the same quiet machine.
set -euo pipefail

jar=${1:-target/vangnet.jar}
rounds=${2:-5}
port=${PORT:-18080}
data=$(mktemp -d /tmp/vangnet-startup.XXXXXX)
trap 'kill "${pid:-}" 2>/dev/null || true; wait "${pid:-}" 2>/dev/null || true; rm -rf "$data"' EXIT

start() {
  local begin end
  begin=$(date +%s.%N)
  PORT=$port VANGNET_DATA_DIR=$data VANGNET_SECOND_FACTOR=OPTIONAL java -jar "$jar" > "$data/log.txt" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Vangnet stopped; its log:" >&2
      tail -40 "$data/log.txt" >&2
      exit 1
    fi
    sleep 0.1
  done
  end=$(date +%s.%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  echo "$end - $begin" | bc
}

echo "jar $jar ($(du -m "$jar" | cut -f1) MB)"
echo "first start (new cluster, all migrations): $(start) s"
for i in $(seq 1 "$rounds"); do
  echo "start $i: $(start) s"
done
