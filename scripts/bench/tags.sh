#!/usr/bin/env bash
# about: tag engine vs SQL (H2, Parley's schema) on 1M generated questions, 50k Zipf tags: p50/p99 per list and ratio, start-up build (wall, CPU), bytes/question
#
# The JMH benchmark and its data generator live in ejb/src/test (org.parley.listing.TagEngineBenchmark,
# BenchData, TagEngineBuildBench): the EJB module's test classpath already has Hibernate, H2 and the engine, and JMH's
# annotation processor runs when the tests compile. Nothing new at the top level.
#
#   scripts/bench.sh tags                                1,000,000 questions (the first run writes the H2 database)
#   TAGS_BENCH_QUESTIONS=100000 scripts/bench.sh tags    smaller, quicker
#   TAGS_BENCH_SQL=and,or scripts/bench.sh tags          the SQL reference for these lists only (default: all four)
#   TAGS_BENCH_ENGINE=and scripts/bench.sh tags          the engine for these lists only (default: all four)
#
# The H2 database is written once per seed, size and schema and kept in ~/.cache/parley/bench (TAGS_BENCH_CACHE to
# move it): 100k questions take about 2 minutes to write, 1M questions much longer.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
questions=${TAGS_BENCH_QUESTIONS:-1000000}
sql_lists=${TAGS_BENCH_SQL:-one,and,or,andnot}
engine_lists=${TAGS_BENCH_ENGINE:-one,and,or,andnot}
out=target/bench
mkdir -p "$out"

echo "Compiling the benchmark (ejb test classes)..."
mvn -B -q -ntp test-compile -pl ejb
mvn -B -q -ntp dependency:build-classpath -pl ejb -Dmdep.includeScope=test -Dmdep.outputFile="$root/$out/tags.classpath" >/dev/null
cp="$root/ejb/target/test-classes:$root/ejb/target/classes:$(cat "$out/tags.classpath")"
props="-Dbench.questions=$questions -Dbench.cache=${TAGS_BENCH_CACHE:-} -Djava.util.logging.config.file=/dev/null"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "Building the index from H2 as at start ($questions questions; the first run writes the database)..."
java -Xmx8g $props -cp "$cp" org.parley.listing.TagEngineBuildBench > "$out/tags-build.json"
cat "$out/tags-build.json"

echo "JMH, engine: one page of 30, page 1 and 100, sorted newest and by votes ($engine_lists)..."
java -cp "$cp" org.openjdk.jmh.Main 'org.parley.listing.TagEngineBenchmark.engine' -p query="$engine_lists" \
  -jvmArgs "-Xmx6g $props" -rf json -rff "$out/tags-jmh-engine.json" > "$out/tags-jmh-engine.log"
echo "Engine CPU time per list (the thread's own CPU clock: what a list costs, without waiting for a CPU)..."
java -Xmx6g $props -cp "$cp" org.parley.listing.TagEngineCpuBench "$engine_lists" > "$out/tags-cpu.json"
echo "JMH, SQL on the same data ($sql_lists)..."
java -cp "$cp" org.openjdk.jmh.Main 'org.parley.listing.TagEngineBenchmark.sql' -p query="$sql_lists" \
  -jvmArgs "-Xmx6g $props" -rf json -rff "$out/tags-jmh-sql.json" > "$out/tags-jmh-sql.log"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Load average after: $load_after"

python3 - "$out" "$load_after" <<'PY'
import json, sys
out, load = sys.argv[1], sys.argv[2]
build = json.load(open(f"{out}/tags-build.json"))
runs = json.load(open(f"{out}/tags-jmh-engine.json")) + json.load(open(f"{out}/tags-jmh-sql.json"))
cpu = json.load(open(f"{out}/tags-cpu.json"))
figures = {}
for run in runs:
    impl = run["benchmark"].rsplit(".", 1)[1]
    p = run["params"]
    key = f'{p["query"]}_{p["sort"].lower()}_page{p["page"]}'
    pct = run["primaryMetric"]["scorePercentiles"]
    figures.setdefault(key, {})[impl] = (pct["50.0"], pct["99.0"])
result = dict(build)
result.update(cpu)
result["load_average_after"] = load
print()
print(f'{"list (page of 30)":28} {"engine p50":>11} {"engine p99":>11} {"CPU p50":>10} {"CPU p99":>10} {"SQL p50":>11} {"SQL p99":>11} {"SQL/engine p50":>15}')
for key, f in figures.items():
    e50, e99 = f.get("engine", (None, None))
    s50, s99 = f.get("sql", (None, None))
    line = f"{key:28} "
    line += f"{e50:9.1f}µs {e99:9.1f}µs " if e50 is not None else f'{"-":>11} {"-":>11} '
    c50, c99 = cpu.get(f"{key}_cpu_p50_us"), cpu.get(f"{key}_cpu_p99_us")
    line += f"{c50:8.1f}µs {c99:8.1f}µs " if c50 is not None else f'{"-":>10} {"-":>10} '
    line += f"{s50/1000:9.1f}ms {s99/1000:9.1f}ms " if s50 is not None else f'{"-":>11} {"-":>11} '
    if e50 is not None:
        result[f"{key}_engine_p50_us"] = round(e50, 2)
        result[f"{key}_engine_p99_us"] = round(e99, 2)
    if s50 is not None:
        result[f"{key}_sql_p50_us"] = round(s50, 1)
        result[f"{key}_sql_p99_us"] = round(s99, 1)
    if e50 and s50:
        ratio = s50 / e50
        line += f"{ratio:14.0f}x"
        result[f"{key}_sql_over_engine_p50"] = round(ratio, 1)
        result[f"{key}_sql_over_engine_p99"] = round(s99 / e99, 1)
    print(line)
print()
print(f'start-up build from the database: {build["build_ms"]:.0f} ms wall, {build["build_cpu_ms"]:.0f} ms CPU'
      f' ({build["build_thread_cpu_ms"]:.0f} ms in the building thread) for {build["questions"]} questions, {build["tags"]} tags (warm: query alone {build["warm_sql_read_ms"]:.0f} ms,'
      f' query and build {build["warm_build_ms"]:.0f} ms, index from rows {build["warm_index_from_rows_ms"]:.0f} ms)')
print(f'memory: {build["bytes_per_question_estimated"]:.1f} B/question estimated from the arrays and bitmaps')
print(f'one change applied: vote {build["apply_vote_ms_p50"]:.1f} ms, new question {build["apply_ask_ms_p50"]:.1f} ms (p50)')
print(f'load average after: {load}')
json.dump(result, open(f"{out}/tags.json", "w"), indent=1, sort_keys=True)
print(f"wrote {out}/tags.json")
PY
