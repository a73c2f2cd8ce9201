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
#
# The CLI's own output (a line or a result block per operation) goes to LOG, by default the configured server's
# standalone/log/configure.log; this script prints one line naming it, or, when the CLI fails, the log's last lines.
# It prints nothing when there is nothing to do.
#   usage: configure.sh WILDFLY_HOME [LOG]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=${1:?usage: configure.sh WILDFLY_HOME [LOG]}
base=$home/standalone
log=${2:-$base/log/configure.log}
config=standalone-full-ha.xml
stamp=$base/configuration/.parley-configured

# Skip when nothing changed since the last run: the CLI scripts are the only input.
if [ -f "$stamp" ] && [ -z "$(find "$here" -maxdepth 1 -name 'install-*.cli' -newer "$stamp")" ] \
   && [ "$stamp" -nt "$here/configure.sh" ]; then
  exit 0
fi

batch=$(mktemp)
trap 'rm -f "$batch"' EXIT
{
  echo "embed-server --server-config=$config --std-out=discard"
  for f in "$here"/install-*.cli; do
    echo "echo Applying $(basename "$f")"
    cat "$f"
    echo
  done
  echo "stop-embedded-server"
} > "$batch"

mkdir -p "$(dirname "$log")"
echo "Configuring WildFly at $base with $(ls "$here"/install-*.cli | wc -l) CLI scripts (log: $log)"
if ! JAVA_OPTS="${JAVA_OPTS:-}" "$home/bin/jboss-cli.sh" --file="$batch" > "$log" 2>&1; then
  echo "Configuring WildFly failed in $(sed -n 's/^Applying //p' "$log" | tail -n 1); the last lines of $log:" >&2
  tail -n 25 "$log" >&2
  exit 1
fi
touch "$stamp"
