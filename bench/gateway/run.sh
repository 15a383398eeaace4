#!/usr/bin/env bash
# bench/gateway: the same GET straight to a service and through the gateway (edge token check, rate limit and
# breaker on), same client (wrk), same run. Prints requests/s and latency percentiles of both, the throughput
# ratio and the p99 the gateway adds. Self-contained: a JDK-only stand-in service that also serves the realm's
# keys (BenchUpstream.java) and the gateway's built jar on free ports; nothing else needs to run.
#   DURATION=20s CONNECTIONS=32 THREADS=2 bench/gateway/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" || -n "$(find "$ROOT/gateway/src" "$ROOT/gateway/pom.xml" -newer "$JAR" -print -quit)" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl gateway -am package -DskipTests)
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

OUT="$(mktemp -d)"
java -Xmx128m "$HERE/BenchUpstream.java" > "$OUT/upstream" 2>&1 &
PIDS+=($!)
# A single-file program is compiled at launch: allow a loaded machine a minute.
for _ in $(seq 1 600); do grep -q ' ' "$OUT/upstream" 2>/dev/null && break; sleep 0.1; done
read -r UPSTREAM_PORT TOKEN < "$OUT/upstream" || { echo "the stand-in service did not start:" >&2; cat "$OUT/upstream" >&2; exit 1; }
GATEWAY_PORT="$(free_port)"

PRM_GATEWAY_PORT="$GATEWAY_PORT" \
CONSORT_GATEWAY_UPSTREAMS_RECRUITMENT_URL="http://127.0.0.1:$UPSTREAM_PORT" \
CONSORT_GATEWAY_AUTH_ISSUER="http://127.0.0.1:$UPSTREAM_PORT/realms/prm" \
CONSORT_GATEWAY_AUTH_JWKS_URL="http://127.0.0.1:$UPSTREAM_PORT/realms/prm/protocol/openid-connect/certs" \
PRM_GATEWAY_RATE_LIMIT=1000000000 \
  java -Xmx128m -jar "$JAR" > "$OUT/gateway.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$GATEWAY_PORT/q/health/live" >/dev/null && break; sleep 0.1; done

STRAIGHT="http://127.0.0.1:$UPSTREAM_PORT/api/v1/programs"
THROUGH="http://127.0.0.1:$GATEWAY_PORT/api/v1/programs"
# The gateway must really check the token: no token is a 401, the token a 200.
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$THROUGH")" == 401 ]] || { echo "the gateway did not refuse a call without a token" >&2; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$THROUGH")" == 200 ]] || { echo "the gateway refused the bench token" >&2; cat "$OUT/gateway.log" >&2; exit 1; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$1"; }
echo "warming up both (5 s each)..."
wrk -t1 -c8 -d5s -H "Authorization: Bearer $TOKEN" "$STRAIGHT" >/dev/null
wrk -t1 -c8 -d5s -H "Authorization: Bearer $TOKEN" "$THROUGH" >/dev/null
run "$STRAIGHT" > "$OUT/straight"
run "$THROUGH" > "$OUT/through"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else { sub(/s$/, "", v); print v * 1000 } }'; }
errors() { grep -E "Non-2xx|Socket errors" "$1" || true; }

printf '%-22s %12s %10s %10s %10s\n' "" "requests/s" "p50 ms" "p90 ms" "p99 ms"
for name in straight through; do
  printf '%-22s %12s %10s %10s %10s\n' "$([[ $name == straight ]] && echo "straight to service" || echo "through the gateway")" \
    "$(rps "$OUT/$name")" "$(ms "$(pct "$OUT/$name" 50%)")" "$(ms "$(pct "$OUT/$name" 90%)")" "$(ms "$(pct "$OUT/$name" 99%)")"
  errors "$OUT/$name"
done
awk -v a="$(rps "$OUT/through")" -v b="$(rps "$OUT/straight")" -v p="$(ms "$(pct "$OUT/through" 99%)")" -v q="$(ms "$(pct "$OUT/straight" 99%)")" \
  'BEGIN { printf "throughput ratio (through / straight): %.2fx   added p99: %.2f ms\n", a / b, p - q }'
echo "(load average before: $LOAD_BEFORE; wrk -t$THREADS -c$CONNECTIONS -d$DURATION, edge token check + rate limit + breaker on; gateway RSS: $(ps -o rss= -p "${PIDS[1]}" | awk '{printf "%d MB", $1/1024}'))"
