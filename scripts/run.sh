#!/usr/bin/env bash
# Builds what is missing, configures WildFly with the CLI scripts in wildfly-config/, deploys Parley and starts it
# (standalone, full-ha profile). All state lives under $PARLEY_DATA (default ~/.parley): the H2 database, the Artemis
# journal, logs and the server's configuration, so a second start is quick and keeps everything. It prints its own
# progress lines only: the CLI's output goes to a configure.log (configure.sh names it), WildFly's console output to
# $PARLEY_DATA/server/log/console.log.
#
#   scripts/run.sh                 start in the foreground; Ctrl-C stops cleanly
#   scripts/run.sh --background    start and return once Parley answers
#   scripts/run.sh stop            stop a server started from the same PARLEY_DATA
#   scripts/run.sh status          say whether it runs
#
# Settings: PARLEY_PORT (HTTP, default 8080), PARLEY_PORT_OFFSET (added to every port, default 0),
# PARLEY_DATA, PARLEY_HEAP (default 2g), PARLEY_NO_BUILD=1 (never build; use the EAR there is), PARLEY_ASSET_HOST
# (a CDN's address put in front of static asset URLs, e.g. https://static.example.com; default: none),
# PARLEY_JAVA_OPTS (more JVM options, e.g. -Dparley.messages.perMinute=100), PARLEY_OPS_PORT (the operators' listener
# on loopback, for /bench, /metrics and /health's details; default 9180, plus the offset), PARLEY_MULTICAST_ADDRESS
# (JGroups; default 230.0.0.4, or one derived from PARLEY_PORT_OFFSET when that is set).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DATA=${PARLEY_DATA:-$HOME/.parley}
PORT=${PARLEY_PORT:-8080}
OFFSET=${PARLEY_PORT_OFFSET:-0}
HEAP=${PARLEY_HEAP:-2g}
BASE="$DATA/server"
PIDFILE="$DATA/wildfly.pid"
URL="http://localhost:$((PORT + OFFSET))/"
CONSOLE="http://127.0.0.1:$((9990 + OFFSET))/console"
# The operators' listener (loopback): /bench, /metrics and /health's details answer only there.
OPS_PORT=${PARLEY_OPS_PORT:-9180}
OPS_URL="http://127.0.0.1:$((OPS_PORT + OFFSET))/"

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2> /dev/null; }

stop() {
  if ! running; then
    echo "Parley is not running (data: $DATA)."
    return 0
  fi
  local pid
  pid=$(cat "$PIDFILE")
  echo "Stopping Parley (pid $pid)..."
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2> /dev/null || { rm -f "$PIDFILE"; echo "Stopped."; return 0; }
    sleep 1
  done
  echo "WildFly did not stop within 60 s; killing it." >&2
  kill -KILL "$pid" 2> /dev/null || true
  rm -f "$PIDFILE"
}

case "${1:-}" in
  stop) stop; exit 0 ;;
  status)
    if running; then echo "Parley runs at $URL (pid $(cat "$PIDFILE"), data: $DATA)"; else echo "Parley is not running."; exit 3; fi
    exit 0 ;;
  --background | "") ;;
  *) echo "usage: $0 [--background | stop | status]" >&2; exit 2 ;;
esac
background=false
[ "${1:-}" = "--background" ] && background=true

if running; then
  echo "Parley already runs at $URL (pid $(cat "$PIDFILE")); 'scripts/run.sh stop' stops it."
  exit 0
fi

# PARLEY_NO_BUILD=1 (tests that start a server from a build in progress) uses the EAR as it is.
if [ "${PARLEY_NO_BUILD:-}" != 1 ] && needs_build; then
  echo "Building Parley (mvn package, tests skipped)..."
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi

