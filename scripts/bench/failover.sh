#!/usr/bin/env bash
# about: fail-over under load, 5 runs (kill -9 of web1, 20 s on web2 alone, web1 restarted): failed requests and the slowest answer after each kill
#
# Runs FailoverClusterIT (ear/src/test/java/org/parley/cluster) with -Dfailover.runs=FAILOVER_RUNS (default 5) on a
# cluster of its own (PostgreSQL, a WildFly domain with web1, web2 and work1, HAProxy; ClusterFixture starts and stops
# it, about 3 minutes, then about 3 minutes a run). Six logged-in users ask, vote and read in a loop the whole time.
# The issue's goal: 0 failed requests and every request answered within 3 s of the kill, in 5 runs out of 5. The
# reference from the same run is the load's own request count (what each run's failures are out of). Prints the
# report, a line per run, and writes target/bench/failover.json. Needs the build's WildFly: the first run builds it.
# Ports: IT_PORT_OFFSET (default 4000) moves the cluster's ports too.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

RUNS=${FAILOVER_RUNS:-5}
OUT="$ROOT/target/bench/failover.json"
REPORT="$ROOT/ear/target/cluster-it/failover-report.txt"
mkdir -p "$ROOT/target/bench"
rm -f "$REPORT" "$ROOT/ear/target/cluster-it/failover.json"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Fail-over: $RUNS runs on a cluster of this machine ($(nproc) cores, load $load_before); the test's log in" \
  "ear/target/failsafe-reports, the cluster's in ear/target/cluster-it.log"
IT_PORT_OFFSET=${IT_PORT_OFFSET:-4000} "$ROOT/scripts/test.sh" -q -pl ear -am -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FailoverClusterIT -Dfailover.runs="$RUNS" \
  > "$ROOT/target/bench/failover.log" 2>&1 || status=$?
[ -f "$REPORT" ] || { echo "No report: see target/bench/failover.log" >&2; tail -n 30 "$ROOT/target/bench/failover.log" >&2; exit 1; }
cat "$REPORT"
cp "$ROOT/ear/target/cluster-it/failover.json" "$OUT"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (before: $load_before)"
echo "Wrote ${OUT#"$ROOT"/}"
exit "${status:-0}"
