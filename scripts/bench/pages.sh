#!/usr/bin/env bash
# about: wrk at 64 connections with the server's CPU ms per request: a plain servlet (the limit); the question page anonymous from the output cache and as a miss; logged in as 64 distinct users: the question page, home, a tag listing, the inbox (each beside the anonymous page's req/s); L1/L2 get p50/p99; page weight in Chromium
#
# Uses a Parley started with scripts/run.sh (same PARLEY_PORT, PARLEY_PORT_OFFSET, PARLEY_DATA); starts one in the
# background, and stops it afterwards, when none runs. Pages are those of the site imported from the bundled Stack
# Exchange dump (scripts/run.sh imports it on its first start), on its question with the most answers (then comments).
# Settings: BENCH_SECONDS (default 15), BENCH_CONNECTIONS (64: as many users, one session each), BENCH_LOADS (page
# loads per DOMContentLoaded median, 11), BENCH_HOST (meta.bicycles.localhost), BENCH_DUMP (the dump of that site, for
# picking the question and the tag), BENCH_QUESTION (a question number instead). `scripts/bench.sh pages weight`
# measures the page weight only (no wrk).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ensure_packages wrk:wrk curl:curl chromium:chromium
only=${1:-all}
[ "$only" = all ] || [ "$only" = weight ] || { echo "usage: scripts/bench.sh pages [weight]" >&2; exit 2; }

