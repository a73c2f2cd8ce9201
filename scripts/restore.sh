#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a stopped standalone Parley.
#
#   scripts/restore.sh --from DIR
#
# Same settings as scripts/run.sh (PARLEY_DATA: a new folder, or an existing one whose Parley is stopped). Checks the
# backup first (MANIFEST present, the zip's SHA-256), then moves what the data folder held (database, search index,
# message journal, transaction log, secrets) aside into PARLEY_DATA/before-restore-TIME, never deleting it, and puts
# the backup's database and secrets in their place. The next scripts/run.sh starts from the backup: the search
# index is rebuilt from the database, and private messages that were still on their way get new delivery jobs from
# the outbox sweeper (docs/private-messages.md). Exits 0 when restored, 1 when refused or failed (nothing changed).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

usage() { echo "usage: $0 --from DIR" >&2; exit 2; }
from=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from=${2:-}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[ -n "$from" ] || usage

DATA=${PARLEY_DATA:-$HOME/.parley}
BASE="$DATA/server"
DB_DIR="$BASE/data/parley"
PIDFILE="$DATA/wildfly.pid"
fail() { echo "Restore refused: $*" >&2; exit 1; }

[ -d "$from" ] || fail "$from is not a folder"
from=$(cd "$from" && pwd)
[ -f "$from/MANIFEST" ] || fail "$from has no MANIFEST: not a finished backup"
manifest() { sed -n "s/^$1=//p" "$from/MANIFEST"; }
[ "$(manifest database)" = h2 ] || fail "$from is a $(manifest database) backup; this restores H2 backups"
[ -f "$from/parley-db.zip" ] || fail "$from/parley-db.zip is missing"
[ "$(sha256sum "$from/parley-db.zip" | cut -d ' ' -f 1)" = "$(manifest sha256)" ] ||
  fail "$from/parley-db.zip does not match its MANIFEST's SHA-256 (damaged or changed)"
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2> /dev/null; then
  fail "Parley runs from $DATA (pid $(cat "$PIDFILE")); stop it first: PARLEY_DATA=$DATA scripts/run.sh stop"
fi

umask 077
# Unpacked beside the data first, so that a damaged zip changes nothing.
mkdir -p "$DATA"
staging=$(mktemp -d "$DATA/.restore-XXXXXX")
trap 'rm -rf "$staging"' EXIT
(cd "$staging" && jar --extract --file "$from/parley-db.zip")
[ -f "$staging/parley.mv.db" ] || fail "$from/parley-db.zip holds no parley.mv.db"

aside="$DATA/before-restore-$(date -u +%Y%m%d-%H%M%S)"
moved=0
move_aside() {
  if [ -e "$1" ]; then
    mkdir -p "$aside/$(dirname "${1#"$DATA"/}")"
    mv "$1" "$aside/${1#"$DATA"/}"
    moved=$((moved + 1))
  fi
}
for p in "$DB_DIR" "$BASE/data/activemq" "$BASE/data/tx-object-store" "$DATA/secret.properties" "$DATA/cluster-password"; do
  move_aside "$p"
done

mkdir -p "$DB_DIR"
mv "$staging/parley.mv.db" "$DB_DIR/parley.mv.db"
for f in "$from"/secrets/*; do
  [ -f "$f" ] || continue
  case "$(basename "$f")" in
    secret.properties | cluster-password) cp -p "$f" "$DATA/" ;;
    *) cp -p "$f" "$DB_DIR/" ;;
  esac
done
# The WildFly console's admin takes the restored admin password at the next start (run.sh adds it again).
if [ -f "$BASE/configuration/mgmt-users.properties" ]; then
  sed -i '/^admin=/d' "$BASE/configuration/mgmt-users.properties"
fi
# The backup holds whatever was imported; run.sh must not import the bundled dump over it.
touch "$DATA/bundled-dump-imported"

echo "Restored the backup of $(manifest created) ($(manifest mode), from $(manifest source)) into $DATA."
[ "$moved" -eq 0 ] || echo "What was there before is kept in $aside."
echo "Start it with: PARLEY_DATA=$DATA scripts/run.sh"
