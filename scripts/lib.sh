# Shared settings for Parley's scripts; sourced, not run.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WILDFLY_VERSION=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
WILDFLY_HOME="$ROOT/wildfly-config/target/wildfly-$WILDFLY_VERSION"
EAR="$ROOT/ear/target/parley.ear"

# Runs apt-get install for the Debian packages whose commands are missing (root or sudo).
ensure_packages() { # usage: ensure_packages command:package ...
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" > /dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
}

# True when the EAR is missing or older than any source, pom or CLI script.
needs_build() {
  [ -f "$EAR" ] || return 0
  [ -d "$WILDFLY_HOME" ] || return 0
  # wildfly-config/: only what the build reads (not target/, which scripts write into, nor the cluster's files)
  [ -n "$(find "$ROOT/pom.xml" "$ROOT"/{ejb,jms,web,ear}/pom.xml "$ROOT"/{ejb,jms,web}/src/main \
          "$ROOT/wildfly-config/pom.xml" "$ROOT/wildfly-config/configure.sh" "$ROOT"/wildfly-config/install-*.cli \
          -newer "$EAR" -type f -print -quit 2>/dev/null)" ]
}

# The API of a running Parley: API_URL, API_USER and API_PASSWORD from PARLEY_URL, PARLEY_ADMIN_USER and
# PARLEY_ADMIN_PASSWORD, or from the port settings and the admin password file under PARLEY_DATA.
api_setup() {
  local data=${PARLEY_DATA:-$HOME/.parley}
  API_URL=${PARLEY_URL:-http://localhost:$(( ${PARLEY_PORT:-8080} + ${PARLEY_PORT_OFFSET:-0} ))}
  API_USER=${PARLEY_ADMIN_USER:-admin}
  API_PASSWORD=${PARLEY_ADMIN_PASSWORD:-}
  if [ -z "$API_PASSWORD" ]; then
    local file="$data/server/data/parley/admin-password"
    [ -r "$file" ] || { echo "No admin password: set PARLEY_ADMIN_PASSWORD or PARLEY_DATA ($file is missing)." >&2; exit 1; }
    API_PASSWORD=$(tr -d '\n' < "$file")
  fi
}

# curl with the API's credentials, which it reads from its standard input (a config line), never from its command
# line: another user's `ps` would show them there. Takes curl's other arguments.
api_curl() {
  local user=${API_USER//\\/\\\\} password=${API_PASSWORD//\\/\\\\}
  user=${user//\"/\\\"}
  password=${password//\"/\\\"}
  printf 'user = "%s:%s"\n' "$user" "$password" | curl -K - "$@"
}

# Draws a progress bar for import $1 until it ends, then prints one line per file. Returns 1 if it failed.
follow_import() {
  local id=$1 json status tty=false last=0
  [ -t 2 ] && tty=true
  while :; do
    json=$(api_curl -sf "$API_URL/api/imports/$id") || { echo "Lost the server." >&2; return 1; }
    status=$(jq -r .status <<< "$json")
    local line
    line=$(jq -r '
      def bar: ("#" * (.percent / 4 | floor)) + ("-" * (25 - (.percent / 4 | floor)));
      def eta: if .etaSeconds > 0 then "ETA \(.etaSeconds / 60 | floor):\(.etaSeconds % 60 | tostring | if length < 2 then "0" + . else . end)" else "" end;
      "[\(bar)] \(.percent)%  \(.rowsDone)/\(.rowsTotal) rows  \(.rowsPerSecond) rows/s  \(eta)  \(if .status == "QUEUED" then "checking the files" else (.status | ascii_downcase) end)"' <<< "$json")
    if $tty; then
      printf '\r\033[K%s' "$line" >&2
    elif [ $(( $(date +%s) - last )) -ge 5 ]; then
      echo "$line" >&2
      last=$(date +%s)
    fi
    case "$status" in COMPLETED | FAILED) break ;; esac
    sleep 1
  done
  $tty && echo >&2
  jq -r '.files[] | if .missing then "\(.file): missing" else "\(.file): \(.read) read, \(.imported) imported, \(.skipped) skipped"
      + (if (.skips | length) > 0 then " (" + ([.skips | to_entries[] | "\(.key): \(.value)"] | join(", ")) + ")" else "" end)
      + (if (.notes | length) > 0 then "; notes: " + ([.notes | to_entries[] | "\(.key): \(.value)"] | join(", ")) else "" end) end' <<< "$json"
  jq -r '.warnings[]? | "Warning: \(.)"' <<< "$json"
  jq -r '"Search index: \(.postsIndexed) of \(.postsToIndex) posts indexed"' <<< "$json"
  if [ "$status" = FAILED ]; then
    echo "Import $id FAILED: $(jq -r '.message // "no reason given"' <<< "$json")" >&2
    echo "Fix the input and resume with: curl -u admin:... -X POST $API_URL/api/imports/$id/restart" >&2
    return 1
  fi
  local secs
  secs=$(awk -v a="$(date -d "$(jq -r .createdAt <<< "$json")" +%s.%N)" \
    -v b="$(date -d "$(jq -r .finishedAt <<< "$json")" +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  echo "Import $id completed: $(jq -r '.rowsDone' <<< "$json") rows in $secs s."
}

# Prints the folder of a generated dump of $1 questions (seed 1) under target/bench, writing it first when it is
# missing or was written by other generator sources (a fingerprint of them is kept in its .complete marker, so a
# changed generator never benchmarks yesterday's text). Progress goes to stderr.
generated_dump() { # usage: dir=$(generated_dump N)
  local questions=$1 dir="$ROOT/target/bench/dump-$1" print
  print=$(cat "$ROOT"/ejb/src/test/java/org/parley/dump/generate/*.java "$ROOT/ejb/src/main/java/org/parley/dump/DumpXmlWriter.java" \
    | sha1sum | cut -c1-12)
  if [ "$(cat "$dir/.complete" 2>/dev/null)" != "$print" ]; then
    echo "Generating a dump of $questions questions into $dir ..." >&2
    rm -rf "$dir"
    "$ROOT/scripts/generate-dump.sh" --questions "$questions" --seed 1 --out "$dir" | tail -n 1 >&2
    echo "$print" > "$dir/.complete"
  fi
  echo "$dir"
}

# ---------------------------------------------------------------- PostgreSQL: Debian's package, a private data dir
# Used by cluster.sh (the cluster's database), bench/import.sh and the PostgreSQL import test (PostgresImportTest).
# As root, the server runs as the package's user postgres, which must be able to reach the data dir.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Installs the Debian package postgresql when its server is missing.
ensure_postgresql() {
  [ -n "$(pg_bin)" ] && return 0
  echo "Installing PostgreSQL (Debian package postgresql)..." >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql > /dev/null
}

pg_running() { # usage: pg_running DATADIR
  [ -n "$(pg_bin)" ] && [ -f "$1/PG_VERSION" ] && as_pg "$(pg_bin)/pg_ctl" -D "$1" status > /dev/null 2>&1
}

# Creates a database cluster in DATADIR unless it has one: UTF-8, C collation; the local socket (in DATADIR, mode
# 700) trusted, TCP on loopback with a password. The further arguments are lines for its postgresql.conf.
pg_init() { # usage: pg_init DATADIR [conf line ...]
  local dir=$1 bin
  shift
  ensure_postgresql
  bin=$(pg_bin)
  [ -f "$dir/PG_VERSION" ] && return 0
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    runuser -u postgres -- test -x "$dir" || { echo "user postgres cannot reach $dir" >&2; return 1; }
  fi
  as_pg "$bin/initdb" -D "$dir" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 > "$dir.init.log" 2>&1 || { cat "$dir.init.log" >&2; return 1; }
  local line
  for line in "$@"; do
    echo "$line" | as_pg tee -a "$dir/postgresql.conf" > /dev/null
  done
}

# Starts the server of DATADIR on 127.0.0.1:PORT (its socket in DATADIR), logging to LOG; returns when it accepts
# connections.
pg_start() { # usage: pg_start DATADIR PORT LOG
  local dir=$1 port=$2 log=$3
  pg_running "$dir" && return 0
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    echo "port $port (PostgreSQL) is in use by another program" >&2
    return 1
  fi
  touch "$log"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$log"
  as_pg "$(pg_bin)/pg_ctl" -D "$dir" -l "$log" -w -t 120 -o "-p $port -h 127.0.0.1 -k $dir" start > /dev/null
}

pg_stop() { # usage: pg_stop DATADIR
  pg_running "$1" || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$1" -m fast -w -t 60 stop > /dev/null
}

# psql as the superuser through the server's socket; the further arguments are psql's.
pg_admin() { # usage: pg_admin DATADIR PORT psql-arguments...
  local dir=$1 port=$2
  shift 2
  as_pg "$(pg_bin)/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}

# Makes role USER (a login with PASSWORD, reset if it exists) and the database NAME it owns, if missing.
pg_database() { # usage: pg_database DATADIR PORT NAME USER PASSWORD
  local dir=$1 port=$2 name=$3 user=$4 password=$5
  if [ "$(pg_admin "$dir" "$port" -tAc "select 1 from pg_roles where rolname = '$user'")" != 1 ]; then
    pg_admin "$dir" "$port" -c "create role $user login password '$password'"
  else
    pg_admin "$dir" "$port" -c "alter role $user password '$password'"
  fi
  if [ "$(pg_admin "$dir" "$port" -tAc "select 1 from pg_database where datname = '$name'")" != 1 ]; then
    pg_admin "$dir" "$port" -c "create database $name owner $user encoding 'UTF8'"
  fi
  # The import copies a chunk's rows with triggers off and checks their foreign keys itself, one query per key
  # instead of one per row (org.parley.dump.importer.Batches); without this grant it leaves the triggers on.
  if [ "$(pg_admin "$dir" "$port" -tAc "show server_version_num")" -ge 150000 ]; then
    pg_admin "$dir" "$port" -c "grant set on parameter session_replication_role to $user"
  fi
}
