#!/usr/bin/env bash
# bench/faults/run.sh — the fault scenarios in their full sizes against a stack already running from
# ./prm up (same PRM_HOME and PRM_* variables as that stack): kill -9 of recruitment mid 50,000-line
# import, the broker down 30 s under traffic, performance killed mid-batch, Keycloak down, PostgreSQL
# restarted (only when ./prm runs a private cluster for the stack), 10 minutes of sustained load.
# The scenarios are the system tests' (system-tests/.../faults/*IT), attached to your stack instead of
# starting their own. They kill and restart components of that stack, and leave it running.
#   PRM_HOME=.prm bench/faults/run.sh                      # every scenario, full sizes
#   bench/faults/run.sh SustainedLoadIT -Dconsort.faults.rate=15   # one scenario, a higher rate
# Needs the suite installed in ~/.m2 (./prm up builds it: ./mvnw -DskipTests install).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export PRM_HOME="${PRM_HOME:-.prm}"
case "$PRM_HOME" in /*) ;; *) PRM_HOME="$root/$PRM_HOME" ;; esac
scenarios='**/faults/*IT'
if [[ $# -gt 0 && "$1" != -* ]]; then scenarios="$1"; shift; fi
# Read whole before matching: grep -q stops reading at the match, and under pipefail the SIGPIPE prm status then
# gets on its last line made this report a running stack as down.
stack_status="$(./prm status)"
if ! grep -q '^gateway  *up' <<<"$stack_status"; then
    echo "No stack is up for PRM_HOME=$PRM_HOME; start one first: PRM_HOME=$PRM_HOME ./prm up -d" >&2
    exit 1
fi
if [[ -f "$PRM_HOME/run/postgres.private" ]]; then
    echo "PostgreSQL: the stack's private cluster, so PostgresRestartIT restarts it."
else
    echo "PostgreSQL: a server ./prm does not own; PostgresRestartIT is skipped (restarting it would fail everyone else's" \
        "work on it). Run the stack with a private cluster for it, e.g. PRM_PG_PORT=25432 ./prm up -d."
fi
log="$(mktemp -t faults.XXXXXX.log)"
echo "Running $scenarios (log: $log) ..."
status=0
./mvnw -B -pl system-tests verify -DskipTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$scenarios" -Dconsort.stack.attach=true -Dconsort.stack.home="$PRM_HOME" -Dconsort.faults.full=true \
    "$@" >"$log" 2>&1 || status=$?
grep -E '^\[faults\]|^operation |^[a-zA-Z]+ +[0-9]+ +[0-9]+ +[0-9.]+|^total |^non-2xx|^ +[0-9]+ x |Tests run:|FAIL' "$log" || true
[[ $status -eq 0 ]] || echo "Some scenario failed; see $log" >&2
exit $status
