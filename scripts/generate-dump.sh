#!/usr/bin/env bash
# Writes a synthetic Stack Exchange data dump (the eight XML files) at any scale; the same seed gives the same files.
#
#   scripts/generate-dump.sh --questions N --seed S --out DIR
#
# About N/20 Zipf-distributed tags, 1-5 per question, ~2 answers per question, comments, votes, badges, history and
# links over ten years of dates. The text is made for search: Zipf words from ~45,000 forms (English function words,
# syllable pseudo-words with inflections), tag topic words, title families, code blocks and links to 300 hosts.
# 1,000,000 questions take a few minutes and ~7.8 GB of disk (docs/search.md#indexing-figures). The generator is a test
# tool in the ejb module's test sources (org.parley.dump.generate, not deployed); this builds the ejb module's classes
# and test classes when they are missing or older than the sources, and prints only the generator's output on stdout.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classes="$ROOT/ejb/target/classes"
test_classes="$ROOT/ejb/target/test-classes"
generator="$test_classes/org/parley/dump/generate/DumpGenerator.class"
if [ ! -f "$generator" ] || [ ! -d "$classes/org/parley/dump" ] \
   || [ -n "$(find "$ROOT/ejb/src/main/java/org/parley/dump" "$ROOT/ejb/src/test/java/org/parley/dump/generate" \
                -newer "$generator" -name '*.java' -print -quit)" ]; then
  # Offline first (quick when the local repository has everything); build output goes to stderr, not into the dump's
  # summary on stdout.
  (cd "$ROOT" && { mvn -B -q -o test-compile -pl ejb > /dev/null 2>&1 || mvn -B -q test-compile -pl ejb; }) >&2
fi
# The generator needs only the JDK and org.parley.dump's format classes.
exec java -Xmx256m -cp "$test_classes:$classes" org.parley.dump.generate.DumpGenerator "$@"
