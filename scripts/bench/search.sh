#!/usr/bin/env bash
# about: search inside the server: p50/p99 of ten query shapes, related and similar questions, and every analytics figure by aggregation vs its SQL twin; generated dump + bundled dump, Lucene standalone (and OpenSearch in the cluster with SEARCH_BENCH_CLUSTER=1)
#
# Starts its own Parley (scripts/run.sh, PARLEY_DATA=target/bench/search-data, your PARLEY_PORT_OFFSET) with the
# bundled dump, imports a generated dump of SEARCH_BENCH_QUESTIONS questions (default 50,000; the issue's figure is
# 1000000; generated once into target/bench/dump-N; the imported data is kept and reused while the generator and the
# size are unchanged), and asks /bench/search (org.parley.search.SearchBench, loopback only) to time, on each site:
# one word, three words, a phrase, [tag] + word, user: + score:, created range + word, is:answer + word, a word in
# about 20 % of posts, related questions (uncached) and similar-while-asking, SEARCH_BENCH_ITERATIONS times each
# (default 200, after as many warm-up runs), through the same SearchService the page uses; the reference of the same
# run is the same one-word search as SQL LIKE. Each analytics figure runs SEARCH_BENCH_AGGREGATIONS times (default 20)
# by aggregation and by its SQL twin, and must give the same answer.
# SEARCH_BENCH_CLUSTER=1 then starts scripts/cluster.sh (PostgreSQL, OpenSearch, three servers), imports the same dump
# through it and measures again on web1 (OpenSearch backend); SEARCH_BENCH_CLUSTER=only measures the cluster alone.
# SEARCH_BENCH_ONLY=related,similar runs only those figures (shape names, sql_like_one_word, or analytics), to
# try a change quickly; the others are then missing from the output. Writes target/bench/search.json.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages curl:curl jq:jq

QUESTIONS=${SEARCH_BENCH_QUESTIONS:-50000}
ITERATIONS=${SEARCH_BENCH_ITERATIONS:-200}
AGGREGATIONS=${SEARCH_BENCH_AGGREGATIONS:-20}
export PARLEY_DATA="$ROOT/target/bench/search-data"
export PARLEY_HEAP=${PARLEY_HEAP:-2g}
OUT="$ROOT/target/bench/search.json"
LOG="$ROOT/target/bench/search"
SITE=bench-search
HOST=$SITE.localhost
BUNDLED_HOST=meta.bicycles.localhost
mkdir -p "$ROOT/target/bench"

DUMP=$(generated_dump "$QUESTIONS")
stamp="$(cat "$DUMP/.complete" 2>/dev/null || echo none) $QUESTIONS"
if [ "$(cat "$PARLEY_DATA/search-bench-imported" 2>/dev/null || true)" != "$stamp" ]; then
  "$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true
  rm -rf "$PARLEY_DATA"
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
lucene_gen='{}'
lucene_dump='{}'
measure() { # base-url host -> JSON
  local code
  code=$(curl -s -o "$LOG-$2.json" -w '%{http_code}' --max-time 3600 \
    "$1/bench/search?host=$2&iterations=$ITERATIONS&aggregations=$AGGREGATIONS&only=${SEARCH_BENCH_ONLY:-}")
  [ "$code" = 200 ] || { echo "/bench/search on $2 answered $code: $(cat "$LOG-$2.json")" >&2; exit 1; }
  cat "$LOG-$2.json"
}

if [ "${SEARCH_BENCH_CLUSTER:-0}" != only ]; then
  "$ROOT/scripts/run.sh" --background > "$LOG-run.log"
  trap '"$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true' EXIT
  api_setup
  if [ "$(cat "$PARLEY_DATA/search-bench-imported" 2>/dev/null || true)" != "$stamp" ]; then
    echo "Importing $DUMP as $HOST (indexed by the import's own step)..."
    "$ROOT/scripts/import.sh" --dir "$DUMP" --site "$SITE" --host "$HOST" > "$LOG-import.log" 2>&1 \
      || { cat "$LOG-import.log" >&2; exit 1; }
    echo "$stamp" > "$PARLEY_DATA/search-bench-imported"
  fi

  echo "Measuring on the generated site ($QUESTIONS questions) and the bundled dump, Lucene..."
  # /bench/search answers on the operators' listener only (loopback, 9180 + the offset).
  ops="http://localhost:$(( ${PARLEY_OPS_PORT:-9180} + ${PARLEY_PORT_OFFSET:-0} ))"
  lucene_gen=$(measure "$ops" "$HOST")
  lucene_dump=$(measure "$ops" "$BUNDLED_HOST")
  "$ROOT/scripts/run.sh" stop > /dev/null
