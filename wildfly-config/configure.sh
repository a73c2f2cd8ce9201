#!/usr/bin/env bash
# Applies every install-*.cli in this folder, in order, to WILDFLY_HOME/standalone/configuration/
# standalone-full-ha.xml through an embedded (offline) server. Each script is idempotent, so running this again
# changes nothing. Servers with a base directory of their own (scripts/run.sh, the tests) start from a copy of it.
#
# Each script is one topic and one batch: its changes are applied together by run-batch at its end, or not at all.
# The CLI refuses an "if" while a batch is open, so a script with idempotent guards opens its batch, sets it aside
# under a name (holdback-batch NAME), and each guarded step re-opens it (batch NAME), adds its operation and sets it
# aside again; the guards read the configuration as it was before the batch. The CLI also refuses an empty batch:
# where every step is guarded, an existing resource gets its values written again (if ... else ... end-if), or a
# remove- script starts with a read of its subsystem. "module add" and "reload" cannot run in a batch (the driver
# modules in domain/ and sqlserver/ are scripts of their own, run disconnected).
#   usage: configure.sh WILDFLY_HOME
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=${1:?usage: configure.sh WILDFLY_HOME}
base=$home/standalone
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