# The server's own folder under the data directory. Its configuration is the one the build made from the CLI
# scripts in wildfly-config/, copied again whenever the build's is newer: WildFly is configured by those scripts
# only, so a change made in the console lasts until the next build changes the configuration.
# configure.sh says nothing when the build configured it already, one line naming its log when it applies scripts
# changed since (PARLEY_NO_BUILD=1), and the log's end when the CLI fails.
mkdir -p "$BASE/deployments" "$BASE/data/parley" "$BASE/log" "$BASE/configuration" "$DATA/imports" "$DATA/exports"
bash "$ROOT/wildfly-config/configure.sh" "$WILDFLY_HOME" || exit 1
for f in "$WILDFLY_HOME"/standalone/configuration/*; do
  name=$(basename "$f")
  case "$name" in
    mgmt-users.properties | mgmt-groups.properties | application-users.properties | application-roles.properties)
      [ -f "$BASE/configuration/$name" ] || cp "$f" "$BASE/configuration/" ;; # users made here stay
    standalone_xml_history) ;;
    *) [ "$BASE/configuration/$name" -nt "$f" ] || cp -r "$f" "$BASE/configuration/" ;;
  esac
done

# Secrets made once per data directory: the admin password (Parley's admin user and the WildFly console's) and
# the messaging cluster password.
secret() {
  local s
  s=$(head -c 64 /dev/urandom | base64 -w 0)
  s=${s//[^A-Za-z0-9]/}
  echo "${s:0:20}"
}
ADMIN_PASSWORD_FILE="$BASE/data/parley/admin-password"
if [ ! -s "$ADMIN_PASSWORD_FILE" ]; then
  (umask 077; secret > "$ADMIN_PASSWORD_FILE")
fi
if [ ! -s "$DATA/cluster-password" ]; then
  (umask 077; secret > "$DATA/cluster-password")
fi
if ! grep -q '^admin=' "$BASE/configuration/mgmt-users.properties" 2> /dev/null; then
  JAVA_OPTS="" "$WILDFLY_HOME/bin/add-user.sh" -sc "$BASE/configuration" -u admin -p "$(cat "$ADMIN_PASSWORD_FILE")" -s > /dev/null
fi

if ! cmp -s "$EAR" "$BASE/deployments/parley.ear"; then
  cp "$EAR" "$BASE/deployments/parley.ear.tmp" && mv "$BASE/deployments/parley.ear.tmp" "$BASE/deployments/parley.ear"
  rm -f "$BASE/deployments/parley.ear.failed"
fi

# JGroups (Infinispan and Artemis both use it) finds other servers by multicast. Two Parleys on one machine with
# different port offsets must not find each other: they would form one cluster over two databases, sharing caches,
# sessions and queues. The address therefore follows the offset (230.0.0.4, WildFly's own default, for offset 0).
if [ "$OFFSET" -eq 0 ]; then
  MULTICAST=${PARLEY_MULTICAST_ADDRESS:-230.0.0.4}
else
  MULTICAST=${PARLEY_MULTICAST_ADDRESS:-230.1.$(( OFFSET / 256 % 256 )).$(( OFFSET % 256 ))}
fi
export JBOSS_PIDFILE="$PIDFILE" LAUNCH_JBOSS_IN_BACKGROUND=1
export JAVA_OPTS="-Xms512m -Xmx$HEAP -XX:+UseG1GC -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true ${PARLEY_JAVA_OPTS:-}"
args=(-c standalone-full-ha.xml
  -Djboss.server.base.dir="$BASE"
  -Djboss.http.port="$PORT"
  -Djboss.socket.binding.port-offset="$OFFSET"
  -Djboss.default.multicast.address="$MULTICAST"
  -Dparley.ops.port="$OPS_PORT"
  # The server folders imports read from and exports write under (org.parley.dump.DumpFolders): the data folder's
  # imports and exports, the generated benchmark dumps, the bundled Stack Exchange dumps, and what PARLEY_IMPORT_ROOTS
  # and PARLEY_EXPORT_ROOTS add (colon-separated).
  -Dparley.import.roots="$DATA/imports:$ROOT/target/bench:$(cd "$ROOT/.." && pwd)/shared/data${PARLEY_IMPORT_ROOTS:+:$PARLEY_IMPORT_ROOTS}"
  -Dparley.export.roots="$DATA/exports${PARLEY_EXPORT_ROOTS:+:$PARLEY_EXPORT_ROOTS}"
  # Secrets from a file only its owner reads, never on the command line (`ps` shows that to every user).
  -P "$DATA/secret.properties")
(umask 077; printf 'jboss.messaging.cluster.password=%s\n' "$(cat "$DATA/cluster-password")" > "$DATA/secret.properties")
# A CDN in front of the static assets: PARLEY_ASSET_HOST=https://static.example.com (see docs/shared-tier.md).
if [ -n "${PARLEY_ASSET_HOST:-}" ]; then
  args+=(-Dparley.asset.host="$PARLEY_ASSET_HOST")
fi

wait_until_up() { # $1 = pid of the launcher
  for _ in $(seq 1 300); do
    kill -0 "$1" 2> /dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "${URL}health" || true)" = 200 ] && return 0
    [ -f "$BASE/deployments/parley.ear.failed" ] && return 1
    sleep 1
  done
  return 1
}

banner() {
  cat <<EOT

  Parley is up: $URL
    other sites:   http://bicycles.localhost:$((PORT + OFFSET))/  http://beer.localhost:$((PORT + OFFSET))/
                   http://$BUNDLED_HOST:$((PORT + OFFSET))/ (imported from the bundled Stack Exchange dump)
    log in:        admin / $(cat "$ADMIN_PASSWORD_FILE")   (the same user and password for the WildFly console: $CONSOLE)
    operators:     $OPS_URL (loopback only: metrics/cache, health with details, bench)
    data:          $DATA
    logs:          $BASE/log/server.log
EOT
}

# The real Stack Exchange dump that ships beside the project, imported once as its own site on the first start.
BUNDLED_DUMP="$ROOT/../shared/data/se-dump/bicycles.meta.stackexchange.com"
BUNDLED_HOST=meta.bicycles.localhost
import_bundled_dump() {
  local marker="$DATA/bundled-dump-imported"
  [ -f "$marker" ] && return 0
  if [ ! -d "$BUNDLED_DUMP" ]; then
    echo "    (no bundled dump at $BUNDLED_DUMP; skipping its import)"
    return 0
  fi
  echo
  echo "  Importing the bundled Stack Exchange dump as http://$BUNDLED_HOST:$((PORT + OFFSET))/ (first start only)..."
  if PARLEY_DATA="$DATA" PARLEY_PORT="$PORT" PARLEY_PORT_OFFSET="$OFFSET" PARLEY_URL="" \
      "$ROOT/scripts/import.sh" --dir "$BUNDLED_DUMP" --site bicycles-meta --host "$BUNDLED_HOST" \
      --title "Bicycles Meta"; then
    touch "$marker"
  else
    echo "  The bundled dump was not imported (see above); the next start tries again." >&2
  fi
}

# Another program on our port would answer the readiness check for us; refuse to start instead.
port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
for p in $((PORT + OFFSET)) $((9990 + OFFSET)) $((OPS_PORT + OFFSET)); do
  if port_in_use "$p"; then
    echo "Port $p is already in use by another program; choose others with PARLEY_PORT or PARLEY_PORT_OFFSET." >&2
    exit 1
  fi
done

did_not_come_up() {
  echo "Parley did not come up; the last lines of $BASE/log/server.log:" >&2
  tail -n 40 "$BASE/log/server.log" >&2 || true
  stop > /dev/null
  exit 1
}

# WildFly's console output goes to console.log in both modes; server.log has the same and more.
echo "Starting WildFly $WILDFLY_VERSION with Parley (data: $DATA)..."
if $background; then
  nohup "$WILDFLY_HOME/bin/standalone.sh" "${args[@]}" > "$BASE/log/console.log" 2>&1 &
  launcher=$!
  wait_until_up "$launcher" || did_not_come_up
  banner
  echo "    stop with:     scripts/run.sh stop"
  import_bundled_dump
else
  "$WILDFLY_HOME/bin/standalone.sh" "${args[@]}" > "$BASE/log/console.log" 2>&1 &
  launcher=$!
  trap 'echo; stop; exit 0' INT TERM
  wait_until_up "$launcher" || did_not_come_up
  banner
  echo "    stop with:     Ctrl-C"
  import_bundled_dump
  wait "$launcher" || true
  rm -f "$PIDFILE"
fi