fi

opensearch_gen='{}'
if [ "${SEARCH_BENCH_CLUSTER:-0}" != 0 ]; then
  echo "Starting the cluster (OpenSearch backend) and importing the same dump through it..."
  "$ROOT/scripts/cluster.sh" up > "$LOG-cluster.log" 2>&1 || { tail -n 30 "$LOG-cluster.log" >&2; exit 1; }
  trap '"$ROOT/scripts/cluster.sh" down > /dev/null 2>&1 || true' EXIT
  offset=${PARLEY_CLUSTER_OFFSET:-6100}
  front="http://localhost:${PARLEY_CLUSTER_PORT:-$((7980 + offset))}"
  web1_ops="http://localhost:$((9180 + ${PARLEY_WEB1_OFFSET:-$((offset + 100))}))"
  if [ "$(id -u)" -eq 0 ]; then cluster_data=/var/tmp/parley-cluster; else cluster_data=$HOME/.parley-cluster; fi
  cluster_data=${PARLEY_CLUSTER_DATA:-$cluster_data}
  # import.sh finds its server by PARLEY_URL and the admin password given; the standalone's are not the cluster's.
  PARLEY_URL=$front PARLEY_ADMIN_PASSWORD=$(cat "$cluster_data/secrets/admin-password") \
    "$ROOT/scripts/import.sh" --dir "$DUMP" --site "$SITE" --host "$HOST" > "$LOG-cluster-import.log" 2>&1 \
    || { cat "$LOG-cluster-import.log" >&2; exit 1; }
  opensearch_gen=$(measure "$web1_ops" "$HOST")
  "$ROOT/scripts/cluster.sh" down > /dev/null
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$OUT" "$QUESTIONS" "$load_before" "$load_after" "$(nproc)" "$lucene_gen" "$lucene_dump" "$opensearch_gen" <<'PY'
import json, sys
out, questions, before, after, cores = sys.argv[1:6]
runs = {"lucene_gen": json.loads(sys.argv[6]), "lucene_dump": json.loads(sys.argv[7]), "opensearch_gen": json.loads(sys.argv[8])}
shapes = ["one_word", "three_words", "phrase", "tag_word", "user_score", "created_word", "answer_word", "common_20pct", "related", "similar"]
figures = ["posts_per_month", "answer_rate_per_month", "median_first_answer_per_month", "top_tags", "busiest_hours",
           "top_answerers_per_tag", "messages_per_day"]
flat = {"questions": int(questions)}
for run, r in runs.items():
    for k, v in r.items():
        flat[f"{run}_{k}"] = v
for run, r in runs.items():
    if not r:
        continue
    print(f"\n{run}: {int(r['posts'])} posts; the 20 % word is in {r['common_word_share_pct']:.1f} % of them")
    print(f"  {'query shape':<16}{'p50 ms':>10}{'p99 ms':>10}   goal p99")
    for s in shapes:
        if f"{s}_p50_ms" not in r:
            continue
        goal = 10 if s in ("related", "similar") else 20
        ok = "ok" if r[f"{s}_p99_ms"] <= goal else "MISSED"
        found = f"   (found {r[f'{s}_found_avg']:.1f} on average)" if f"{s}_found_avg" in r else ""
        print(f"  {s:<16}{r[f'{s}_p50_ms']:>10.2f}{r[f'{s}_p99_ms']:>10.2f}   <= {goal} {ok}{found}")
    if "sql_like_one_word_p50_ms" in r:
        print(f"  {'SQL LIKE (ref)':<16}{r['sql_like_one_word_p50_ms']:>10.2f}{r['sql_like_one_word_p99_ms']:>10.2f}")
    if "agg_posts_per_month_p50_ms" not in r:
        continue
    print(f"  {'analytics figure':<30}{'agg p50':>9}{'SQL p50':>10}{'ratio':>8}  same   goal <= 20 ms, >= 50x")
    for f in figures:
        a, q, x = r[f"agg_{f}_p50_ms"], r[f"sql_{f}_p50_ms"], r[f"agg_{f}_speedup"]
        same = "yes" if r[f"agg_{f}_same_as_sql"] == 1 else "NO"
        ok = "ok" if a <= 20 and x >= 50 else "MISSED"
        print(f"  {f:<30}{a:>9.2f}{q:>10.2f}{x:>7.0f}x  {same:<5}  {ok}")
print(f"\nLoad average before: {before}, after: {after}, on {cores} cores.")
json.dump(flat, open(out, "w"))
print(f"Wrote {out}")
PY
