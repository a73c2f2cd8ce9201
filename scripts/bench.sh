#!/usr/bin/env bash
# Runs one benchmark and prints its figures beside a reference measured in the same run; each writes
# target/bench/NAME.json, one flat JSON object of metric -> number. Without a name, lists the benchmarks.
#
#   scripts/bench.sh            list
#   scripts/bench.sh NAME [...] run one (extra arguments go to it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
  echo "Benchmarks (scripts/bench.sh NAME):"
  for f in "$here"/bench/*.sh; do
    [ -e "$f" ] || { echo "  (none yet)"; exit 0; }
    printf '  %-10s %s\n' "$(basename "$f" .sh)" "$(sed -n 's/^# about: //p' "$f" | head -n 1)"
  done
  exit 0
fi
name=$1
shift
script="$here/bench/$name.sh"
if [ ! -f "$script" ]; then
  echo "No benchmark named '$name'; 'scripts/bench.sh' lists them." >&2
  exit 2
fi
mkdir -p "$here/../target/bench"
exec bash "$script" "$@"
