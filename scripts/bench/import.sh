#!/usr/bin/env bash
# about: import rows/s and peak heap (H2) for the bundled dump and a generated 1M-question dump, beside the raw StAX parse rate of the same files
#
# Starts its own Parley (scripts/run.sh with PARLEY_DATA=target/bench/import-data, your PARLEY_PORT_OFFSET) and stops
# it afterwards. Imports the bundled real dump, then a generated one of BENCH_QUESTIONS questions (default 1,000,000;
# generated once into target/bench/dump-N, ~8.5 GB for 1M). The reference is the job's own validation pass: a plain
# StAX parse of the same files, timed in the same run. Peak heap: the largest used heap jstat saw during each import.
# BENCH_QUESTIONS=0 skips the large dump. Writes target/bench/import.json.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages curl:curl jq:jq

QUESTIONS=${BENCH_QUESTIONS:-1000000}
export PARLEY_DATA="$ROOT/target/bench/import-data"
export PARLEY_HEAP=${PARLEY_HEAP:-2g}
OUT="$ROOT/target/bench/import.json"
BUNDLED="$ROOT/../shared/data/se-dump/bicycles.meta.stackexchange.com"
mkdir -p "$ROOT/target/bench"

"$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true
rm -rf "$PARLEY_DATA"
mkdir -p "$PARLEY_DATA"
touch "$PARLEY_DATA/bundled-dump-imported" # this script imports it itself, timed

LARGE="$ROOT/target/bench/dump-$QUESTIONS"
if [ "$QUESTIONS" -gt 0 ]; then
  LARGE=$(generated_dump "$QUESTIONS")
fi

"$ROOT/scripts/run.sh" --background > "$ROOT/target/bench/import-run.log"
trap '"$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true' EXIT
PID=$(cat "$PARLEY_DATA/wildfly.pid")
api_setup

# Imports $1 as site $2; prints "rows seconds parse_ms peak_heap_mb".
measure() {
  local dir=$1 site=$2 log="$ROOT/target/bench/import-$2.log" jstat_log="$ROOT/target/bench/jstat-$2.log"
  jstat -gc "$PID" 1000 > "$jstat_log" &
  local sampler=$!
  "$ROOT/scripts/import.sh" --dir "$dir" --site "$site" > "$log" 2>&1 || { kill "$sampler"; cat "$log" >&2; return 1; }
  kill "$sampler"
  local id json
  id=$(sed -n 's/^Import \([0-9]*\): .*/\1/p' "$log" | head -n 1)
  json=$(curl -sf -u "$API_USER:$API_PASSWORD" "$API_URL/api/imports/$id")
  local rows seconds parse peak
  rows=$(jq .rowsDone <<< "$json")
  seconds=$(awk -v a="$(date -d "$(jq -r .createdAt <<< "$json")" +%s.%N)" \
    -v b="$(date -d "$(jq -r .finishedAt <<< "$json")" +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
  parse=$(jq .parseMillis <<< "$json")
  # jstat -gc columns: S0U S1U EU OU are 3, 4, 6, 8 (KB).
  peak=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%d", m / 1024 }' "$jstat_log")
  echo "$rows $seconds $parse $peak"
}

read -r b_rows b_secs b_parse b_peak < <(measure "$BUNDLED" bench-bundled)
l_rows=0 l_secs=0 l_parse=0 l_peak=0
if [ "$QUESTIONS" -gt 0 ]; then
  read -r l_rows l_secs l_parse l_peak < <(measure "$LARGE" bench-large)
fi

rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%d", (s > 0 ? r / s : 0) }'; }
b_rate=$(rate "$b_rows" "$b_secs")
b_parse_rate=$(rate "$b_rows" "$(awk -v m="$b_parse" 'BEGIN { print m / 1000 }')")
l_rate=$(rate "$l_rows" "$l_secs")
l_parse_rate=$(rate "$l_rows" "$(awk -v m="$l_parse" 'BEGIN { print m / 1000 }')")

printf '%-34s %12s %14s %16s %14s\n' "dump" "rows" "import rows/s" "StAX parse rows/s" "peak heap MB"
printf '%-34s %12d %14d %16d %14d\n' "bundled (bicycles.meta)" "$b_rows" "$b_rate" "$b_parse_rate" "$b_peak"
if [ "$QUESTIONS" -gt 0 ]; then
  printf '%-34s %12d %14d %16d %14d\n' "generated ($QUESTIONS questions)" "$l_rows" "$l_rate" "$l_parse_rate" "$l_peak"
fi
echo "Goal: at least 50,000 rows/s. Load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."

cat > "$OUT" <<JSON
{"bundled_rows": $b_rows, "bundled_seconds": $b_secs, "bundled_rows_per_s": $b_rate, "bundled_parse_rows_per_s": $b_parse_rate, "bundled_peak_heap_mb": $b_peak, "large_questions": $QUESTIONS, "large_rows": $l_rows, "large_seconds": $l_secs, "large_rows_per_s": $l_rate, "large_parse_rows_per_s": $l_parse_rate, "large_peak_heap_mb": $l_peak}
JSON
echo "Wrote $OUT"
