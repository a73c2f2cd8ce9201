#!/usr/bin/env bash
# about: tag engine vs SQL (H2, Parley's schema) on 1M generated questions, 50k Zipf tags: p50/p99 per list, build time, bytes/question
#
# The JMH benchmark and its data generator live in ejb/src/test (org.parley.tag.engine.TagEngineBenchmark,
# BenchData, TagEngineBuildBench): the EJB module's test classpath already has Hibernate, H2 and the engine, and JMH's
# annotation processor runs when the tests compile. Nothing new at the top level.
#
#   scripts/bench.sh tags                          1,000,000 questions (first run writes the H2 database: minutes)
#   TAGS_BENCH_QUESTIONS=100000 scripts/bench.sh tags   smaller, quicker
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
questions=${TAGS_BENCH_QUESTIONS:-1000000}
out=target/bench
mkdir -p "$out"

echo "Compiling the benchmark (ejb test classes)..."
mvn -B -q -ntp test-compile -pl ejb
mvn -B -q -ntp dependency:build-classpath -pl ejb -Dmdep.includeScope=test -Dmdep.outputFile="$root/$out/tags.classpath" >/dev/null
cp="$root/ejb/target/test-classes:$root/ejb/target/classes:$(cat "$out/tags.classpath")"
props="-Dbench.questions=$questions -Dbench.dir=$root/$out -Djava.util.logging.config.file=/dev/null"

echo "Building the index from H2 through the loader ($questions questions; the first run writes the database)..."
java -Xmx6g $props -cp "$cp" org.parley.tag.engine.TagEngineBuildBench > "$out/tags-build.json"
cat "$out/tags-build.json"

echo "JMH: engine and SQL, one page of 30, page 1 and 100, sorted newest and by votes..."
java -cp "$cp" org.openjdk.jmh.Main 'org.parley.tag.engine.TagEngineBenchmark' \
  -jvmArgs "-Xmx6g $props" -rf json -rff "$out/tags-jmh.json" > "$out/tags-jmh.log"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
build = json.load(open(f"{out}/tags-build.json"))
runs = json.load(open(f"{out}/tags-jmh.json"))
figures = {}
for run in runs:
    impl = run["benchmark"].rsplit(".", 1)[1]
    p = run["params"]
    key = f'{p["query"]}_{p["sort"].lower()}_page{p["page"]}'
    pct = run["primaryMetric"]["scorePercentiles"]
    figures.setdefault(key, {})[impl] = (pct["50.0"], pct["99.0"])
result = dict(build)
print()
print(f'{"list (page of 30)":32} {"engine p50":>11} {"engine p99":>11} {"SQL p50":>11} {"SQL p99":>11} {"SQL/engine p50":>15}')
for key, f in figures.items():
    e50, e99 = f["engine"]
    s50, s99 = f["sql"]
    ratio = s50 / e50 if e50 else 0
    print(f"{key:32} {e50:9.1f}µs {e99:9.1f}µs {s50/1000:9.1f}ms {s99/1000:9.1f}ms {ratio:14.0f}x")
    result[f"{key}_engine_p50_us"] = round(e50, 2)
    result[f"{key}_engine_p99_us"] = round(e99, 2)
    result[f"{key}_sql_p50_us"] = round(s50, 1)
    result[f"{key}_sql_p99_us"] = round(s99, 1)
    result[f"{key}_sql_over_engine_p50"] = round(ratio, 1)
print()
print(f'build from the database: {build["build_ms"]:.0f} ms for {build["questions"]} questions, {build["tags"]} tags')
print(f'memory: {build["bytes_per_question_heap"]:.0f} B/question measured on the heap, '
      f'{build["bytes_per_question_estimated"]:.0f} B/question estimated from the arrays')
print(f'one change applied: vote {build["apply_vote_ms_p50"]:.1f} ms, new question {build["apply_ask_ms_p50"]:.1f} ms (p50)')
json.dump(result, open(f"{out}/tags.json", "w"), indent=1, sort_keys=True)
print(f"wrote {out}/tags.json")
PY
