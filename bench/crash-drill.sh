#!/usr/bin/env bash
# Crash drill of the embedded PostgreSQL (issue 12). Not part of the build.
#
# Starts Vangnet on a fresh data directory, runs a write load through the JSON API from several
# clients (households, contact moments, debts), records every id that was acknowledged with
# 201, then kill -9's postgres (round 1), java (round 2) and both at once (round 3). After each
# kill Vangnet comes back (round 1: its watchdog restarts postgres; rounds 2 and 3: the drill
# starts java once, and that first start must succeed), and every acknowledged write is looked
# up through the API:
#   lost        acknowledged, but not there
#   half-saved  there, but not as it was sent (a member, the note, the creditor or amount missing)
#
# Usage: bench/crash-drill.sh [SECONDS_OF_LOAD_PER_ROUND] [CLIENTS]    (default 20 s, 8 clients)
# Needs target/vangnet.jar (./mvnw -B package -DskipTests), curl and a free port 18089
# (DRILL_PORT). Everything goes to 127.0.0.1 only and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD="${1:-20}"
CLIENTS="${2:-8}"
PORT="${DRILL_PORT:-18089}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/vangnet-drill.XXXXXX)"
PASSWORD="paarse-olifant-danst-op-het-dak"
export VANGNET_DATA_DIR="$WORK/data" PORT
export VANGNET_ADMIN_EMAIL="drill-admin@vangnet.example" VANGNET_ADMIN_PASSWORD="$PASSWORD"
# not about the second factor (issue 17): the password alone signs in
export VANGNET_SECOND_FACTOR=OPTIONAL
JAVA_PID=""

cleanup() {
  touch "$WORK/stop"
  [ -n "$JAVA_PID" ] && kill "$JAVA_PID" 2>/dev/null && wait "$JAVA_PID" 2>/dev/null || true
  rm -rf "$WORK/data"
  echo "(logs in $WORK)"
}
trap cleanup EXIT

log() { echo "$(date -u +%H:%M:%S) $*" >&2; }

start_vangnet() {
  java -jar target/vangnet.jar >> "$WORK/vangnet.log" 2>&1 &
  JAVA_PID=$!
}

# Waits until health is UP; fails when java exits first (a failed first restart).
wait_up() {
  local i
  for i in $(seq 1 600); do
    if curl -fsS --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    if ! kill -0 "$JAVA_PID" 2>/dev/null; then
      return 1
    fi
    sleep 0.5
  done
  return 1
}

postmaster() { head -1 "$VANGNET_DATA_DIR/postgres/postmaster.pid"; }

token() { awk '/XSRF-TOKEN/ {print $7}' "$1" | tail -1; }

# sign_in JAR EMAIL: the README's curl sign-in.
sign_in() {
  rm -f "$1"
  curl -s --max-time 10 -c "$1" -b "$1" "$BASE/login" -o /dev/null || return 1
  curl -s --max-time 10 -c "$1" -b "$1" -H "X-XSRF-TOKEN: $(token "$1")" -H "Accept: application/json" \
    -d "username=$2" -d "password=$PASSWORD" "$BASE/login" -o /dev/null -w '%{http_code}' | grep -q '^2'
}

# send METHOD JAR PATH BODY OUT: prints the HTTP status ("000" when there was no answer).
send() {
  curl -s --max-time 30 -X "$1" -b "$2" -c "$2" -H "X-XSRF-TOKEN: $(token "$2")" \
    -H "Content-Type: application/json" -H "Accept: application/json" \
    -d "$4" -o "$5" -w '%{http_code}' "$BASE$3" || true
}

get() {
  curl -s --max-time 30 -b "$1" -H "Accept: application/json" -o "$3" -w '%{http_code}' "$BASE$2" || true
}

id_of() { grep -o '"id" *: *"[^"]*"' "$1" | head -1 | sed 's/.*"\([^"]*\)"$/\1/'; }

# client ROUND N: writes until the stop file appears; one line per acknowledged write.
client() {
  local round=$1 c=$2 jar="$WORK/jar-$1-$2" out="$WORK/out-$1-$2" ack="$WORK/ack-$1-$2" n=0 code id cid did ext
  until sign_in "$jar" "drill-$c@vangnet.example"; do sleep 0.5; [ -e "$WORK/stop" ] && return 0; done
  while [ ! -e "$WORK/stop" ]; do
    n=$((n + 1))
    ext="DRILL-$round-$c-$n"
    code=$(send POST "$jar" /api/v1/households \
      "{\"externalId\":\"$ext\",\"members\":[{\"role\":\"PARENT\",\"mainContact\":true,\"givenName\":\"Drill $c\",\"familyName\":\"$ext\"}]}" "$out")
    if [ "$code" != 201 ]; then
      [ "$code" = 401 ] || [ "$code" = 403 ] && { sign_in "$jar" "drill-$c@vangnet.example" || true; }
      sleep 0.2; continue
    fi
    id=$(id_of "$out"); echo "household $id $ext" >> "$ack"
    code=$(send POST "$jar" "/api/v1/households/$id/contacts" \
      "{\"occurredAt\":\"$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%S)\",\"channel\":\"HOME_VISIT\",\"reached\":true,\"sensitive\":false,\"note\":\"note $ext\"}" "$out")
    [ "$code" = 201 ] && { cid=$(id_of "$out"); echo "contact $id $cid $ext" >> "$ack"; }
    code=$(send POST "$jar" "/api/v1/households/$id/debts" \
      "{\"creditor\":\"Creditor $ext\",\"amount\":$((n % 900 + 100)).25,\"status\":\"OPEN\"}" "$out")
    [ "$code" = 201 ] && { did=$(id_of "$out"); echo "debt $id $did $ext $((n % 900 + 100)).25" >> "$ack"; }
  done
}

