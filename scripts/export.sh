#!/usr/bin/env bash
# Exports a site of the running Parley to the eight files of a Stack Exchange data dump.
#
#   scripts/export.sh --site NAME --out DIR
#
# NAME is the site's short name or host; DIR a new or empty folder on this machine (the server writes it). Uses the
# same server and admin settings as scripts/import.sh. Exits 0 when the export completed, 1 when it failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_packages curl:curl jq:jq

usage() { echo "usage: $0 --site NAME --out DIR" >&2; exit 2; }
site="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --site) site=${2:-}; shift 2 ;;
    --out) out=${2:-}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[ -n "$site" ] && [ -n "$out" ] || usage
mkdir -p "$out"
out=$(cd "$out" && pwd)

api_setup
body=$(mktemp)
trap 'rm -f "$body"' EXIT
code=$(api_curl -s -o "$body" -w '%{http_code}' \
  --data-urlencode "site=$site" --data-urlencode "out=$out" "$API_URL/api/exports" || echo 000)
if [ "$code" != 202 ]; then
  echo "Export refused (HTTP $code): $(jq -r '.error // empty' "$body" 2> /dev/null || cat "$body")" >&2
  exit 1
fi
id=$(jq -r .id "$body")
echo "Export $id: $(jq -r .site "$body") -> $out"
while :; do
  json=$(api_curl -sf "$API_URL/api/exports/$id") || { echo "Lost the server." >&2; exit 1; }
  status=$(jq -r .status <<< "$json")
  case "$status" in
    COMPLETED)
      jq -r '.detail' <<< "$json" | tr ' ' '\n' | grep '=' | sed 's/=/: /; s/$/ rows/'
      echo "Export $id completed."
      exit 0 ;;
    FAILED) echo "Export $id FAILED: $(jq -r '.detail // "see the server log"' <<< "$json")" >&2; exit 1 ;;
  esac
  sleep 1
done
