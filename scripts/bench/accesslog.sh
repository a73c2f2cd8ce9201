#!/usr/bin/env bash
# about: the access log's CPU cost per request: the filter's work on the request thread and the append to the node's H2 file, in microseconds, beside an output-cache hit's ~400 us of CPU
#
# The harness lives in web/src/test (org.parley.accesslog.web.AccessLogCost, a plain main: CPU clocks, least of 5
# rounds of 200,000 rows). Writes target/bench/accesslog.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=target/bench
mkdir -p "$out"
echo "Compiling (web test classes)..."
mvn -B -q -ntp -o test-compile -pl web -am
mvn -B -q -ntp -o dependency:build-classpath -pl web -Dmdep.includeScope=test -Dmdep.outputFile="$root/$out/accesslog.classpath" >/dev/null
cp="$root/web/target/test-classes:$root/web/target/classes:$root/ejb/target/classes:$(cat "$out/accesslog.classpath")"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Djava.util.logging.config.file=/dev/null -cp "$cp" org.parley.accesslog.web.AccessLogCost > "$out/accesslog.json"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$out/accesslog.json"
