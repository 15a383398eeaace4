#!/usr/bin/env bash
# bench/gateway/start.sh: the gateway's start and memory as ./prm runs it, against the budgets (ready <= 3 s after
# the JVM starts, <= 256 MB RSS after serving requests). On JDK 25 with an AOT cache recorded by a first, unmeasured
# start (as ./prm does: -XX:AOTCacheOutput, ended by jcmd AOT.end_recording 3 s after ready), then RUNS starts, each
# timed from spawning the JVM to the first 200 from /q/health/ready, with Quarkus's own "started in"; after the last
# one, 15 s of wrk on GET /api/v1/programs and 5 s on the partner 360 (edge token check on), then its RSS. Beside it,
# the raw baseline of the same JVM with the same options: `java -version`. The upstreams are BenchUpstream.java.
#   bench/gateway/start.sh                                   # prm's PRM_GATEWAY_JAVA_OPTS
#   GATEWAY_JAVA_OPTS="..." GATEWAY_APP=/path/quarkus-app RUNS=5 bench/gateway/start.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
RUNS="${RUNS:-3}"
APP="${GATEWAY_APP:-$ROOT/gateway/target/quarkus-app}"
[[ -f "$APP/quarkus-run.jar" ]] || (cd "$ROOT" && ./mvnw -B -q -pl gateway -am package -DskipTests -Dapi.checks.skip)
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-$(sed -n 's/^PRM_GATEWAY_JAVA_OPTS="\${PRM_GATEWAY_JAVA_OPTS:-\(.*\)}"$/\1/p' "$ROOT/prm")}"
eval "$(grep -m1 '^PRM_SERVICE_JAVA25_OPTS=' "$ROOT/prm")"
eval "$(grep -m1 '^PRM_AOT_RECORD_OPTS=' "$ROOT/prm")"
JAVA="${GATEWAY_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
[[ -x "$JAVA" ]] || { echo "needs a JDK 25 (GATEWAY_JAVA=...), as ./prm's AOT cache does" >&2; exit 1; }
OUT="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# The stand-in, (re)started whenever it is not running (each start of the gateway finds one).
standin() {
  [[ -n "${UPID:-}" ]] && kill -0 "$UPID" 2>/dev/null && return 0
  rm -f "$OUT/upstream"
  java -Xmx128m "$HERE/BenchUpstream.java" > "$OUT/upstream" 2>&1 &
  UPID=$!
  PIDS+=("$UPID")
  for _ in $(seq 1 600); do grep -q ' ' "$OUT/upstream" 2>/dev/null && break; sleep 0.1; done
  read -r UPORT TOKEN < "$OUT/upstream"
  local up="http://127.0.0.1:$UPORT"
  export CONSORT_GATEWAY_UPSTREAMS_RECRUITMENT_URL="$up" CONSORT_GATEWAY_UPSTREAMS_COMMUNITY_URL="$up" \
    CONSORT_GATEWAY_UPSTREAMS_CAMPAIGN_URL="$up" CONSORT_GATEWAY_UPSTREAMS_PERFORMANCE_URL="$up" \
    CONSORT_GATEWAY_UPSTREAMS_INTEGRATION_URL="$up" CONSORT_GATEWAY_AUTH_ISSUER="$up/realms/prm" \
    CONSORT_GATEWAY_AUTH_JWKS_URL="$up/realms/prm/protocol/openid-connect/certs" PRM_GATEWAY_RATE_LIMIT=1000000000
}
export PRM_GATEWAY_PORT="$(free_port)"
GW="http://127.0.0.1:$PRM_GATEWAY_PORT"
ready() { curl -fs -o /dev/null "$GW/q/health/ready"; }

standin
# shellcheck disable=SC2086
"$JAVA" $GATEWAY_JAVA_OPTS $PRM_SERVICE_JAVA25_OPTS -XX:MaxMetaspaceSize=256m $PRM_AOT_RECORD_OPTS -XX:AOTCacheOutput="$OUT/gateway.aot" \
  -jar "$APP/quarkus-run.jar" > "$OUT/record.log" 2>&1 &
rec=$!
for _ in $(seq 1 1200); do ready && break; sleep 0.1; done
sleep 3
"$(dirname "$JAVA")/jcmd" "$rec" AOT.end_recording >/dev/null 2>&1 || true
for _ in $(seq 1 300); do grep -q 'creation is complete' "$OUT/record.log" && break; sleep 0.1; done
kill "$rec"; wait "$rec" 2>/dev/null || true
[[ -f "$OUT/gateway.aot" ]] || { echo "no AOT cache was recorded:" >&2; tail -20 "$OUT/record.log" >&2; exit 1; }

base=()
for i in $(seq 1 "$RUNS"); do
  t0="$(now_ms)"
  # shellcheck disable=SC2086
  "$JAVA" $GATEWAY_JAVA_OPTS -version >/dev/null 2>&1
  base+=($(( $(now_ms) - t0 )))
done
echo "JVM: $JAVA $GATEWAY_JAVA_OPTS $PRM_SERVICE_JAVA25_OPTS -XX:AOTCache=..."
echo "raw baseline, the same JVM and options running java -version: ${base[*]} ms"
for i in $(seq 1 "$RUNS"); do
  standin
  t0="$(now_ms)"
  # shellcheck disable=SC2086
  "$JAVA" $GATEWAY_JAVA_OPTS $PRM_SERVICE_JAVA25_OPTS -XX:AOTCache="$OUT/gateway.aot" -jar "$APP/quarkus-run.jar" > "$OUT/run$i.log" 2>&1 &
  gp=$!
  PIDS+=("$gp")
  until ready; do kill -0 "$gp" 2>/dev/null || { echo "the gateway exited:" >&2; tail -20 "$OUT/run$i.log" >&2; exit 1; }; sleep 0.02; done
  t1="$(now_ms)"
  sleep 0.5 # Quarkus logs its "started in" just after the HTTP server answers
  echo "start $i: ready $(( t1 - t0 )) ms after spawn (Quarkus: $(grep -o 'started in [0-9.]*s' "$OUT/run$i.log" | head -1))"
  if [[ "$i" == "$RUNS" ]]; then
    wrk -t1 -c16 -d15s -H "Authorization: Bearer $TOKEN" "$GW/api/v1/programs" | grep 'Requests/sec' | sed 's/^/  programs: /'
    wrk -t1 -c8 -d5s -H "Authorization: Bearer $TOKEN" "$GW/api/v1/partners/7f1c7a52-3b8e-4a59-9d0c-2d1f3c1b9e11/360" | grep 'Requests/sec' | sed 's/^/  360: /'
    sleep 6 # past the native-heap trim (TrimNativeHeapInterval=5000)
    echo "RSS after serving: $(( $(ps -o rss= -p "$gp") / 1024 )) MB"
  fi
  kill "$gp"; wait "$gp" 2>/dev/null || true
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
