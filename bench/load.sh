#!/usr/bin/env bash
# Load benchmark (issue 17, item 6; issue 16 extends it): not part of the build.
#
#   ./mvnw -B package -DskipTests
#   bench/load.sh [SECONDS] [ORGANISATIONS]          # defaults: 40 s per run, 8 organisations
#
# Starts target/vangnet.jar on a fresh embedded PostgreSQL in a temporary directory (second
# factor OPTIONAL), and runs bench/LoadClient.java (a small Java load client, started from its
# source: nothing to build or install) against it: 80 professionals, each signed in first with a
# session of its own and with a household of her own; 40 of them think 1-3 s between requests,
# 40 do not. The scenario "write" alternates reading the household through the API (one VIEW
# row in the access trail) and recording a contact moment (the moment and a CREATE row): every
# request appends to the organisation's trail chain, whose head a writer holds until its
# transaction ends. It runs once with the users spread over ORGANISATIONS organisations and
# once with all of them in one, after a short warm-up, and prints p50/p95/p99, requests per
# second and errors of each; the figures are appended to bench/load-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-40}
organisations=${2:-8}
users=${USERS:-80}
jar=${JAR:-target/vangnet.jar}
port=${PORT:-18090}
base="http://127.0.0.1:$port"
data=$(mktemp -d /tmp/vangnet-load.XXXXXX)
admin=bank@load.example
password=een-lang-wachtwoord-voor-de-lasttest
trap 'kill "${pid:-}" 2>/dev/null || true; wait "${pid:-}" 2>/dev/null || true; rm -rf "$data"' EXIT

[ -f "$jar" ] || { echo "no $jar: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
PORT=$port VANGNET_DATA_DIR=$data/data VANGNET_TRAIL_HEAD_FILE=$data/trail-heads.txt \
  VANGNET_SECOND_FACTOR=OPTIONAL VANGNET_ADMIN_EMAIL=$admin VANGNET_ADMIN_PASSWORD=$password \
  java ${JAVA_OPTS:--Xmx1g} -jar "$jar" > "$data/log.txt" 2>&1 &
pid=$!
until curl -fs "$base/actuator/health" 2>/dev/null | grep -q UP; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Vangnet stopped; its log:" >&2
    tail -40 "$data/log.txt" >&2
    exit 1
  fi
  sleep 0.5
done

client() { java bench/LoadClient.java "$base" "$admin" "$password" write "$@"; }
echo "warm-up (8 users, 10 s, not counted)"
client 2 8 10 > /dev/null
results=$(mktemp)
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo '```'
  client "$organisations" "$users" "$seconds"
  client 1 "$users" "$seconds"
  echo '```'
} | tee "$results"
cat "$results" >> bench/load-results.md
rm -f "$results"
