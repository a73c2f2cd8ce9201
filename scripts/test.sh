#!/usr/bin/env bash
# Runs every test: unit tests (Surefire), then in-container and browser tests (Failsafe) against a WildFly the build
# unpacks and configures, on ports of its own (HTTP 10380, management 12290; move them with IT_PORT_OFFSET).
# Installs Debian's chromium and chromium-driver when they are missing, and postgresql: the unit test
# PostgresImportTest starts a private PostgreSQL of its own and must run here (elsewhere it is skipped without one).
# A full run (no -Dit.test) ends with the cluster fail-over test, which starts and stops its own cluster with
# scripts/cluster.sh on ports from the same offset.
#
#   scripts/test.sh [extra maven arguments, e.g. -Dit.test=QuestionFlowBrowserIT]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages chromium:chromium chromedriver:chromium-driver curl:curl
ensure_postgresql

offset=${IT_PORT_OFFSET:-2300}
cd "$ROOT"
exec mvn -B -ntp verify \
  -Dit.port.offset="$offset" \
  -Dit.http.port=$((8080 + offset)) \
  -Dit.management.port=$((9990 + offset)) \
  -Dparley.test.postgresql=required \
  "$@"
