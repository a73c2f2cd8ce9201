#!/usr/bin/env bash
# about: private messages end to end: deliveries/s and accepted/s from many senders (POST /api/messages) to many recipients' sockets, p50/p99 send -> socket, lost and doubled counted in the database, server CPU ms per message, beside GET /api/messages/recent
#
# Uses a Parley started with scripts/run.sh (same PARLEY_PORT, PARLEY_PORT_OFFSET, PARLEY_DATA); starts one in the
# background, and stops it afterwards, when none runs, with the sending limit raised for the benchmark
# (-Dparley.messages.perMinute, MESSAGES_PER_MINUTE, default 1000000): the limit stays, it is only set high. A server
# that runs already must have been started with it (PARLEY_JAVA_OPTS=-Dparley.messages.perMinute=1000000), else the
# senders get 429s, which the run counts as refused. The client is scripts/bench/MessagesBench.java (JDK only).
# Settings: MESSAGES_USERS (default 256: each a sender and a recipient, one session and one socket each),
# MESSAGES_SENDERS (concurrent senders, 32), MESSAGES_SECONDS (60), MESSAGES_RATE (messages/s the senders aim at;
# 0, the default, sends as fast as the server accepts).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages curl:curl

DATA=${PARLEY_DATA:-$HOME/.parley}
PORT=$(( ${PARLEY_PORT:-8080} + ${PARLEY_PORT_OFFSET:-0} ))
BASE="http://localhost:$PORT"
OPS="http://localhost:$(( ${PARLEY_OPS_PORT:-9180} + ${PARLEY_PORT_OFFSET:-0} ))"
USERS=${MESSAGES_USERS:-256}
OUT="$ROOT/target/bench/messages.json"
mkdir -p "$(dirname "$OUT")"
fail() { echo "scripts/bench.sh messages: $*" >&2; exit 1; }

started=false
if ! "$ROOT/scripts/run.sh" status > /dev/null 2>&1; then
  PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:-} -Dparley.messages.perMinute=${MESSAGES_PER_MINUTE:-1000000}" \
    "$ROOT/scripts/run.sh" --background > /dev/null
  started=true
fi
cleanup() { if $started; then "$ROOT/scripts/run.sh" stop > /dev/null; fi; }
trap cleanup EXIT

pid=$(cat "$DATA/wildfly.pid" 2> /dev/null || true)
[ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2> /dev/null)" = java ] \
  || fail "no WildFly JVM at the pid in $DATA/wildfly.pid (is PARLEY_DATA the running server's?)"
tr '\0' '\n' < "/proc/$pid/cmdline" | grep -q '^-Dparley.messages.perMinute=' \
  || echo "warning: the server was not started with -Dparley.messages.perMinute; expect 429s (refused)" >&2

# The users, made on the operators' listener (sign-ups are limited per address; a benchmark must not loosen that),
# with the password the pages benchmark keeps in the data folder.
password_file="$DATA/server/data/parley/bench-users-password"
if [ ! -s "$password_file" ]; then
  (umask 077; s=$(head -c 64 /dev/urandom | base64 -w 0); s=${s//[^A-Za-z0-9]/}; printf '%s' "${s:0:20}" > "$password_file")
fi
made=$(curl -s -w '\n%{http_code}' --data-urlencode "count=$USERS" --data-urlencode "password@$password_file" "$OPS/bench/users")
[ "$(tail -n 1 <<< "$made")" = 200 ] || fail "/bench/users refused: $made"

echo "Parley at $BASE (pid $pid), $USERS users; uptime: $(uptime)"
java -Xmx1g -Dbench.hz="$(getconf CLK_TCK)" "$ROOT/scripts/bench/MessagesBench.java" "$BASE" "$OPS" "$pid" \
  "$password_file" "$USERS" "${MESSAGES_SENDERS:-32}" "${MESSAGES_SECONDS:-60}" "${MESSAGES_RATE:-0}" > "$OUT"
cat "$OUT"
echo "uptime: $(uptime)"
echo "wrote ${OUT#$ROOT/}"
