#!/usr/bin/env bash
# Writes a synthetic Stack Exchange data dump (the eight XML files) at any scale; the same seed gives the same files.
#
#   scripts/generate-dump.sh --questions N --seed S --out DIR
#
# About N/20 Zipf-distributed tags, 1-5 per question, ~2 answers per question, comments, votes, badges, history and
# links over ten years of dates. 1,000,000 questions take a few minutes and ~3 GB of disk. Builds the classes it
# needs (ejb) when they are missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classes="$ROOT/ejb/target/classes"
if [ ! -f "$classes/org/parley/dump/generate/DumpGenerator.class" ] \
   || [ -n "$(find "$ROOT/ejb/src/main/java/org/parley/dump" -newer "$classes/org/parley/dump/generate/DumpGenerator.class" -name '*.java' -print -quit)" ]; then
  (cd "$ROOT" && mvn -B -q -o compile -pl ejb 2> /dev/null || mvn -B -q compile -pl ejb)
fi
exec java -Xmx256m -cp "$classes" org.parley.dump.generate.DumpGenerator "$@"
