#!/usr/bin/env bash
# Backs up a standalone Parley: its database and its data folder's secrets, into a new folder. While Parley runs the
# backup is online (the server copies its H2 database into a zip, consistent as of one moment, without stopping
# anything: POST /ops/backup on the operators' listener); when it is stopped the database file is copied as it is.
#
#   scripts/backup.sh --out DIR
#
# Same settings as scripts/run.sh (PARLEY_DATA, PARLEY_PORT_OFFSET, PARLEY_OPS_PORT). DIR must be new or empty; it
# gets parley-db.zip (the database), secrets/ (the admin password, the image proxy's and the messaging cluster's
# secrets: keep DIR as private as the data folder) and, last, MANIFEST (when, how, sizes and the zip's SHA-256): a
# folder without MANIFEST is not a finished backup. scripts/restore.sh --from DIR brings it back. Exits 0 when the
# backup is complete, 1 when it failed.
#
# The standalone server only: the cluster's PostgreSQL database has no backup command yet (pg_dump works on it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_packages curl:curl jq:jq

usage() { echo "usage: $0 --out DIR" >&2; exit 2; }
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:-}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[ -n "$out" ] || usage

DATA=${PARLEY_DATA:-$HOME/.parley}
OFFSET=${PARLEY_PORT_OFFSET:-0}
OPS_URL="http://127.0.0.1:$(( ${PARLEY_OPS_PORT:-9180} + OFFSET ))"
DB_DIR="$DATA/server/data/parley"
PIDFILE="$DATA/wildfly.pid"
fail() { echo "Backup failed: $*" >&2; exit 1; }

[ -f "$DB_DIR/parley.mv.db" ] || fail "no Parley database under $DATA (set PARLEY_DATA)"
umask 077
mkdir -p "$out"
out=$(cd "$out" && pwd)
[ -z "$(ls -A "$out")" ] || fail "$out is not empty"

started=$(date +%s%N)
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2> /dev/null; then
  mode=online
  reply=$(curl -sS -X POST -w '\n%{http_code}' "$OPS_URL/ops/backup") || fail "Parley's operators' listener at $OPS_URL did not answer"
  code=$(tail -n 1 <<< "$reply")
  body=$(sed '$d' <<< "$reply")
  [ "$code" = 200 ] || fail "the server answered HTTP $code: $body"
  file=$(jq -r .file <<< "$body")
  [ -f "$file" ] || fail "the server wrote $file, which is not here"
  mv "$file" "$out/parley-db.zip"
else
  mode=offline
  # A stopped server's database file is consistent as it is; zipped under the name H2's online backup uses.
  (cd "$DB_DIR" && jar --create --no-manifest --file "$out/parley-db.zip" parley.mv.db)
fi

mkdir "$out/secrets"
secrets=0
for f in "$DATA/secret.properties" "$DATA/cluster-password" "$DB_DIR/admin-password" "$DB_DIR/image-proxy-secret" \
    "$DB_DIR/bench-users-password"; do
  if [ -f "$f" ]; then cp -p "$f" "$out/secrets/"; secrets=$((secrets + 1)); fi
done

bytes=$(stat -c %s "$out/parley-db.zip")
millis=$(( ($(date +%s%N) - started) / 1000000 ))
cat > "$out/MANIFEST.tmp" << EOT
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
mode=$mode
source=$DATA
database=h2
file=parley-db.zip
bytes=$bytes
sha256=$(sha256sum "$out/parley-db.zip" | cut -d ' ' -f 1)
secrets=$secrets
millis=$millis
EOT
mv "$out/MANIFEST.tmp" "$out/MANIFEST"
echo "Backed up $DATA ($mode) to $out: database $bytes bytes, $secrets secret files, in $millis ms."
