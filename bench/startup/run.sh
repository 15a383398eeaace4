#!/usr/bin/env bash
# Startup benchmark: for each service and the gateway, the time from spawning its JVM to its first
# successful /q/health/ready, Quarkus's own "started in", and the idle RSS 3 s later — beside the
# raw baseline of the same JVM with the same options starting and exiting an empty program, measured
# in the same run. Runs each app alone (nothing else of the benchmark competing for the 2 cores),
# against PostgreSQL and the Kafka and Keycloak of a running stack (./prm up -d), on spare ports and
# databases of its own (consort_<svc>_bench, migrated by a first, unmeasured start).
#   bench/startup/run.sh            # 5 runs per app
#   RUNS=10 bench/startup/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
RUNS="${RUNS:-5}"
JAVA="${JAVA:-java}"
# The launcher's JVM options, so the figures are what ./prm runs.
eval "$(grep -m1 '^PRM_SERVICE_JAVA_OPTS=' prm)"
read -r -a OPTS <<<"$PRM_SERVICE_JAVA_OPTS"
PSQL=(psql -X -q -h "${PRM_PG_HOST:-127.0.0.1}" -p "${PRM_PG_PORT:-5432}" -U "${PRM_PG_USER:-postgres}" -d postgres -tA)
"${PSQL[@]}" -c 'select 1' >/dev/null || { echo "PostgreSQL does not answer; start the stack with ./prm up -d" >&2; exit 1; }

work="$(mktemp -d -t startup-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ms_now() { date +%s%3N; }

# Raw baseline: the same JVM and options running an empty main().
mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) {} }\n' >"$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"
baseline=()
for _ in $(seq 1 "$RUNS"); do
  t0=$(ms_now); "$JAVA" "${OPTS[@]}" -cp "$work/empty" Empty; baseline+=($(( $(ms_now) - t0 )))
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base_med=$(median "${baseline[@]}")
printf '\n=== Startup benchmark (%s runs each, JVM options: %s) ===\n' "$RUNS" "$PRM_SERVICE_JAVA_OPTS"
printf '%-12s %12s %14s %12s %10s %8s\n' app "ready (ms)" "started in (s)" "idle RSS" "vs raw" "target"
printf '%-12s %12s %14s %12s %10s %8s\n' "raw JVM" "$base_med" - - 1.0x -

bench_app() { # name jar port env...
  local name="$1" jar="$2" port="$3"; shift 3
  [[ -f "$jar" ]] || { echo "$name: $jar is missing; run ./mvnw -DskipTests package" >&2; return; }
  local readies=() starts=() rss=()
  for run in $(seq 0 "$RUNS"); do
    local log="$work/$name.$run.log" t0 ready pid
    t0=$(ms_now)
    env "$@" "$JAVA" "${OPTS[@]}" -jar "$jar" >"$log" 2>&1 &
    pid=$!
    ready=""
    for _ in $(seq 1 600); do
      if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then ready=$(( $(ms_now) - t0 )); break; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.02
    done
    if [[ -z "$ready" ]]; then echo "$name did not become ready; its log:" >&2; tail -20 "$log" >&2; kill "$pid" 2>/dev/null; return 1; fi
    sleep 3
    if (( run > 0 )); then  # run 0 migrates the bench database and warms the page cache: not measured
      readies+=("$ready")
      starts+=("$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1)")
      rss+=($(( $(ps -o rss= -p "$pid") / 1024 )))
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  local r; r=$(median "${readies[@]}")
  printf '%-12s %12s %14s %9s MB %9sx %8s\n' "$name" "$r" "$(median "${starts[@]}")" "$(median "${rss[@]}")" \
    "$(awk -v a="$r" -v b="$base_med" 'BEGIN {printf "%.1f", a / b}')" "1500 ms"
}

for svc in recruitment community campaign performance; do
  db="consort_${svc}_bench"
  "${PSQL[@]}" -c "select 1 from pg_database where datname = '$db'" | grep -q 1 || "${PSQL[@]}" -c "create database $db"
  upper="${svc^^}"
  extra=()
  # Never take partitions from the running stack's consumer group.
  [[ "$svc" == performance ]] && extra+=("MP_MESSAGING_INCOMING_PARTNERS_GROUP_ID=${svc}-startup-bench")
  bench_app "$svc" "$svc-service/target/quarkus-app/quarkus-run.jar" 18990 \
    "PRM_${upper}_PORT=18990" "PRM_${upper}_DB=$db" "${extra[@]}"
done
bench_app gateway gateway/target/quarkus-app/quarkus-run.jar 18991 PRM_GATEWAY_PORT=18991
