#!/usr/bin/env bash
# about: mass indexing of a generated dump's site (documents/s, index bytes per question), beside the import's rows/s and a plain SQL read of the same posts
#
# Starts its own Parley (scripts/run.sh with PARLEY_DATA=target/bench/search-index-data, your PARLEY_PORT_OFFSET) and
# stops it afterwards. Imports a generated dump of SEARCH_INDEX_QUESTIONS questions (default 50,000, about five
# minutes on two idle cores; 1000000 for the issue's figure; the dump is generated once into target/bench/dump-N). The
# import's last step but one indexes the site (PostIndex.indexSite, the same mass indexing as Rebuild on
# /admin/sites), which logs its documents (questions and answers) and milliseconds; this reads them from server.log
# and measures the Lucene index on disk (parley-questions and parley-answers under the server's data dir,
# parley/search) per question. References from the same run: the import's own rows/s (its time without the index
# step), and one plain JDBC read of the columns the indexer reads for the same posts (scripts/bench/SqlReadBench.java,
# on the H2 file once the server is stopped). Writes target/bench/search-index.json.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages curl:curl jq:jq

QUESTIONS=${SEARCH_INDEX_QUESTIONS:-50000}
export PARLEY_DATA="$ROOT/target/bench/search-index-data"
export PARLEY_HEAP=${PARLEY_HEAP:-2g}
OUT="$ROOT/target/bench/search-index.json"
LOG="$ROOT/target/bench/search-index"
SITE=bench-search
HOST=$SITE.localhost
INDEX_DIR="$PARLEY_DATA/server/data/parley/search"
SERVER_LOG="$PARLEY_DATA/server/log/server.log"
mkdir -p "$ROOT/target/bench"

"$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true
DUMP=$(generated_dump "$QUESTIONS")
rm -rf "$PARLEY_DATA"
mkdir -p "$PARLEY_DATA"
touch "$PARLEY_DATA/bundled-dump-imported" # only the generated dump: the index holds its site alone

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$ROOT/scripts/run.sh" --background > "$LOG-run.log"
trap '"$ROOT/scripts/run.sh" stop > /dev/null 2>&1 || true' EXIT
api_setup
api() { api_curl -sf "$@"; }
seconds_between() { # ISO instants $1 and $2
  awk -v a="$(date -d "$1" +%s.%N)" -v b="$(date -d "$2" +%s.%N)" 'BEGIN { printf "%.3f", b - a }'
}

echo "Importing $DUMP as $HOST ..."
"$ROOT/scripts/import.sh" --dir "$DUMP" --site "$SITE" --host "$HOST" > "$LOG-import.log" 2>&1 \
  || { cat "$LOG-import.log" >&2; exit 1; }
import_id=$(sed -n 's/^Import \([0-9]*\): .*/\1/p' "$LOG-import.log" | head -n 1)
json=$(api "$API_URL/api/imports/$import_id")
import_rows=$(jq .rowsDone <<< "$json")
job_secs=$(seconds_between "$(jq -r .createdAt <<< "$json")" "$(jq -r .finishedAt <<< "$json")")

# PostIndex logs "Search index: site 3, 149,873 posts indexed in 61,234 ms (2,447/s)" when a site's indexing ends.
line=$(grep -a 'Search index: site .* posts indexed in ' "$SERVER_LOG" | tail -n 1)
[ -n "$line" ] || { echo "No indexing line in $SERVER_LOG" >&2; exit 1; }
index_docs=$(sed 's/.* site [0-9,]*, \([0-9,]*\) posts indexed.*/\1/' <<< "$line" | tr -d ,)
index_ms=$(sed 's/.* posts indexed in \([0-9,]*\) ms.*/\1/' <<< "$line" | tr -d ,)
index_secs=$(awk -v m="$index_ms" 'BEGIN { printf "%.3f", m / 1000 }')
import_secs=$(awk -v j="$job_secs" -v i="$index_secs" 'BEGIN { printf "%.3f", j - i }')

index_bytes=$(du -scb "$INDEX_DIR/parley-questions" "$INDEX_DIR/parley-answers" | tail -n 1 | cut -f1)
index_files=$(find "$INDEX_DIR/parley-questions" "$INDEX_DIR/parley-answers" -type f | wc -l)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
"$ROOT/scripts/run.sh" stop > /dev/null

h2=$(find "$WILDFLY_HOME/modules" -name 'h2-*.jar' | head -n 1)
read -r sql_rows sql_ms sql_chars < <(java -cp "$h2" "$ROOT/scripts/bench/SqlReadBench.java" \
  "$PARLEY_DATA/server/data/parley/parley" "$HOST")

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%d", (s > 0 ? n / s : 0) }'; }
import_rate=$(rate "$import_rows" "$import_secs")
index_rate=$(rate "$index_docs" "$index_secs")
sql_rate=$(rate "$sql_rows" "$(awk -v m="$sql_ms" 'BEGIN { print m / 1000 }')")
per_question=$(awk -v b="$index_bytes" -v q="$QUESTIONS" 'BEGIN { printf "%d", b / q }')
per_document=$(awk -v b="$index_bytes" -v d="$index_docs" 'BEGIN { printf "%d", (d > 0 ? b / d : 0) }')

row() { printf '%-52s %12s %10s %10s\n' "$@"; }
row "generated dump of $QUESTIONS questions" "count" "seconds" "per s"
row "import without its index step (reference): rows" "$import_rows" "$import_secs" "$import_rate"
row "plain SQL read of the posts (reference): rows" "$sql_rows" "$(awk -v m="$sql_ms" 'BEGIN { printf "%.3f", m / 1000 }')" "$sql_rate"
row "mass indexing of the site: documents" "$index_docs" "$index_secs" "$index_rate"
echo "Index on disk: $index_bytes bytes in $index_files files; $per_question bytes per question, $per_document per document."
echo "Load average before: $load_before, after: $load_after, on $(nproc) cores."

cat > "$OUT" <<JSON
{"questions": $QUESTIONS, "import_rows": $import_rows, "import_seconds": $import_secs, "import_rows_per_s": $import_rate, "sql_read_rows": $sql_rows, "sql_read_ms": $sql_ms, "sql_read_rows_per_s": $sql_rate, "sql_read_chars": $sql_chars, "index_documents": $index_docs, "index_seconds": $index_secs, "index_documents_per_s": $index_rate, "index_bytes": $index_bytes, "index_files": $index_files, "index_bytes_per_question": $per_question, "index_bytes_per_document": $per_document}
JSON
echo "Wrote $OUT"
