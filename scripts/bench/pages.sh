#!/usr/bin/env bash
# about: wrk at 64 connections: the anonymous question page (output cache) vs. the same bytes from a plain servlet; logged-in page; L1/L2 get latency
#
# Uses a Parley started with scripts/run.sh (same PARLEY_PORT, PARLEY_PORT_OFFSET, PARLEY_DATA); starts one in the
# background, and stops it afterwards, when none runs. Settings: BENCH_SECONDS (default 15), BENCH_CONNECTIONS (64).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages wrk:wrk curl:curl

DATA=${PARLEY_DATA:-$HOME/.parley}
PORT=$(( ${PARLEY_PORT:-8080} + ${PARLEY_PORT_OFFSET:-0} ))
BASE="http://localhost:$PORT"
SECONDS_EACH=${BENCH_SECONDS:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
OUT="$ROOT/target/bench/pages.json"
mkdir -p "$(dirname "$OUT")"

started=false
if ! "$ROOT/scripts/run.sh" status > /dev/null 2>&1; then
  "$ROOT/scripts/run.sh" --background > /dev/null
  started=true
fi
cleanup() { if $started; then "$ROOT/scripts/run.sh" stop > /dev/null; fi; rm -f "$jar"; }
jar=$(mktemp)
trap cleanup EXIT

# The first question the home page links to; requested twice so that the output cache holds it.
question=$(curl -s "$BASE/" | grep -o 'href="/questions/[0-9]*/[^"#]*"' | head -n 1 | sed 's/^href="//; s/"$//')
[ -n "$question" ] || { echo "No question on $BASE/ (seeded demo data needed)" >&2; exit 1; }
for _ in 1 2 3; do curl -s -o /dev/null "$BASE$question"; done
limit="$BASE/bench/limit?path=$question"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$limit")" = 200 ] || { echo "The limit servlet has no copy of $question" >&2; exit 1; }
cmp -s <(curl -s "$BASE$question") <(curl -s "$limit") || { echo "The limit servlet's bytes differ from the page's" >&2; exit 1; }

# Logged in as admin (the password run.sh made), through the login form.
password=$(cat "$DATA/server/data/parley/admin-password")
login=$(curl -s -c "$jar" "$BASE/users/login")
state=$(echo "$login" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "login-form=login-form" \
  --data-urlencode "login-username=admin" --data-urlencode "login-password=$password" \
  --data-urlencode "login-submit=Log in" --data-urlencode "jakarta.faces.ViewState=$state" \
  "$BASE/views/users/login.xhtml"
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -n 1)
curl -s -b "JSESSIONID=$session" "$BASE$question" | grep -q 'id="topbar-user"' \
  || { echo "Could not log in as admin" >&2; exit 1; }

# wrk's summary: requests/s and the 50th/99th latency percentiles in milliseconds.
run_wrk() { # url [header]
  local args=(-t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency)
  if [ $# -gt 1 ]; then args+=(-H "$2"); fi
  wrk "${args[@]}" "$1" > "$jar.wrk"
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$jar.wrk")
  p50=$(awk '$1 == "50%" { print $2 }' "$jar.wrk")
  p99=$(awk '$1 == "99%" { print $2 }' "$jar.wrk")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
  rm -f "$jar.wrk"
}
to_ms() { # wrk prints 1.23ms, 456.00us or 1.20s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

# Warm-up: the JIT and pools see each of the three before anything is measured.
for url in "$limit" "$BASE$question"; do wrk -t2 -c"$CONNECTIONS" -d5s "$url" > /dev/null; done
wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: JSESSIONID=$session" "$BASE$question" > /dev/null

echo "Benchmarking $question on $BASE ($CONNECTIONS connections, ${SECONDS_EACH}s each)"
read -r limit_rps limit_p50 limit_p99 < <(run_wrk "$limit")
read -r page_rps page_p50 page_p99 < <(run_wrk "$BASE$question")
read -r user_rps user_p50 user_p99 < <(run_wrk "$BASE$question" "Cookie: JSESSIONID=$session")
metrics=$(curl -s "$BASE/metrics/cache")
stat() { echo "$metrics" | awk -v m="parley_cache_$1" -v c="$2" '$1 == m "{cache=\"" c "\"," || index($1, m "{cache=\"" c "\"") == 1 { print $2 }' | head -n 1; }
l1_get_us=$(stat mean_get_us l1.page)
l2_get_us=$(stat mean_get_us l2)
ratio=$(awk -v a="$page_rps" -v b="$limit_rps" 'BEGIN { printf "%.3f", a / b }')

printf '  %-34s %12s %10s %10s\n' "" "req/s" "p50 ms" "p99 ms"
printf '  %-34s %12s %10s %10s\n' "limit: same bytes, plain servlet" "$limit_rps" "$limit_p50" "$limit_p99"
printf '  %-34s %12s %10s %10s\n' "anonymous page (output cache)" "$page_rps" "$page_p50" "$page_p99"
printf '  %-34s %12s %10s %10s\n' "logged-in page (fragments)" "$user_rps" "$user_p50" "$user_p99"
echo "  anonymous / limit ratio: $ratio (goal >= 0.5)"
echo "  mean get: L1 (page) ${l1_get_us} us, L2 ${l2_get_us} us"

cat > "$OUT" <<JSON
{"limit_rps": $limit_rps, "limit_p50_ms": $limit_p50, "limit_p99_ms": $limit_p99, "anonymous_rps": $page_rps, "anonymous_p50_ms": $page_p50, "anonymous_p99_ms": $page_p99, "anonymous_to_limit_ratio": $ratio, "logged_in_rps": $user_rps, "logged_in_p50_ms": $user_p50, "logged_in_p99_ms": $user_p99, "l1_get_us": ${l1_get_us:-0}, "l2_get_us": ${l2_get_us:-0}}
JSON
echo "  wrote ${OUT#$ROOT/}"
