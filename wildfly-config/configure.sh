#!/usr/bin/env bash
# Applies every install-*.cli in this folder, in order, to a WildFly's standalone-full-ha.xml through an
# embedded (offline) server. Each script is idempotent, so running this again changes nothing.
#   usage: configure.sh WILDFLY_HOME [SERVER_BASE_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=${1:?usage: configure.sh WILDFLY_HOME [SERVER_BASE_DIR]}
base=${2:-$home/standalone}
config=standalone-full-ha.xml
stamp=$base/configuration/.parley-configured

# Skip when nothing changed since the last run: the CLI scripts are the only input.
if [ -f "$stamp" ] && [ -z "$(find "$here" -maxdepth 1 -name 'install-*.cli' -newer "$stamp")" ] \
   && [ "$stamp" -nt "$here/configure.sh" ]; then
  echo "WildFly at $base is already configured."
  exit 0
fi

batch=$(mktemp)
trap 'rm -f "$batch"' EXIT
{
  echo "embed-server --server-config=$config --std-out=discard"
  for f in "$here"/install-*.cli; do
    echo "# ---- $(basename "$f")"
    cat "$f"
    echo
  done
  echo "stop-embedded-server"
} > "$batch"

echo "Configuring WildFly at $base with $(ls "$here"/install-*.cli | wc -l) CLI scripts"
JAVA_OPTS="${JAVA_OPTS:-}" "$home/bin/jboss-cli.sh" --file="$batch"
touch "$stamp"