DATA=${PARLEY_DATA:-$HOME/.parley}
PORT=$(( ${PARLEY_PORT:-8080} + ${PARLEY_PORT_OFFSET:-0} ))
HOST=${BENCH_HOST:-meta.bicycles.localhost}
DUMP=${BENCH_DUMP:-$ROOT/../shared/data/se-dump/bicycles.meta.stackexchange.com}
# Requests go to loopback and name the site in the Host header (wrk and curl alike; the browser resolves *.localhost).
BASE="http://localhost:$PORT"
SITE=(-H "Host: $HOST:$PORT")
# The operators' listener (loopback only), where /bench and /metrics answer.
OPS="http://localhost:$(( ${PARLEY_OPS_PORT:-9180} + ${PARLEY_PORT_OFFSET:-0} ))"
SECONDS_EACH=${BENCH_SECONDS:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
OUT="$ROOT/target/bench/pages.json"
mkdir -p "$(dirname "$OUT")"
fail() { echo "scripts/bench.sh pages: $*" >&2; exit 1; }

started=false
if ! "$ROOT/scripts/run.sh" status > /dev/null 2>&1; then
  "$ROOT/scripts/run.sh" --background > /dev/null
  started=true
fi
main_pid=$BASHPID
work=$(mktemp -d "${TMPDIR:-/tmp}/parley-bench-pages.XXXXXX")
cleanup() { # only the script itself, not a subshell that inherited the trap
  [ "$BASHPID" = "$main_pid" ] || return 0
  if $started; then "$ROOT/scripts/run.sh" stop > /dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The server's JVM, whose CPU time (utime + stime in /proc/PID/stat, in clock ticks) is read before and after each run.
server_pid=$(cat "$DATA/wildfly.pid" 2> /dev/null || true)
[ -n "$server_pid" ] && [ "$(cat "/proc/$server_pid/comm" 2> /dev/null)" = java ] \
  || fail "no WildFly JVM at the pid in $DATA/wildfly.pid (is PARLEY_DATA the running server's?)"
HZ=$(getconf CLK_TCK)
cpu_ticks() { sed 's/^.*) //' "/proc/$server_pid/stat" | awk '{ print $12 + $13 }'; } # after "pid (comm) ": utime, stime

# status URL [curl options...]: the HTTP status of a GET on the site.
status() { local url=$1; shift; curl -s -o /dev/null -w '%{http_code}' "${SITE[@]}" "$@" "$url"; }

# The question: the dump's one with the most answers, then the most comments (BENCH_QUESTION names another); the tag
# listing: the dump's most used tag. Without the dump, the first question and tag the site's home page links to.
attr() { # awk function text: the value of attribute NAME on a dump row
  echo 'function attr(name) { if (match($0, " " name "=\"[^\"]*\"")) return substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4); return "" }'
}
number=${BENCH_QUESTION:-}
tag=""
if [ -f "$DUMP/Posts.xml" ] && [ -f "$DUMP/Comments.xml" ] && [ -f "$DUMP/Tags.xml" ]; then
  if [ -z "$number" ]; then
    number=$(awk "$(attr)"'
      FNR == 1 { file++ }
      file == 1 && /<row / && attr("PostTypeId") == "1" { questions[attr("Id")] = 1 }
      file == 1 && /<row / && attr("PostTypeId") == "2" { parent[attr("Id")] = attr("ParentId"); answers[attr("ParentId")]++ }
      file == 2 && /<row / { p = attr("PostId"); if (p in parent) p = parent[p]; comments[p]++ }
      END {
        best = ""; a = -1; c = -1
        for (q in questions) if (answers[q] + 0 > a || (answers[q] + 0 == a && comments[q] + 0 > c)) { best = q; a = answers[q] + 0; c = comments[q] + 0 }
        print best
      }' "$DUMP/Posts.xml" "$DUMP/Comments.xml")
  fi
  tag=$(awk "$(attr)"'/<row / && attr("Count") + 0 > best { best = attr("Count") + 0; tag = attr("TagName") } END { print tag }' "$DUMP/Tags.xml")
fi
[ "$(status "$BASE/")" = 200 ] \
  || fail "no site at $HOST on $BASE (scripts/run.sh imports the bundled dump as meta.bicycles.localhost on its first start; BENCH_HOST names the site)"
home=$(curl -s "${SITE[@]}" "$BASE/")
if [ -z "$number" ]; then
  number=$(echo "$home" | grep -o 'href="/questions/[0-9]*/' | head -n 1 | tr -dc 0-9)
fi
[ -n "$tag" ] || tag=$(echo "$home" | grep -o 'href="/questions/tagged/[^"]*"' | head -n 1 | sed 's:.*/tagged/::; s/"$//')
[ -n "$number" ] && [ -n "$tag" ] || fail "no question or tag found on $HOST"
# /questions/N answers 301 to the page's canonical address, with its slug.
question=$(curl -s -o /dev/null -w '%{redirect_url}' "${SITE[@]}" "$BASE/questions/$number")
question=/${question#*://*/}
[[ "$question" == /questions/"$number"/* ]] || fail "question $number of $HOST has no page (got '$question')"
tagged="/questions/tagged/$tag"
# Requested three times so that the output cache holds them; the counts come from the page as served.
for _ in 1 2 3; do curl -s -o /dev/null "${SITE[@]}" "$BASE$question"; done
page=$(curl -s "${SITE[@]}" "$BASE$question")
answers=$(grep -o 'class="post answer' <<< "$page" | wc -l)
comments=$(grep -o 'class="comment"' <<< "$page" | wc -l)
echo "Question $number on $HOST ($question): $answers answers, $comments comments; tag listing $tagged"
[ "$(status "$BASE$tagged")" = 200 ] || fail "$tagged on $HOST answers $(status "$BASE$tagged"), not 200"
limit="$OPS/bench/limit?path=$question"
[ "$(status "$limit&refresh=1")" = 200 ] || fail "the limit servlet has no copy of $question"
cmp -s <(curl -s "${SITE[@]}" "$BASE$question") <(curl -s "${SITE[@]}" "$limit") || fail "the limit servlet's bytes differ from the page's"
# The miss: the operators' listener renders the page as a miss, past the cache, when asked (OutputCacheFilter).
miss=(-H "X-Parley-Output-Cache: bypass")
[ "$(curl -s -D - -o /dev/null "${SITE[@]}" "${miss[@]}" "$OPS$question" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-parley-cache" { print $2 }')" = bypass ] \
  || fail "the operators' listener did not render $question past the output cache (X-Parley-Cache is not 'bypass')"

# Logged-in users, one per wrk connection, each with one session: bench-user-1..N, made by /bench/users on the
# operators' listener (sign-ups are limited per address, which a benchmark must not loosen) with a password kept in
# the data folder, then logged in through the log-in form as a person would. Sharing one session would measure the
# session's lock, not the page: requests of one session queue.
[ "$only" = weight ] && CONNECTIONS=1
password_file="$DATA/server/data/parley/bench-users-password"
if [ ! -s "$password_file" ]; then
  (umask 077; s=$(head -c 64 /dev/urandom | base64 -w 0); s=${s//[^A-Za-z0-9]/}; printf '%s' "${s:0:20}" > "$password_file")
fi
made=$(curl -s -w '\n%{http_code}' "${SITE[@]}" --data-urlencode "count=$CONNECTIONS" --data-urlencode "password@$password_file" "$OPS/bench/users")
[ "$(tail -n 1 <<< "$made")" = 200 ] || fail "/bench/users refused: $made"
created=$(grep -c ' created$' <<< "$made" || true)
echo "Logging in $CONNECTIONS users ($created of them new)..."
sessions="$work/sessions"
: > "$sessions"
login() { # username: prints the new session's id
  local cj="$work/cookies.$1" form state
  form=$(curl -s -c "$cj" "${SITE[@]}" "$BASE/users/login")
  state=$(echo "$form" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$cj" -c "$cj" "${SITE[@]}" --data-urlencode "login-form=login-form" \
    --data-urlencode "login-username=$1" --data-urlencode "login-password@$password_file" \
    --data-urlencode "login-submit=Log in" --data-urlencode "jakarta.faces.ViewState=$state" \
    "$BASE/views/users/login.xhtml"
  awk '$6 == "JSESSIONID" { print $7 }' "$cj" | tail -n 1
  rm -f "$cj"
}
for i in $(seq 1 "$CONNECTIONS"); do login "bench-user-$i" >> "$sessions"; done
[ "$(sort -u "$sessions" | grep -c .)" = "$CONNECTIONS" ] || fail "could not log in $CONNECTIONS distinct sessions"
# logged_in_as SESSION N URL: the page answers 200 with bench-user-N's own name in the top bar.
logged_in_as() {
  local html
  html=$(curl -s -w '\n%{http_code}' -b "JSESSIONID=$1" "${SITE[@]}" "$3")
  [ "$(tail -n 1 <<< "$html")" = 200 ] && grep -q "<span class=\"topbar-user-name\">Bench user $2</span>" <<< "$html"
}
# Their own data: each user made now sends the next one a private message (the API, as the page's form does), so
# that every inbox and top bar has something of its own.
if [ "$created" -gt 0 ] && [ "$only" != weight ]; then
  i=0
  while read -r s; do
    i=$((i + 1))
    grep -qx "bench-user-$i created" <<< "$made" || continue
    to=$(( i % CONNECTIONS + 1 ))
    code=$(curl -s -o "$work/sent" -w '%{http_code}' -b "JSESSIONID=$s" "${SITE[@]}" -H 'Content-Type: application/json' \
      --data "{\"to\": \"bench-user-$to\", \"body\": \"A message from bench user $i to bench user $to, for the inbox benchmark.\"}" \
      "$BASE/api/messages")
    [ "$code" = 202 ] || fail "bench-user-$i could not send a message ($code): $(cat "$work/sent")"
  done < "$sessions"
fi
check_sessions() { # url: every session is logged in as its own user there
  local i=0 s
  while read -r s; do
    i=$((i + 1))
    logged_in_as "$s" "$i" "$1" || fail "session $i (bench-user-$i) is not logged in as its user on $1"
  done < "$sessions"
}
check_sessions "$BASE$question"

load() { cut -d' ' -f1 /proc/loadavg; }
# Page weight in a real browser: Debian's Chromium over its DevTools protocol (scripts/bench/PageWeightBench.java)
# opens the question page with an empty profile (first visit), again (repeat visit), and with the cache off for
# DOMContentLoaded; the reference is the same page for a logged-in user, who gets PrimeFaces' widgets.
weigh_page() {
  echo "Page weight of $question in Chromium (load average $(load)):"
  java "$ROOT/scripts/bench/PageWeightBench.java" "http://$HOST:$PORT$question" "$(head -n 1 "$sessions")" "${BENCH_LOADS:-11}" \
    > "$work/weight.json"
  weight_fields=$(sed 's/^{//; s/}$//' "$work/weight.json")
}
if [ "$only" = weight ]; then
  load_start=$(load)
  weigh_page
  load_end=$(load)
  echo "  load average: $load_start at the start, $load_end at the end (2 cores)"
  echo "{$weight_fields, \"load_average_start\": $load_start, \"load_average_end\": $load_end}" > "$OUT"
  echo "  wrote ${OUT#$ROOT/}"
  exit 0
fi

# Every logged-in page answers its user's own page, not a redirect to the log-in form (which wrk would count as a
# success: it only counts 4xx and 5xx as errors).
for path in / "$tagged" /messages; do
  logged_in_as "$(head -n 1 "$sessions")" 1 "$BASE$path" || fail "$path does not answer 200 with bench-user-1's own page"
done

# wrk's summary: requests/s, the 50th/99th latency percentiles in milliseconds and the requests completed; and the
# server's CPU time over the run divided by those requests. 4xx/5xx answers fail the run.
run_wrk() { # url [wrk options...] [-- script arguments...]: wrk wants its URL before the script's arguments
  local url=$1 opts=() out before after
  shift
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
  out=$(mktemp "$work/wrk.XXXXXX")
  before=$(cpu_ticks)
  # A 30 s timeout: on a busy machine a slow answer must count in the percentiles, not vanish as a timeout.
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 30s --latency "${opts[@]}" "$url" "$@" > "$out"
  after=$(cpu_ticks)
  if grep -q 'Non-2xx' "$out"; then
    echo "wrk got error answers from $url:" >&2
    cat "$out" >&2
    exit 1
  fi
  local rps p50 p99 n
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  n=$(awk '/ requests in / { print $1 }' "$out")
  [ "${n:-0}" -gt 0 ] || { echo "wrk completed no request on $url:" >&2; cat "$out" >&2; exit 1; }
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") $n $(awk -v t=$((after - before)) -v hz="$HZ" -v n="$n" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
  rm -f "$out"
}
to_ms() { # wrk prints 1.23ms, 456.00us or 1.20s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
users_lua=(-s "$ROOT/scripts/bench/sessions.lua")
users_args=(-- "$sessions" 2)

# The cases: name, URL, wrk options (the session script's arguments after --).
names=(limit anonymous anonymous_miss logged_in logged_in_home logged_in_tagged logged_in_inbox)
declare -A label url opts
label[limit]="limit: same bytes, plain servlet"
label[anonymous]="anonymous question page (cache hit)"
label[anonymous_miss]="anonymous question page (miss, no cache)"
label[logged_in]="logged in: question page"
label[logged_in_home]="logged in: home /"
label[logged_in_tagged]="logged in: tag listing"
label[logged_in_inbox]="logged in: inbox /messages"
url[limit]=$limit
url[anonymous]=$BASE$question
url[anonymous_miss]=$OPS$question
url[logged_in]=$BASE$question
url[logged_in_home]=$BASE/
url[logged_in_tagged]=$BASE$tagged
url[logged_in_inbox]=$BASE/messages
case_opts() { # name: its wrk options, one a line
  printf '%s\n' "${SITE[@]}"
  case $1 in
    anonymous_miss) printf '%s\n' "${miss[@]}" ;;
    logged_in*) printf '%s\n' "${users_lua[@]}" "${users_args[@]}" ;;
  esac
}

# Warm-up: the JIT and pools see each case for 5 s before anything is measured.
echo "Warming up (5 s a case)..."
for name in "${names[@]}"; do
  mapfile -t o < <(case_opts "$name")
  wrk -t2 -c"$CONNECTIONS" -d5s "${url[$name]}" "${o[@]}" > /dev/null
done

# The server's own CPU while nobody asks anything (timers, GC, the other sites), the floor under every figure below.
idle_before=$(cpu_ticks)
sleep 5
idle_cpu=$(awk -v t=$(( $(cpu_ticks) - idle_before )) -v hz="$HZ" 'BEGIN { printf "%.1f", t * 1000 / hz / 5 }')
if awk -v c="$idle_cpu" 'BEGIN { exit !(c > 250) }'; then
  # Seen once: a standalone server that had joined another's JGroups cluster (the same multicast address) spun a
  # JGroups bundler thread at most of a core after the other left. Every CPU figure below would carry that.
  echo "Warning: idle, the server uses $idle_cpu ms of CPU a second; the CPU figures include it (another server on its" \
    "multicast address? set PARLEY_MULTICAST_ADDRESS and restart it)" >&2
fi

load_start=$(load)
echo "Benchmarking on $BASE ($HOST; $CONNECTIONS connections, ${SECONDS_EACH}s each, load average $load_start)"
declare -A rps p50 p99 requests cpu
for name in "${names[@]}"; do
  mapfile -t o < <(case_opts "$name")
  result=$(run_wrk "${url[$name]}" "${o[@]}")
  read -r rps[$name] p50[$name] p99[$name] requests[$name] cpu[$name] <<< "$result"
done
load_end=$(load)
# The sessions are still their users' (an expired one would have been answered with redirects).
check_sessions "$BASE/messages"

# The tier's own get times over live traffic (since the server started), then a quiet probe: 20,000 gets of one
# 32 KB entry on one thread, after as many to warm up.
metrics=$(curl -s "$OPS/metrics/cache")
stat() { echo "$metrics" | awk -v m="parley_cache_$1" -v c="$2" 'index($1, m "{cache=\"" c "\"") == 1 { print $2 }' | head -n 1; }
probe=$(curl -s "$OPS/bench/cache-probe?gets=20000")
pstat() { echo "$probe" | tr -d '{}' | tr ',' '\n' | awk -F': ' -v k="\"$1\"" '$1 ~ k { gsub(/ /, "", $2); print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
anon_to_limit=$(ratio "${rps[anonymous]}" "${rps[limit]}")
met() { awk "BEGIN { exit !($1) }" && echo met || echo "NOT met"; }

printf '  %-42s %9s %9s %9s %11s %9s   %s\n' "" "req/s" "p50 ms" "p99 ms" "CPU ms/req" "x anon" "goal (issue 19)"
declare -A to_anon
for name in "${names[@]}"; do
  goal="" share=""
  case $name in
    limit) ;;
    anonymous) goal="x limit $anon_to_limit ≥ 0.5: $(met "$anon_to_limit >= 0.5")" ;;
    anonymous_miss)
      to_anon[$name]=$(ratio "${rps[$name]}" "${rps[anonymous]}")
      share=${to_anon[$name]}
      goal="CPU ≤ 3: $(met "${cpu[$name]} <= 3")" ;;
    *)
      to_anon[$name]=$(ratio "${rps[$name]}" "${rps[anonymous]}")
      share=${to_anon[$name]}
      goal="CPU ≤ 5: $(met "${cpu[$name]} <= 5"); x anon ≥ 0.25: $(met "$share >= 0.25")" ;;
  esac
  printf '  %-42s %9s %9s %9s %11s %9s   %s\n' "${label[$name]}" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}" \
    "${cpu[$name]}" "$share" "$goal"
done
echo "  question $number: $answers answers, $comments comments; tag listing $tagged; $CONNECTIONS users, one session each"
echo "  CPU ms/req: the server JVM's CPU time over the run (/proc/$server_pid/stat) / requests completed;" \
  "x anon: req/s / the anonymous cache hit's req/s; idle, the server used $idle_cpu ms of CPU a second"
echo "  get times, quiet probe (1 thread, 32 KB entry): L1 p50 $(pstat l1_p50_us) us p99 $(pstat l1_p99_us) us;" \
  "L2 p50 $(pstat l2_p50_us) us p99 $(pstat l2_p99_us) us (of which reading the bytes p50 $(pstat l2_bytes_p50_us) us)"
echo "  get times, live traffic since start: L1 (page) p50 $(stat get_p50_us l1.page) us p99 $(stat get_p99_us l1.page) us;" \
  "L2 p50 $(stat get_p50_us l2) us p99 $(stat get_p99_us l2) us over $(stat cmd_get l2) gets (max $(stat get_max_us l2) us)"
echo "  load average: $load_start at the start, $load_end at the end (2 cores)"
weigh_page

num() { echo "${1:-0}"; }
{
  echo "{\"question_number\": $number, \"question_answers\": $answers, \"question_comments\": $comments,"
  echo " \"logged_in_users\": $CONNECTIONS, \"logged_in_sessions\": $CONNECTIONS, \"connections\": $CONNECTIONS, \"seconds_each\": $SECONDS_EACH,"
  for name in "${names[@]}"; do
    echo " \"${name}_rps\": ${rps[$name]}, \"${name}_p50_ms\": ${p50[$name]}, \"${name}_p99_ms\": ${p99[$name]},"
    echo " \"${name}_requests\": ${requests[$name]}, \"${name}_cpu_ms_per_req\": ${cpu[$name]},"
    if [ -n "${to_anon[$name]:-}" ]; then echo " \"${name}_to_anonymous_ratio\": ${to_anon[$name]},"; fi
  done
  echo " \"anonymous_to_limit_ratio\": $anon_to_limit, \"idle_cpu_ms_per_s\": $idle_cpu,"
  echo " \"l1_get_p50_us\": $(num "$(pstat l1_p50_us)"), \"l1_get_p99_us\": $(num "$(pstat l1_p99_us)"),"
  echo " \"l2_get_p50_us\": $(num "$(pstat l2_p50_us)"), \"l2_get_p99_us\": $(num "$(pstat l2_p99_us)"),"
  echo " \"l2_read_bytes_p50_us\": $(num "$(pstat l2_bytes_p50_us)"), \"l2_read_bytes_p99_us\": $(num "$(pstat l2_bytes_p99_us)"),"
  echo " \"live_l1_page_get_p50_us\": $(num "$(stat get_p50_us l1.page)"), \"live_l1_page_get_p99_us\": $(num "$(stat get_p99_us l1.page)"),"
  echo " \"live_l2_get_p50_us\": $(num "$(stat get_p50_us l2)"), \"live_l2_get_p99_us\": $(num "$(stat get_p99_us l2)"),"
  echo " \"live_l2_get_mean_us\": $(num "$(stat mean_get_us l2)"), \"live_l2_get_max_us\": $(num "$(stat get_max_us l2)"), \"live_l2_gets\": $(num "$(stat cmd_get l2)"),"
  echo " $weight_fields,"
  echo " \"load_average_start\": $load_start, \"load_average_end\": $load_end}"
} > "$OUT"
echo "  wrote ${OUT#$ROOT/}"
