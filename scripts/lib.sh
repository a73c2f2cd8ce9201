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

# Draws a progress bar for import $1 until it ends, then prints one line per file. Returns 1 if it failed.
follow_import() {
  local id=$1 json status tty=false last=0
  [ -t 2 ] && tty=true
  while :; do
    json=$(curl -sf -u "$API_USER:$API_PASSWORD" "$API_URL/api/imports/$id") || { echo "Lost the server." >&2; return 1; }
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
  jq -r '.files[] | "\(.file): \(.read) read, \(.imported) imported, \(.skipped) skipped"
      + (if (.skips | length) > 0 then " (" + ([.skips | to_entries[] | "\(.key): \(.value)"] | join(", ")) + ")" else "" end)
      + (if (.notes | length) > 0 then "; notes: " + ([.notes | to_entries[] | "\(.key): \(.value)"] | join(", ")) else "" end)' <<< "$json"
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
