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
