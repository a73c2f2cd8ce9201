#!/usr/bin/env bash
# about: wrk at 64 connections: the anonymous question page (output cache) vs. the same bytes from a plain servlet; logged-in page (a session per connection); L1/L2 get p50/p99; page weight in Chromium (first/repeat visit bytes, DOMContentLoaded) vs. the same page logged in
#
# Uses a Parley started with scripts/run.sh (same PARLEY_PORT, PARLEY_PORT_OFFSET, PARLEY_DATA); starts one in the
# background, and stops it afterwards, when none runs. Settings: BENCH_SECONDS (default 15), BENCH_CONNECTIONS (64),
# BENCH_LOADS (page loads per DOMContentLoaded median, 11). `scripts/bench.sh pages weight` measures the page weight
# only (no wrk).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages wrk:wrk curl:curl chromium:chromium
only=${1:-all}
[ "$only" = all ] || [ "$only" = weight ] || { echo "usage: scripts/bench.sh pages [weight]" >&2; exit 2; }

DATA=${PARLEY_DATA:-$HOME/.parley}
PORT=$(( ${PARLEY_PORT:-8080} + ${PARLEY_PORT_OFFSET:-0} ))
BASE="http://localhost:$PORT"
# The operators' listener (loopback only), where /bench and /metrics answer.
OPS="http://localhost:$(( ${PARLEY_OPS_PORT:-9180} + ${PARLEY_PORT_OFFSET:-0} ))"
SECONDS_EACH=${BENCH_SECONDS:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
OUT="$ROOT/target/bench/pages.json"
mkdir -p "$(dirname "$OUT")"

started=false
if ! "$ROOT/scripts/run.sh" status > /dev/null 2>&1; then
  "$ROOT/scripts/run.sh" --background > /dev/null
  started=true
fi
main_pid=$BASHPID
work=$(mktemp -d "${TMPDIR:-/tmp}/parley-bench-pages.XXXXXX")
cleanup() { # only the script itself, not a subshell that inherited the trap
  [ "$BASHPID" = "$main_pid" ] || return 0
  if $started; then "$ROOT/scripts/run.sh" stop > /dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The first question the home page links to; requested twice so that the output cache holds it.
question=$(curl -s "$BASE/" | grep -o 'href="/questions/[0-9]*/[^"#]*"' | head -n 1 | sed 's/^href="//; s/"$//')
[ -n "$question" ] || { echo "No question on $BASE/ (seeded demo data needed)" >&2; exit 1; }
for _ in 1 2 3; do curl -s -o /dev/null "$BASE$question"; done
limit="$OPS/bench/limit?path=$question"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$limit&refresh=1")" = 200 ] || { echo "The limit servlet has no copy of $question" >&2; exit 1; }
cmp -s <(curl -s "$BASE$question") <(curl -s "$limit") || { echo "The limit servlet's bytes differ from the page's" >&2; exit 1; }

# Logged-in sessions, one per wrk connection: admin logs in that many times through the log-in form (each log-in is a
# new session). Sharing one session would measure the session's lock, not the page: requests of one session queue.
password=$(cat "$DATA/server/data/parley/admin-password")
sessions="$work/sessions"
: > "$sessions"
login() {
  local cj="$work/cookies.$1" page state
  page=$(curl -s -c "$cj" "$BASE/users/login")
  state=$(echo "$page" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$cj" -c "$cj" --data-urlencode "login-form=login-form" \
    --data-urlencode "login-username=admin" --data-urlencode "login-password=$password" \
    --data-urlencode "login-submit=Log in" --data-urlencode "jakarta.faces.ViewState=$state" \
    "$BASE/views/users/login.xhtml"
  awk '$6 == "JSESSIONID" { print $7 }' "$cj" | tail -n 1
  rm -f "$cj"
}
[ "$only" = weight ] && CONNECTIONS=1
echo "Logging in $CONNECTIONS sessions..."
for i in $(seq 1 "$CONNECTIONS"); do login "$i" >> "$sessions"; done
[ "$(sort -u "$sessions" | grep -c .)" = "$CONNECTIONS" ] || { echo "Could not log in $CONNECTIONS distinct sessions" >&2; exit 1; }
while read -r s; do
  # (not curl | grep -q: with pipefail, grep quitting early would fail curl with SIGPIPE)
  [ "$(curl -s -b "JSESSIONID=$s" "$BASE$question" | grep -c 'id="topbar-user"')" -gt 0 ] \
    || { echo "Session $s is not logged in" >&2; exit 1; }
done < "$sessions"

# Page weight in a real browser: Debian's Chromium over its DevTools protocol (scripts/bench/PageWeightBench.java)
# opens the question page with an empty profile (first visit), again (repeat visit), and with the cache off for
# DOMContentLoaded; the reference is the same page for a logged-in user, who gets PrimeFaces' widgets.
weigh_page() {
  echo "Page weight of $question in Chromium (load average $(load)):"
  java "$ROOT/scripts/bench/PageWeightBench.java" "$BASE$question" "$(head -n 1 "$sessions")" "${BENCH_LOADS:-11}" \
    > "$work/weight.json"
  weight_fields=$(sed 's/^{//; s/}$//' "$work/weight.json")
}
load() { cut -d' ' -f1 /proc/loadavg; }
if [ "$only" = weight ]; then
  load_start=$(load)
  weigh_page
  load_end=$(load)
  echo "  load average: $load_start at the start, $load_end at the end (2 cores)"
  echo "{$weight_fields, \"load_average_start\": $load_start, \"load_average_end\": $load_end}" > "$OUT"
  echo "  wrote ${OUT#$ROOT/}"
  exit 0
fi

# wrk's summary: requests/s and the 50th/99th latency percentiles in milliseconds; non-2xx/3xx answers fail the run.
run_wrk() { # url [wrk options...] [-- script arguments...]: wrk wants its URL before the script's arguments
  local url=$1 opts=() out
  shift
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
  out=$(mktemp "$work/wrk.XXXXXX")
  # A 30 s timeout: on a busy machine a slow answer must count in the percentiles, not vanish as a timeout.
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 30s --latency "${opts[@]}" "$url" "$@" > "$out"
  if grep -q 'Non-2xx' "$out"; then
    echo "wrk got error answers from $url:" >&2
    cat "$out" >&2
    exit 1
  fi
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
  rm -f "$out"
}
to_ms() { # wrk prints 1.23ms, 456.00us or 1.20s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
logged_in=(-s "$ROOT/scripts/bench/sessions.lua" -- "$sessions" 2)

# Warm-up: the JIT and pools see each of the three before anything is measured.
for url in "$limit" "$BASE$question"; do wrk -t2 -c"$CONNECTIONS" -d5s "$url" > /dev/null; done
wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/scripts/bench/sessions.lua" "$BASE$question" -- "$sessions" 2 > /dev/null

load_start=$(load)
echo "Benchmarking $question on $BASE ($CONNECTIONS connections, ${SECONDS_EACH}s each, load average $load_start)"
read -r limit_rps limit_p50 limit_p99 < <(run_wrk "$limit")
read -r page_rps page_p50 page_p99 < <(run_wrk "$BASE$question")
read -r user_rps user_p50 user_p99 < <(run_wrk "$BASE$question" "${logged_in[@]}")
load_end=$(load)

# The tier's own get times over live traffic (since the server started), then a quiet probe: 20,000 gets of one
# 32 KB entry on one thread, after as many to warm up.
metrics=$(curl -s "$OPS/metrics/cache")
stat() { echo "$metrics" | awk -v m="parley_cache_$1" -v c="$2" 'index($1, m "{cache=\"" c "\"") == 1 { print $2 }' | head -n 1; }
probe=$(curl -s "$BASE/bench/cache-probe?gets=20000")
pstat() { echo "$probe" | tr -d '{}' | tr ',' '\n' | awk -F': ' -v k="\"$1\"" '$1 ~ k { gsub(/ /, "", $2); print $2 }'; }
ratio=$(awk -v a="$page_rps" -v b="$limit_rps" 'BEGIN { printf "%.3f", a / b }')

printf '  %-42s %10s %10s %10s\n' "" "req/s" "p50 ms" "p99 ms"
printf '  %-42s %10s %10s %10s\n' "limit: same bytes, plain servlet" "$limit_rps" "$limit_p50" "$limit_p99"
printf '  %-42s %10s %10s %10s\n' "anonymous page (output cache)" "$page_rps" "$page_p50" "$page_p99"
printf '  %-42s %10s %10s %10s\n' "logged-in page ($CONNECTIONS sessions, fragments)" "$user_rps" "$user_p50" "$user_p99"
echo "  anonymous / limit ratio: $ratio (goal >= 0.5)"
echo "  get times, quiet probe (1 thread, 32 KB entry): L1 p50 $(pstat l1_p50_us) us p99 $(pstat l1_p99_us) us;" \
  "L2 p50 $(pstat l2_p50_us) us p99 $(pstat l2_p99_us) us (of which reading the bytes p50 $(pstat l2_bytes_p50_us) us)"
echo "  get times, live traffic since start: L1 (page) p50 $(stat get_p50_us l1.page) us p99 $(stat get_p99_us l1.page) us;" \
  "L2 p50 $(stat get_p50_us l2) us p99 $(stat get_p99_us l2) us over $(stat cmd_get l2) gets (max $(stat get_max_us l2) us)"
echo "  load average: $load_start at the start, $load_end at the end (2 cores)"
weigh_page

num() { echo "${1:-0}"; }
cat > "$OUT" <<JSON
{"limit_rps": $limit_rps, "limit_p50_ms": $limit_p50, "limit_p99_ms": $limit_p99,
 "anonymous_rps": $page_rps, "anonymous_p50_ms": $page_p50, "anonymous_p99_ms": $page_p99,
 "anonymous_to_limit_ratio": $ratio,
 "logged_in_sessions": $CONNECTIONS, "logged_in_rps": $user_rps, "logged_in_p50_ms": $user_p50, "logged_in_p99_ms": $user_p99,
 "l1_get_p50_us": $(num "$(pstat l1_p50_us)"), "l1_get_p99_us": $(num "$(pstat l1_p99_us)"),
 "l2_get_p50_us": $(num "$(pstat l2_p50_us)"), "l2_get_p99_us": $(num "$(pstat l2_p99_us)"),
 "l2_read_bytes_p50_us": $(num "$(pstat l2_bytes_p50_us)"), "l2_read_bytes_p99_us": $(num "$(pstat l2_bytes_p99_us)"),
 "live_l1_page_get_p50_us": $(num "$(stat get_p50_us l1.page)"), "live_l1_page_get_p99_us": $(num "$(stat get_p99_us l1.page)"),
 "live_l2_get_p50_us": $(num "$(stat get_p50_us l2)"), "live_l2_get_p99_us": $(num "$(stat get_p99_us l2)"),
 "live_l2_get_mean_us": $(num "$(stat mean_get_us l2)"), "live_l2_get_max_us": $(num "$(stat get_max_us l2)"), "live_l2_gets": $(num "$(stat cmd_get l2)"),
 $weight_fields,
 "load_average_start": $load_start, "load_average_end": $load_end}
JSON
echo "  wrote ${OUT#$ROOT/}"
