#!/usr/bin/env bash
# Startup benchmark: for each service and the gateway, the time from spawning its JVM to its first
# successful /q/health/ready, Quarkus's own "started in", and the idle RSS IDLE_SECONDS (8 s) later — beside the
# raw baseline of the same JVM with the same options starting and exiting an empty program, measured
# in the same run. Runs each app alone (nothing else of the benchmark competing for the 2 cores),
# against PostgreSQL and the Kafka and Keycloak of a running stack (./prm up -d), on spare ports and
# databases of its own (consort_<svc>_bench, migrated by a first, unmeasured start).
# Each app is measured the way ./prm runs it: on Java 25 with an AOT cache when the machine has a
# JDK 25 (the unmeasured first start records the cache, -XX:AOTCacheOutput), and on the Java 17
# that builds it, without one.
#   bench/startup/run.sh            # 5 runs per app and mode
#   RUNS=10 MODES=aot bench/startup/run.sh    # MODES: "java17 aot" (default), "java17", "aot"
#   STEPS=1 bench/startup/run.sh    # also where each app's start goes: Quarkus's slowest start-up steps
#                                   # (quarkus.debug.print-startup-times) in its last measured run
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
RUNS="${RUNS:-5}"
# Idle RSS is sampled this long after ready: long enough for the periodic native-heap trim (5 s).
IDLE_SECONDS="${IDLE_SECONDS:-8}"
JAVA="${JAVA:-java}"
JAVA25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
MODES="${MODES:-java17 aot}"
[[ -x "$JAVA25" ]] || { MODES="${MODES//aot/}"; echo "no JDK 25 at $JAVA25 (set JAVA25): AOT mode skipped" >&2; }
# The launcher's JVM options, so the figures are what ./prm runs.
eval "$(grep -m1 '^PRM_SERVICE_JAVA_OPTS=' prm)"
eval "$(grep -m1 '^PRM_SERVICE_JAVA25_OPTS=' prm)"
eval "$(grep -m1 '^PRM_AOT_RECORD_OPTS=' prm)"
eval "$(grep -m1 '^export CONSORT_KAFKA_CREATE_TOPICS=' prm)"
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
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
raw_jvm() { # java: median ms to start and exit an empty main() with the services' options
  local times=() t0
  for _ in $(seq 1 "$RUNS"); do
    t0=$(ms_now); "$1" "${OPTS[@]}" -cp "$work/empty" Empty; times+=($(( $(ms_now) - t0 )))
  done
  median "${times[@]}"
}
declare -A base_med
base_med[java17]=$(raw_jvm "$JAVA")
[[ "$MODES" == *aot* ]] && base_med[aot]=$(raw_jvm "$JAVA25")
printf '\n=== Startup benchmark (%s runs each, JVM options: %s) ===\n' "$RUNS" "$PRM_SERVICE_JAVA_OPTS"
printf '%-20s %12s %14s %12s %10s %8s\n' app "ready (ms)" "started in (s)" "idle RSS" "vs raw" "target"
printf '%-20s %12s %14s %12s %10s %8s\n' "raw JVM (java17)" "${base_med[java17]}" - - 1.0x -
[[ -n "${base_med[aot]:-}" ]] && printf '%-20s %12s %14s %12s %10s %8s\n' "raw JVM (java25)" "${base_med[aot]}" - - 1.0x -

bench_app() { # name jar port env...
  local mode
  for mode in $MODES; do bench_app_in "$mode" "$@"; done
}
bench_app_in() { # mode name jar port env...
  local mode="$1" name="$2" jar="$3" port="$4"; shift 4
  local java="$JAVA" cache="$work/$name.aot"
  [[ "$mode" == aot ]] && java="$JAVA25"
  [[ -f "$jar" ]] || { echo "$name: $jar is missing; run ./mvnw -DskipTests package" >&2; return; }
  local readies=() starts=() rss=()
  for run in $(seq 0 "$RUNS"); do
    local log="$work/$name.$run.log" t0 ready pid
    t0=$(ms_now)
    local aot=()
    if [[ "$mode" == aot ]]; then
      read -r -a aot <<<"$PRM_SERVICE_JAVA25_OPTS"
      if (( run == 0 )); then
        read -r -a record <<<"$PRM_AOT_RECORD_OPTS"
        aot+=("${record[@]}" "-XX:AOTCacheOutput=$cache")
      else
        aot+=("-XX:AOTCache=$cache")
      fi
    fi
    local steps=()
    [[ -n "${STEPS:-}" ]] && (( run > 0 )) && steps=(-Dquarkus.debug.print-startup-times=true)
    env "$@" "$java" "${OPTS[@]}" "${aot[@]+"${aot[@]}"}" "${steps[@]+"${steps[@]}"}" -jar "$jar" >"$log" 2>&1 &
    pid=$!
    ready=""
    for _ in $(seq 1 600); do
      if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then ready=$(( $(ms_now) - t0 )); break; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.02
    done
    if [[ -z "$ready" ]]; then echo "$name did not become ready; its log:" >&2; tail -20 "$log" >&2; kill "$pid" 2>/dev/null; return 1; fi
    sleep "$IDLE_SECONDS"
    # Run 0 migrates the bench database, warms the page cache and records the AOT cache: not measured.
    if (( run > 0 )); then
      readies+=("$ready")
      starts+=("$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1)")
      rss+=($(( $(ps -o rss= -p "$pid") / 1024 )))
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  local r; r=$(median "${readies[@]}")
  printf '%-20s %12s %14s %9s MB %9sx %8s\n' "$name ($mode)" "$r" "$(median "${starts[@]}")" "$(median "${rss[@]}")" \
    "$(awk -v a="$r" -v b="${base_med[$mode]}" 'BEGIN {printf "%.1f", a / b}')" "1500 ms"
  if [[ -n "${STEPS:-}" ]]; then
    # "Build step HibernateOrmProcessor.startPersistenceUnits completed in: 227ms" -> the six slowest.
    sed -n 's/.*Build step \([^ ]*\) completed in: \([0-9]*\)ms.*/\2 \1/p' "$work/$name.$RUNS.log" | sort -rn | head -6 |
      awk '{printf "%-20s %12s ms  %s\n", "", $1, $2}'
  fi
}

eval "$(grep -m1 '^export PRM_WEBHOOKS_SECRET_KEY=' prm)"
for svc in recruitment community campaign performance integration; do
  db="consort_${svc}_bench"
  "${PSQL[@]}" -c "select 1 from pg_database where datname = '$db'" | grep -q 1 || "${PSQL[@]}" -c "create database $db"
  upper="${svc^^}"
  extra=()
  # Never take partitions from the running stack's consumer group.
  [[ "$svc" == performance ]] && extra+=("MP_MESSAGING_INCOMING_PARTNERS_GROUP_ID=${svc}-startup-bench")
  if [[ "$svc" == integration ]]; then
    for channel in PARTNERS COMMUNITY CAMPAIGNS PERFORMANCE; do
      extra+=("MP_MESSAGING_INCOMING_${channel}_GROUP_ID=${svc}-startup-bench")
    done
  fi
  bench_app "$svc" "$svc-service/target/quarkus-app/quarkus-run.jar" 18990 \
    "PRM_${upper}_PORT=18990" "PRM_${upper}_DB=$db" "${extra[@]}"
done
bench_app gateway gateway/target/quarkus-app/quarkus-run.jar 18991 PRM_GATEWAY_PORT=18991
