#!/usr/bin/env bash
# about: one cluster server's capacity (wrk): question page, home page and /health (reference), for the capacity model in docs/benchmarks.md
#
# Needs a cluster started with scripts/cluster.sh up (same PARLEY_CLUSTER_* settings) with demo content
# (PARLEY_SEED=true, the default). Measures server web1 directly, not through HAProxy, whose per-IP rate limit would
# answer most of wrk's requests with 429. Settings: BENCH_SECONDS (default 15), BENCH_CONNECTIONS (default 16).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages wrk:wrk curl:curl

OFFSET=${PARLEY_CLUSTER_OFFSET:-6100}
PORT=$((8080 + ${PARLEY_WEB1_OFFSET:-$((OFFSET + 100))}))
BASE="http://127.0.0.1:$PORT"
SECONDS_EACH=${BENCH_SECONDS:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
OUT="$ROOT/target/bench/cluster.json"
mkdir -p "$(dirname "$OUT")"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: localhost' "$BASE/health")" = 200 ] \
  || { echo "web1 does not answer at $BASE; start the cluster with scripts/cluster.sh up" >&2; exit 1; }
question=$(curl -s -H 'Host: localhost' "$BASE/" | grep -o 'href="/questions/[0-9]*/[^"#]*"' | head -n 1 \
  | sed 's/^href="//; s/"$//')
[ -n "$question" ] || { echo "No question on the home page (demo content needed: PARLEY_SEED=true)" >&2; exit 1; }

to_ms() { # wrk prints 1.23ms, 456.00us or 1.20s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
# The server's JVM (the process listening on its port) and its CPU time in clock ticks: on a shared machine the
# CPU a request costs says more about capacity than the requests per second it got.
pid=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
run_wrk() { # path -> "req/s p50 p99 non-2xx cpu-ms-per-request"
  local before after
  before=$(cpu_ticks)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H 'Host: localhost' "$BASE$1" > "$tmp"
  after=$(cpu_ticks)
  local rps p50 p99 bad total cpu
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$tmp")
  p50=$(awk '$1 == "50%" { print $2 }' "$tmp")
  p99=$(awk '$1 == "99%" { print $2 }' "$tmp")
  bad=$(awk '/Non-2xx/ { print $NF }' "$tmp")
  total=$(awk '/requests in/ { print $1 }' "$tmp")
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$total" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${bad:-0} $cpu"
}

# Warm-up: the JIT and the pools see each page first.
for path in /health / "$question"; do
  wrk -t2 -c"$CONNECTIONS" -d5s -H 'Host: localhost' "$BASE$path" > /dev/null
done

echo "Benchmarking web1 ($BASE), $CONNECTIONS connections, ${SECONDS_EACH}s each; question $question; $(nproc) cores"
read -r ref_rps ref_p50 ref_p99 ref_bad ref_cpu < <(run_wrk /health)
read -r home_rps home_p50 home_p99 home_bad home_cpu < <(run_wrk /)
read -r q_rps q_p50 q_p99 q_bad q_cpu < <(run_wrk "$question")
[ "$ref_bad$home_bad$q_bad" = 000 ] || echo "warning: non-2xx answers (health $ref_bad, home $home_bad, question $q_bad)" >&2

printf '  %-32s %10s %10s %10s %14s\n' "" "req/s" "p50 ms" "p99 ms" "CPU ms/req"
printf '  %-32s %10s %10s %10s %14s\n' "reference: /health (1 query)" "$ref_rps" "$ref_p50" "$ref_p99" "$ref_cpu"
printf '  %-32s %10s %10s %10s %14s\n' "home page" "$home_rps" "$home_p50" "$home_p99" "$home_cpu"
printf '  %-32s %10s %10s %10s %14s\n' "question page" "$q_rps" "$q_p50" "$q_p99" "$q_cpu"
ratio=$(awk -v a="$q_rps" -v b="$ref_rps" 'BEGIN { printf "%.3f", a / b }')
echo "  question page / reference: $ratio   (load average while measuring: $(cut -d' ' -f1 /proc/loadavg))"

cat > "$OUT" <<EOF
{"connections": $CONNECTIONS, "seconds": $SECONDS_EACH, "cores": $(nproc),
 "reference_health_rps": $ref_rps, "reference_health_p50_ms": $ref_p50, "reference_health_p99_ms": $ref_p99,
 "home_rps": $home_rps, "home_p50_ms": $home_p50, "home_p99_ms": $home_p99,
 "question_rps": $q_rps, "question_p50_ms": $q_p50, "question_p99_ms": $q_p99,
 "reference_health_cpu_ms": $ref_cpu, "home_cpu_ms": $home_cpu, "question_cpu_ms": $q_cpu,
 "question_to_reference_ratio": $ratio}
EOF
echo "Wrote ${OUT#"$ROOT"/}"
