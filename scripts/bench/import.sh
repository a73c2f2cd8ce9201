#!/usr/bin/env bash
# about: import rows/s on H2 (the server) and PostgreSQL (COPY, and JDBC batches as before) for the bundled dump and a generated 1M-question dump, beside the raw StAX parse rate of the same files
#
# H2: starts its own Parley (scripts/run.sh with PARLEY_DATA=target/bench/import-data, your PARLEY_PORT_OFFSET) and
# stops it afterwards. Imports the bundled real dump, then a generated one of BENCH_QUESTIONS questions (default
# 1,000,000; generated once into target/bench/dump-N, ~8 GB for 1M). The reference is the job's own validation pass: a
# plain StAX parse of the same files, timed in the same run. Peak heap: the largest used heap jstat saw during each
# import.
# PostgreSQL: starts its own PostgreSQL (Debian's package, installed when missing; data in target/bench/import-pg) on
# 127.0.0.1:PARLEY_PG_PORT (default 25432 + PARLEY_PORT_OFFSET) and stops it afterwards; imports the same dumps
# in-process with ImportSpeedProbe (the job's row writers, chunks of 1,000 rows in a transaction each, read-ahead,
# the job's link step and its five later files side by side on a thread and connection each; no server), each into a
# new schema, with COPY, and with the JDBC batches used before COPY (BENCH_PG_BATCHES:
# bundled, the default, for the bundled dump only; all; none). The probe times its own StAX parse of the files first.
# BENCH_DATABASES=h2 or postgresql runs one of them (default both). BENCH_QUESTIONS=0 skips the large dump.
# Writes target/bench/import.json.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages curl:curl jq:jq
DATABASES=${BENCH_DATABASES:-h2,postgresql}
PG_BATCHES=${BENCH_PG_BATCHES:-bundled}
PG_PORT=${PARLEY_PG_PORT:-$((25432 + ${PARLEY_PORT_OFFSET:-0}))}
PG_DATA="$ROOT/target/bench/import-pg"

QUESTIONS=${BENCH_QUESTIONS:-1000000}
export PARLEY_DATA="$ROOT/target/bench/import-data"
export PARLEY_HEAP=${PARLEY_HEAP:-2g}
OUT="$ROOT/target/bench/import.json"
BUNDLED="$ROOT/../shared/data/se-dump/bicycles.meta.stackexchange.com"
mkdir -p "$ROOT/target/bench"

LARGE="$ROOT/target/bench/dump-$QUESTIONS"
if [ "$QUESTIONS" -gt 0 ]; then
  LARGE=$(generated_dump "$QUESTIONS")
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Load average before: $LOAD_BEFORE on $(nproc) cores."

stop_all() {
  if [[ $DATABASES == *h2* ]]; then "$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true; fi
  if [[ $DATABASES == *postgresql* ]]; then pg_stop "$PG_DATA" || true; fi
}
trap stop_all EXIT

b_rows=0 b_secs=0 b_parse=0 b_peak=0 l_rows=0 l_secs=0 l_parse=0 l_peak=0
if [[ $DATABASES == *h2* ]]; then
  "$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true
  rm -rf "$PARLEY_DATA"
  mkdir -p "$PARLEY_DATA"
  touch "$PARLEY_DATA/bundled-dump-imported" # this script imports it itself, timed

  "$ROOT/scripts/run.sh" --background > "$ROOT/target/bench/import-run.log"
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
    json=$(api_curl -sf "$API_URL/api/imports/$id")
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
  if [ "$QUESTIONS" -gt 0 ]; then
    read -r l_rows l_secs l_parse l_peak < <(measure "$LARGE" bench-large)
  fi
  "$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true
fi

