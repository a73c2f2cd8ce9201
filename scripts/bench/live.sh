#!/usr/bin/env bash
# about: live notifications: end-to-end deliveries/s with p50/p99 (answer posted -> asker's socket), push p50/p99 to 1,000 sockets, idle sockets held, heap per socket
#
# Uses a Parley started with scripts/run.sh (same PARLEY_PORT, PARLEY_PORT_OFFSET, PARLEY_DATA); starts one in the
# background, and stops it afterwards, when none runs. The client is scripts/bench/LiveBench.java (JDK only: its
# HttpClient and WebSocket), run as a single-file program. Settings: LIVE_RECEIVERS (users who ask and are notified,
# default 16), LIVE_SECONDS (end-to-end phase, 20), LIVE_PUSH_SOCKETS (1000), LIVE_IDLE_SOCKETS (20000; the open-file
# limit of this shell, `ulimit -n`, caps both the client and the server).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

DATA=${PARLEY_DATA:-$HOME/.parley}
PORT=$(( ${PARLEY_PORT:-8080} + ${PARLEY_PORT_OFFSET:-0} ))
BASE="http://localhost:$PORT"
OUT="$ROOT/target/bench/live.json"
mkdir -p "$(dirname "$OUT")"

started=false
if ! "$ROOT/scripts/run.sh" status > /dev/null 2>&1; then
  "$ROOT/scripts/run.sh" --background > /dev/null
  started=true
fi
cleanup() { if $started; then "$ROOT/scripts/run.sh" stop > /dev/null; fi; }
trap cleanup EXIT

pid=$(cat "$DATA/wildfly.pid")
echo "Parley at $BASE (pid $pid); open files allowed: $(ulimit -n) (hard $(ulimit -Hn))"
java -Xmx3g -Xss256k "$ROOT/scripts/bench/LiveBench.java" "$BASE" "$pid" \
  "${LIVE_RECEIVERS:-16}" "${LIVE_SECONDS:-20}" "${LIVE_PUSH_SOCKETS:-1000}" "${LIVE_IDLE_SOCKETS:-20000}" > "$OUT"
cat "$OUT"
echo "wrote $OUT"
