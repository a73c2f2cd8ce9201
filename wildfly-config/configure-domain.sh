#!/usr/bin/env bash
# Configures a WildFly managed domain for Parley's cluster through an embedded (offline) host controller:
#   1. every install-*.cli of this folder (the topics standalone servers get from configure.sh), applied to the
#      domain's full-ha profile: "/subsystem=" becomes "/profile=full-ha/subsystem=", so a topic added there reaches
#      the cluster too without a copy;
#   2. every domain/install-*.cli: server groups and servers, PostgreSQL, clustered messaging, search settings
#      (after domain/module-*.cli, the JDBC driver modules, which the CLI can add only while disconnected).
# The domain scripts read CLI variables (ports, passwords, addresses) from SETTINGS, a file of "set name=value"
# lines that scripts/cluster.sh writes. Each script is idempotent, so running this again changes nothing, and each
# applies its changes as one batch (see configure.sh).
# The CLI's own output goes to DOMAIN_BASE_DIR/log/configure.log; this script prints one line per step naming it, or,
# when the CLI fails, the log's last lines. It prints nothing when there is nothing to do.
#   usage: configure-domain.sh WILDFLY_HOME DOMAIN_BASE_DIR SETTINGS
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=${1:?usage: configure-domain.sh WILDFLY_HOME DOMAIN_BASE_DIR SETTINGS}
base=${2:?usage: configure-domain.sh WILDFLY_HOME DOMAIN_BASE_DIR SETTINGS}
settings=${3:?usage: configure-domain.sh WILDFLY_HOME DOMAIN_BASE_DIR SETTINGS}
profile=${PARLEY_DOMAIN_PROFILE:-full-ha}
stamp=$base/configuration/.parley-configured
log=$base/log/configure.log

if [ ! -f "$base/configuration/domain.xml" ]; then
  mkdir -p "$base"
  cp -r "$home/domain/configuration" "$base/"
  rm -f "$stamp"
fi

# Skip when nothing changed since the last run: the CLI scripts, the settings and the driver modules are the input.
if [ -f "$stamp" ] && [ "$stamp" -nt "$here/configure-domain.sh" ] && [ "$stamp" -nt "$settings" ] \
   && [ -z "$(find "$here" "$here/domain" -maxdepth 1 -name '*.cli' -newer "$stamp")" ] \
   && [ -d "$home/modules/org/postgresql/main" ]; then
  exit 0
fi

batch=$(mktemp)
trap 'rm -f "$batch"' EXIT
mkdir -p "$base/log"
: > "$log"
cli() { # runs the CLI on the file $batch, appending its output to the log; on failure shows the log's end
  if ! "$home/bin/jboss-cli.sh" --file="$batch" >> "$log" 2>&1; then
    echo "Configuring the domain failed in $(sed -n 's/^Applying //p' "$log" | tail -n 1); the last lines of $log:" >&2
    tail -n 25 "$log" >&2
    exit 1
  fi
}

# JDBC driver modules first, each unless it exists: the CLI adds a module only while it is not connected (embedded
# servers included) and refuses to add one twice.
for f in "$here"/domain/module-*.cli; do
  module=$(sed -n 's/^module add --name=\([^ ]*\).*/\1/p' "$f")
  [ -f "$home/modules/${module//.//}/main/module.xml" ] && continue
  { echo "set jdbcDir=$here/target/jdbc"; echo "echo Applying domain/$(basename "$f")"; cat "$f"; } > "$batch"
  echo "Adding the module $module (domain/$(basename "$f"); log: $log)"
  JAVA_OPTS="${JAVA_OPTS:-}" cli
done

{
  echo "embed-host-controller --std-out=discard"
  echo "# ---- settings"
  cat "$settings"
  for f in "$here"/install-*.cli; do
    echo "echo Applying $(basename "$f") on /profile=$profile"
    sed -e "s#/subsystem=#/profile=$profile/subsystem=#g" \
        -e "s#/socket-binding-group=standard-sockets#/socket-binding-group=$profile-sockets#g" "$f"
    echo
  done
  for f in "$here"/domain/install-*.cli; do
    echo "echo Applying domain/$(basename "$f")"
    cat "$f"
    echo
  done
  echo "stop-embedded-host-controller"
} > "$batch"

echo "Configuring the WildFly domain at $base with $(ls "$here"/install-*.cli "$here"/domain/install-*.cli | wc -l)" \
  "CLI scripts (log: $log)"
JAVA_OPTS="${JAVA_OPTS:-} -Djboss.domain.base.dir=$base" cli
touch "$stamp"
