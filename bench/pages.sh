#!/usr/bin/env bash
# Page benchmark at city scale (issue 16, item 3): not part of the build.
#
#   ./mvnw -B package -DskipTests
#   bench/pages.sh [SMALL] [LARGE] [RUNS]       # defaults: 1000 100000 8
#
# On a fresh embedded PostgreSQL in a temporary directory it generates two organisations of
# synthetic households, SMALL and LARGE of them, each with caseloads (generate --password:
# a coordinator, professionals with 30 running families each, a monthly rhythm per running
# trajectory, 20 contact moments and 50 access-trail rows per household), starts Vangnet on
# it and prints the median of every page for both organisations and their ratio (goal: at
# most 1.5): a page should cost what it shows, not what the organisation holds. The table is
# appended to bench/pages-results.md. MOMENTS and TRAIL set the rows per household.
# Then 40 professionals of the large organisation (USERS) read their families' pages for
# LOAD_SECONDS (40) each run, once all with a think time of 1-3 s and once all without
# (goal with think time: p95 under 200 ms, 0 errors), after WARMUP (20) seconds not counted
# without think time (the JIT compiles the pages then); each thinking user also thinks before
# her first request. Then the heap the application holds
# after a full garbage collection is printed (JAVA_OPTS, default -Xmx512m).
# KEEP=DIR keeps the generated database in DIR, and a later run with the same KEEP measures
# it again without generating (generating 100,000 households takes about 8 minutes).
# ONLY=pages measures only the page medians, ONLY=load only the load (both by default).
set -euo pipefail
cd "$(dirname "$0")/.."

small=${1:-1000}
large=${2:-100000}
runs=${3:-8}
jar=${JAR:-target/vangnet.jar}
port=${PORT:-18091}
base="http://127.0.0.1:$port"
password=een-lang-wachtwoord-voor-de-paginabank
if [ -n "${KEEP:-}" ]; then
  data=$KEEP; mkdir -p "$data"
  trap 'kill "${pid:-}" 2>/dev/null || true; wait "${pid:-}" 2>/dev/null || true' EXIT
else
  data=$(mktemp -d /tmp/vangnet-pages.XXXXXX)
  trap 'kill "${pid:-}" 2>/dev/null || true; wait "${pid:-}" 2>/dev/null || true; rm -rf "$data"' EXIT
fi

[ -f "$jar" ] || { echo "no $jar: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
export VANGNET_DATA_DIR=$data/data VANGNET_TRAIL_HEAD_FILE=$data/trail-heads.txt VANGNET_SECOND_FACTOR=OPTIONAL

generate() {
  local n=$1 started out
  started=$(date +%s)
  out=$(java -jar "$jar" generate --organisations 1 --households "$n" --seed "$n" --password "$password" \
    --moments "${MOMENTS:-20}" --trail "${TRAIL:-50}" | grep -E '^(Generated|Caseloads)')
  echo "$out" | sed 's/: .*@.*//' >&2
  echo "generated $n households with caseloads in $(( $(date +%s) - started )) s" >&2
  echo "$out" | sed -n 's/^Generated .*(\(.*\)) in .*/\1/p'
}
if [ -f "$data/codes" ]; then
  read -r small_code small large_code large < "$data/codes"
  echo "measuring the households generated before in $data" >&2
else
  small_code=$(generate "$small")
  large_code=$(generate "$large")
  echo "$small_code $small $large_code $large" > "$data/codes"
fi

PORT=$port java ${JAVA_OPTS:--Xmx512m} -jar "$jar" > "$data/log.txt" 2>&1 &
pid=$!
until curl -fs "$base/actuator/health" 2>/dev/null | grep -q UP; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Vangnet stopped; its log:" >&2
    tail -40 "$data/log.txt" >&2
    exit 1
  fi
  sleep 0.5
done

results=$(mktemp)
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${JAVA_OPTS:--Xmx512m}"
  echo
  if [ "${ONLY:-}" != load ]; then
    java bench/LoadClient.java "$base" pages "$password" "$small_code:$small" "$large_code:$large" "$runs"
    echo
  fi
  if [ "${ONLY:-}" != pages ]; then
    echo "| load on the $large households | requests/s | p50 | p95 | p99 | errors |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    java bench/LoadClient.java "$base" city "$password" "$large_code" "${USERS:-40}" "${LOAD_SECONDS:-40}" \
      "${WARMUP:-20}"
    echo
  fi
  jcmd "$pid" GC.run > /dev/null
  echo "heap after a full GC: $(jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | sed 's/used //')"
} | tee "$results"
cat "$results" >> bench/pages-results.md
rm -f "$results"
