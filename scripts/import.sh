#!/usr/bin/env bash
# Imports a Stack Exchange data dump folder into a site of the running Parley (scripts/run.sh), showing a progress
# bar (rows/s, ETA) and ending with one summary line per file: rows read, imported, skipped by reason.
#
#   scripts/import.sh --dir DIR --site NAME [--host HOST] [--title TITLE]
#
# DIR is a folder on this machine (the server reads it); NAME is the site's short name; HOST its host name (default
# NAME.localhost); the site is created if it does not exist. Talks to http://localhost:$PARLEY_PORT (+ offset) as
# user admin with the password in $PARLEY_DATA/server/data/parley/admin-password, or PARLEY_URL, PARLEY_ADMIN_USER,
# PARLEY_ADMIN_PASSWORD. Exits 0 when the import completed, 1 when it failed, 2 for bad arguments.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_packages curl:curl jq:jq

usage() { echo "usage: $0 --dir DIR --site NAME [--host HOST] [--title TITLE]" >&2; exit 2; }
dir="" site="" host="" title=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=${2:-}; shift 2 ;;
    --site) site=${2:-}; shift 2 ;;
    --host) host=${2:-}; shift 2 ;;
    --title) title=${2:-}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[ -n "$dir" ] && [ -n "$site" ] || usage
[ -d "$dir" ] || { echo "Folder not found: $dir" >&2; exit 1; }
dir=$(cd "$dir" && pwd)

api_setup
out=$(mktemp)
trap 'rm -f "$out"' EXIT
code=$(api_curl -s -o "$out" -w '%{http_code}' \
  --data-urlencode "dir=$dir" --data-urlencode "site=$site" --data-urlencode "host=$host" \
  --data-urlencode "title=$title" "$API_URL/api/imports" || echo 000)
if [ "$code" != 202 ]; then
  echo "Import refused (HTTP $code): $(jq -r '.error // empty' "$out" 2> /dev/null || cat "$out")" >&2
  exit 1
fi
id=$(jq -r .id "$out")
echo "Import $id: $dir -> $(jq -r .siteHost "$out")"

follow_import "$id"
