#!/usr/bin/env bash
# What quarkus-opentelemetry costs an app at start-up with the SDK off (the default everywhere but a
# cluster): the same app built without it (BASE, e.g. a checkout of the commit before) and with it (this
# tree), started alternately RUNS times each with ./prm's JVM options, beside the raw JVM starting an empty
# main() in the same run. Per build: spawn -> first /q/health/<PROBE> answer, Quarkus' "started in", RSS
# IDLE_SECONDS after that answer.
#   BASE=/tmp/base-checkout [NEW=/tmp/new-checkout] bench/otel/run.sh [module]   # gateway (default) or a service
# Both checkouts (NEW defaults to this tree) must have <module>/target/quarkus-app built. A service gets a database
# of its own (consort_otelbench_<svc>, migrated by a first, unmeasured start, dropped at the end) on the
# local PostgreSQL, and no Kafka (PRM_KAFKA_BOOTSTRAP=127.0.0.1:1): its readiness waits for Kafka, so for a
# service PROBE defaults to live.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
MODULE="${1:-gateway}"
BASE="${BASE:?BASE=<a checkout of the commit before, with $MODULE built>}"
NEW="${NEW:-$root}"   # the build with quarkus-opentelemetry: this tree unless told
RUNS="${RUNS:-5}"
IDLE_SECONDS="${IDLE_SECONDS:-5}"
JAVA="${JAVA:-java}"
if [ "$MODULE" = gateway ]; then PROBE="${PROBE:-ready}"; else PROBE="${PROBE:-live}"; fi
eval "$(grep -m1 '^PRM_SERVICE_JAVA_OPTS=' "$root/prm")"
read -r -a OPTS <<<"$PRM_SERVICE_JAVA_OPTS"
short="${MODULE%-service}"
UPPER="$(echo "$short" | tr 'a-z-' 'A-Z_')"
ms_now() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work="$(mktemp -d -t otel-bench.XXXXXX)"
db=""
cleanup() {
  [ -n "$db" ] && psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

for tree in "$BASE" "$NEW"; do
  [ -f "$tree/$MODULE/target/quarkus-app/quarkus-run.jar" ] || { echo "no $tree/$MODULE/target/quarkus-app/quarkus-run.jar" >&2; exit 1; }
done
otel_in() { ls "$1/$MODULE/target/quarkus-app/lib/main/" | grep -c 'quarkus-opentelemetry' || true; }
echo "without: $BASE (quarkus-opentelemetry jars: $(otel_in "$BASE")); with: $NEW ($(otel_in "$NEW"))"

ENV=()
if [ "$MODULE" != gateway ]; then
  db="consort_otelbench_${short}"
  psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $db" -c "create database $db" >/dev/null
  ENV+=("PRM_${UPPER}_DB=$db" "PRM_KAFKA_BOOTSTRAP=127.0.0.1:1")
fi

mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) {} }\n' >"$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"

start_once() { # tree -> "ms started rss cpu"
  local tree="$1" port pid t0 t rss started cpu
  port=$(free_port)
  t0=$(ms_now)
  (cd "$tree/$MODULE" && exec env "${ENV[@]}" "PRM_${UPPER}_PORT=$port" MALLOC_ARENA_MAX=2 \
     "$JAVA" "${OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar) >"$work/app.log" 2>&1 &
  pid=$!
  t=""
  for _ in $(seq 1 1200); do
    if curl -fsS "http://127.0.0.1:$port/q/health/$PROBE" >/dev/null 2>&1; then
      t=$(( $(ms_now) - t0 ))
      # CPU time (user + system) the JVM spent until then: what the start costs, less bent by a loaded machine.
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  [ -n "$t" ] || { echo "no /q/health/$PROBE from $tree/$MODULE:" >&2; tail -5 "$work/app.log" >&2; kill "$pid" 2>/dev/null; exit 1; }
  sleep "$IDLE_SECONDS"
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  started=$(grep -o 'started in [0-9.]*s' "$work/app.log" | head -1 | grep -o '[0-9.]*' || echo "?")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$t $started $rss $cpu"
}

[ "$MODULE" != gateway ] && start_once "$NEW" >/dev/null   # migrates the bench database, unmeasured
declare -a raw base_ms base_started base_rss base_cpu new_ms new_started new_rss new_cpu
for i in $(seq 1 "$RUNS"); do
  t0=$(ms_now); "$JAVA" "${OPTS[@]}" -cp "$work/empty" Empty; raw+=($(( $(ms_now) - t0 )))
  read -r a b c d < <(start_once "$BASE"); base_ms+=("$a"); base_started+=("$b"); base_rss+=("$c"); base_cpu+=("$d")
  read -r a b c d < <(start_once "$NEW"); new_ms+=("$a"); new_started+=("$b"); new_rss+=("$c"); new_cpu+=("$d")
  echo "run $i: without ${base_ms[-1]}/${base_started[-1]}/${base_rss[-1]}/${base_cpu[-1]} with ${new_ms[-1]}/${new_started[-1]}/${new_rss[-1]}/${new_cpu[-1]} (ms to $PROBE / started in s / RSS MB / CPU ms)"
done
printf '\n=== %s, %s runs each, load average now: %s ===\n' "$MODULE" "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %14s %15s %10s %12s\n' build "to /q/health/$PROBE" "started in (s)" "RSS (MB)" "CPU to it"
printf '%-34s %14s %15s %10s %12s\n' "raw JVM, empty main()" "$(median "${raw[@]}") ms" - - -
printf '%-34s %14s %15s %10s %12s\n' "without quarkus-opentelemetry" "$(median "${base_ms[@]}") ms" "$(median "${base_started[@]}")" "$(median "${base_rss[@]}")" "$(median "${base_cpu[@]}") ms"
printf '%-34s %14s %15s %10s %12s\n' "with it, SDK off (the default)" "$(median "${new_ms[@]}") ms" "$(median "${new_started[@]}")" "$(median "${new_rss[@]}")" "$(median "${new_cpu[@]}") ms"
echo "(medians; budget: ready <= 3 s after the JVM starts, <= 256 MB RSS)"