# ---------------------------------------------------------------- PostgreSQL, in-process (ImportSpeedProbe)
PG_LINES=()
PG_JSON=""
if [[ $DATABASES == *postgresql* ]]; then
  echo "Compiling the probe (ejb test classes)..."
  (cd "$ROOT" && { mvn -B -q -o test-compile -pl ejb > /dev/null 2>&1 || mvn -B -q -ntp test-compile -pl ejb; })
  (cd "$ROOT" && mvn -B -q -o dependency:build-classpath -pl ejb -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/target/bench/import.classpath" > /dev/null)
  CP="$ROOT/ejb/target/test-classes:$ROOT/ejb/target/classes:$(cat "$ROOT/target/bench/import.classpath")"
  pg_stop "$PG_DATA" || true
  rm -rf "$PG_DATA" "$PG_DATA.init.log"
  # Bulk-load settings of a server of its own: fsync stays on (the import's chunks commit without waiting for it).
  # WAL up to 12 GB between checkpoints: each checkpoint makes the next change of every page a full-page image, and
  # the 1,000,000-question import writes tens of GB of WAL (the WAL line below counts them); 1 GB of buffers keeps
  # more of post's nine indexes in memory.
  pg_init "$PG_DATA" "shared_buffers = 1GB" "max_wal_size = 12GB" "checkpoint_timeout = 30min"
  pg_start "$PG_DATA" "$PG_PORT" "$ROOT/target/bench/import-pg.log"
  PGPASSWORD=$(head -c 32 /dev/urandom | base64 | tr -dc A-Za-z0-9 | head -c 20)
  export PGPASSWORD
  pg_database "$PG_DATA" "$PG_PORT" probe parley "$PGPASSWORD"
  echo "PostgreSQL $("$(pg_bin)/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

  # CPU milliseconds the PostgreSQL server has used so far: the postmaster, its live processes and the backends it
  # has reaped (a probe's connections, once it exits).
  pg_cpu_ms() {
    local pm ticks
    pm=$(head -n 1 "$PG_DATA/postmaster.pid")
    ticks=$(cat "/proc/$pm/stat" $(for c in $(cat "/proc/$pm/task/$pm/children"); do echo "/proc/$c/stat"; done) 2> /dev/null \
      | awk '{ sub(/^.*\) /, ""); t += $12 + $13 + $14 + $15 } END { print t }')
    echo $((ticks * 1000 / $(getconf CLK_TCK)))
  }

  # Imports $1 with the probe (writes $2: copy or batches) into a new schema; prints "rows seconds parse_rows_per_s
  # probe_cpu_ms server_cpu_ms".
  probe() {
    local dir=$1 writes=$2 log="$ROOT/target/bench/import-pg-$3-$2.log" cpu0
    pg_admin "$PG_DATA" "$PG_PORT" -tAc "select pg_stat_reset_shared('wal'), pg_stat_reset_shared('bgwriter')" > /dev/null
    cpu0=$(pg_cpu_ms)
    java -Xmx2g -Djava.util.logging.config.file=/dev/null -Dprobe.parse=true -Dparley.import.postgresql="$writes" \
      -cp "$CP" org.parley.dump.importer.ImportSpeedProbe "$dir" "jdbc:postgresql://127.0.0.1:$PG_PORT/probe" > "$log" 2>&1 \
      || { tail -n 30 "$log" >&2; return 1; }
    grep -E '^[A-Za-z]+\.xml: ' "$log" >&2
    # Where PostgreSQL's writes went: WAL (full-page images follow each checkpoint) and the checkpoints themselves.
    pg_admin "$PG_DATA" "$PG_PORT" -tAF ' ' -c "select 'WAL ' || pg_size_pretty(wal_bytes) || ', ' || wal_records
      || ' records, ' || wal_fpi || ' full-page images; checkpoints: ' || checkpoints_timed || ' timed, '
      || checkpoints_req || ' requested; buffers written by backends ' || buffers_backend
      from pg_stat_wal, pg_stat_bgwriter" >&2
    awk -v server=$(($(pg_cpu_ms) - cpu0)) '/^StAX parse:/ { p = substr($8, 2) }
      / rows in .* ms \(.* rows\/s\); process CPU/ { r = $1; s = $4 / 1000; c = $10 }
      END { print r, s, p, c, server }' "$log"
  }
  # Imports $3 with writes $4 and notes the figures as KEY (json) and LABEL (table).
  pg_run() { # usage: pg_run KEY LABEL DIR WRITES
    local key=$1 label=$2 dir=$3 writes=$4 rows secs parse pcpu scpu
    echo "PostgreSQL, $label, $writes:"
    read -r rows secs parse pcpu scpu < <(probe "$dir" "$writes" "$key")
    local rate us bound
    rate=$(awk -v r="$rows" -v s="$secs" 'BEGIN { printf "%d", (s > 0 ? r / s : 0) }')
    us=$(awk -v r="$rows" -v c=$((pcpu + scpu)) 'BEGIN { printf "%.1f", c * 1000 / r }')
    bound=$(awk -v r="$rows" -v c=$((pcpu + scpu)) -v n="$(nproc)" 'BEGIN { printf "%d", r / (c / 1000 / n) }')
    PG_LINES+=("$(printf '%-22s %-34s %12d %14d %16d %14s %11s %12d' "PostgreSQL $writes" "$label" "$rows" "$rate" \
      "$parse" - "$us" "$bound")")
    PG_JSON+=", \"pg_${key}_${writes}_rows\": $rows, \"pg_${key}_${writes}_seconds\": $secs"
    PG_JSON+=", \"pg_${key}_${writes}_rows_per_s\": $rate, \"pg_${key}_${writes}_parse_rows_per_s\": $parse"
    PG_JSON+=", \"pg_${key}_${writes}_probe_cpu_ms\": $pcpu, \"pg_${key}_${writes}_server_cpu_ms\": $scpu"
    PG_JSON+=", \"pg_${key}_${writes}_cpu_us_per_row\": $us, \"pg_${key}_${writes}_cpu_bound_rows_per_s\": $bound"
  }
  pg_run bundled "bundled (bicycles.meta)" "$BUNDLED" copy
  [ "$PG_BATCHES" != none ] && pg_run bundled "bundled (bicycles.meta)" "$BUNDLED" batches
  if [ "$QUESTIONS" -gt 0 ]; then
    pg_run large "generated ($QUESTIONS questions)" "$LARGE" copy
    [ "$PG_BATCHES" = all ] && pg_run large "generated ($QUESTIONS questions)" "$LARGE" batches
  fi
  pg_stop "$PG_DATA"
fi

rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%d", (s > 0 ? r / s : 0) }'; }
b_rate=$(rate "$b_rows" "$b_secs")
b_parse_rate=$(rate "$b_rows" "$(awk -v m="$b_parse" 'BEGIN { print m / 1000 }')")
l_rate=$(rate "$l_rows" "$l_secs")
l_parse_rate=$(rate "$l_rows" "$(awk -v m="$l_parse" 'BEGIN { print m / 1000 }')")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

printf '%-22s %-34s %12s %14s %16s %14s %11s %12s\n' "database" "dump" "rows" "import rows/s" "StAX parse rows/s" \
  "peak heap MB" "CPU µs/row" "CPU-bound/s"
if [[ $DATABASES == *h2* ]]; then
  printf '%-22s %-34s %12d %14d %16d %14d %11s %12s\n' "H2 (server)" "bundled (bicycles.meta)" "$b_rows" "$b_rate" \
    "$b_parse_rate" "$b_peak" - -
  if [ "$QUESTIONS" -gt 0 ]; then
    printf '%-22s %-34s %12d %14d %16d %14d %11s %12s\n' "H2 (server)" "generated ($QUESTIONS questions)" "$l_rows" \
      "$l_rate" "$l_parse_rate" "$l_peak" - -
  fi
fi
for line in "${PG_LINES[@]}"; do echo "$line"; done
if [[ $DATABASES == *postgresql* ]]; then
  echo "(PostgreSQL: in-process probe, per-file times in target/bench/import-pg-*.log; CPU µs/row is the probe's and"
  echo " the server's CPU over the rows, CPU-bound/s the rows/s that CPU allows on $(nproc) free cores)"
fi
echo "Goal: at least 50,000 rows/s. Load average before: $LOAD_BEFORE, after: $LOAD_AFTER on $(nproc) cores."

cat > "$OUT" <<JSON
{"bundled_rows": $b_rows, "bundled_seconds": $b_secs, "bundled_rows_per_s": $b_rate, "bundled_parse_rows_per_s": $b_parse_rate, "bundled_peak_heap_mb": $b_peak, "large_questions": $QUESTIONS, "large_rows": $l_rows, "large_seconds": $l_secs, "large_rows_per_s": $l_rate, "large_parse_rows_per_s": $l_parse_rate, "large_peak_heap_mb": $l_peak$PG_JSON, "load_before_1m": ${LOAD_BEFORE%% *}, "load_after_1m": ${LOAD_AFTER%% *}}
JSON
echo "Wrote $OUT"