# verify ROUND: looks every acknowledged write of the round up; prints "N LOST HALF".
verify() {
  local round=$1 jar="$WORK/jar-verify" out="$WORK/out-verify" all="$WORK/ack-$1" acknowledged=0 lost=0 half=0
  local kind hid a b c code
  cat "$WORK"/ack-"$round"-* > "$all" 2>/dev/null || : > "$all"
  until sign_in "$jar" "drill-1@vangnet.example"; do sleep 0.5; done
  while read -r kind hid a b c; do
    acknowledged=$((acknowledged + 1))
    case "$kind" in
      household)   # a = external id, sent as externalId and as the parent's family name
        code=$(get "$jar" "/api/v1/households/$hid" "$out")
        if [ "$code" = 404 ]; then lost=$((lost + 1))
        elif [ "$code" != 200 ]; then log "household $hid: HTTP $code"; lost=$((lost + 1))
        elif [ "$(grep -o "\"$a\"" "$out" | wc -l)" -ne 2 ]; then half=$((half + 1)); fi ;;
      contact)     # a = contact id, b = external id (in the note)
        [ -s "$WORK/contacts-$hid" ] || get "$jar" "/api/v1/households/$hid/contacts" "$WORK/contacts-$hid" > /dev/null
        if ! grep -q "\"$a\"" "$WORK/contacts-$hid"; then lost=$((lost + 1))
        elif ! grep -q "note $b\"" "$WORK/contacts-$hid"; then half=$((half + 1)); fi ;;
      debt)        # a = debt id, b = external id (in the creditor), c = amount
        [ -s "$WORK/debts-$hid" ] || get "$jar" "/api/v1/households/$hid/debts" "$WORK/debts-$hid" > /dev/null
        if ! grep -q "\"$a\"" "$WORK/debts-$hid"; then lost=$((lost + 1))
        elif ! grep -q "Creditor $b\"" "$WORK/debts-$hid" || ! grep -q "$c" "$WORK/debts-$hid"; then half=$((half + 1)); fi ;;
    esac
  done < "$all"
  rm -f "$WORK"/contacts-* "$WORK"/debts-*
  echo "$acknowledged $lost $half"
}

# round NUMBER WHAT: load, kill -9 WHAT (postgres | java | both), bring Vangnet back, verify.
round() {
  local number=$1 what=$2 c pids=() started took result restart="ok"
  rm -f "$WORK/stop"
  for c in $(seq 1 "$CLIENTS"); do client "$number" "$c" & pids+=($!); done
  sleep "$LOAD"
  log "round $number: kill -9 $what"
  case "$what" in
    postgres) kill -9 "$(postmaster)" ;;
    java) kill -9 "$JAVA_PID" ;;
    both) kill -9 "$JAVA_PID" "$(postmaster)" ;;
  esac
  started=$(date +%s)
  if [ "$what" = postgres ]; then
    sleep 3   # the clients keep writing while the watchdog restarts postgres
    wait_up || restart="FAILED"
  else
    wait "$JAVA_PID" 2>/dev/null || true
    start_vangnet
    wait_up || restart="FAILED (the first start after the kill did not come up)"
  fi
  took=$(( $(date +%s) - started ))
  touch "$WORK/stop"
  wait "${pids[@]}" 2>/dev/null || true
  if [ "$restart" != ok ]; then
    echo "round $number (kill -9 $what): restart $restart"
    exit 1
  fi
  read -r acknowledged lost half < <(verify "$number")
  echo "round $number (kill -9 $what): acknowledged $acknowledged, lost $lost, half-saved $half (back after ${took} s)"
}

log "data directory $VANGNET_DATA_DIR"
start_vangnet
wait_up || { echo "Vangnet did not start; see $WORK/vangnet.log"; exit 1; }
# An organisation and one professional per client, through the API, as the administrator.
sign_in "$WORK/jar-admin" "$VANGNET_ADMIN_EMAIL" || { echo "The administrator could not sign in"; exit 1; }
send POST "$WORK/jar-admin" /api/v1/organisations \
  '{"code":"DRL","name":"Drill","kind":"INFORMAL","districts":["Noord"],"monitorParticipant":false}' "$WORK/out-admin" > /dev/null
for c in $(seq 1 "$CLIENTS"); do
  code=$(send POST "$WORK/jar-admin" /api/v1/users \
    "{\"email\":\"drill-$c@vangnet.example\",\"displayName\":\"Drill $c\",\"organisation\":\"DRL\",\"role\":\"PROFESSIONAL\",\"password\":\"$PASSWORD\"}" "$WORK/out-admin")
  [ "$code" = 201 ] || { echo "Creating user $c failed: HTTP $code $(cat "$WORK/out-admin")"; exit 1; }
done
echo "crash drill: $CLIENTS clients, $LOAD s of load per round, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
round 1 postgres
round 2 java
round 3 both
