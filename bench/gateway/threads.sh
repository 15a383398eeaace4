#!/usr/bin/env bash
# bench/gateway/threads.sh: where the gateway's CPU goes, per thread, at several fixed rates (0 = idle), through
# the gateway to the stand-in (BenchUpstream.java), edge token check on, the JVM options ./prm gives the gateway.
# For each rate: hey for DURATION at that rate (nothing for 0), the CPU (user + system, from /proc/<pid>/task/*/stat)
# each gateway thread used meanwhile, grouped by thread name, and the total per proxied call. A cost that does not
# shrink per call as the rate rises is a cost per second (timers, housekeeping, the JIT), not per request.
#   RATES="0 50 100 400" DURATION=10s WARMUP=20s bench/gateway/threads.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
RATES="${RATES:-0 50 100 400}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-20s}"
RATE_WORKERS="${RATE_WORKERS:-8}"
APP="${GATEWAY_APP:-$ROOT/gateway/target/quarkus-app}"
JAR="$APP/quarkus-run.jar"
[[ -f "$JAR" ]] || { echo "build the gateway first (or GATEWAY_APP=...)" >&2; exit 1; }
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-$(sed -n 's/^PRM_GATEWAY_JAVA_OPTS="\${PRM_GATEWAY_JAVA_OPTS:-\(.*\)}"$/\1/p' "$ROOT/prm")}"
GATEWAY_JAVA="${GATEWAY_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
CPUS="$(nproc)"
SERVER_PIN=() CLIENT_PIN=()
if [[ "${PIN:-1}" == 1 && "$CPUS" -ge 2 ]]; then SERVER_PIN=(taskset -c "0-$((CPUS - 2))") CLIENT_PIN=(taskset -c "$((CPUS - 1))"); fi
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
OUT="$(mktemp -d)"
"${SERVER_PIN[@]}" java -Xmx128m "$HERE/BenchUpstream.java" > "$OUT/upstream" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do grep -q ' ' "$OUT/upstream" 2>/dev/null && break; sleep 0.1; done
read -r UPORT TOKEN < "$OUT/upstream"
UP="http://127.0.0.1:$UPORT"
GPORT="$(free_port)"
# shellcheck disable=SC2086
PRM_GATEWAY_PORT="$GPORT" CONSORT_GATEWAY_UPSTREAMS_RECRUITMENT_URL="$UP" CONSORT_GATEWAY_UPSTREAMS_COMMUNITY_URL="$UP" \
CONSORT_GATEWAY_UPSTREAMS_CAMPAIGN_URL="$UP" CONSORT_GATEWAY_UPSTREAMS_PERFORMANCE_URL="$UP" \
CONSORT_GATEWAY_UPSTREAMS_INTEGRATION_URL="$UP" CONSORT_GATEWAY_AUTH_ISSUER="$UP/realms/prm" \
CONSORT_GATEWAY_AUTH_JWKS_URL="$UP/realms/prm/protocol/openid-connect/certs" PRM_GATEWAY_RATE_LIMIT=1000000000 \
  "${SERVER_PIN[@]}" "$GATEWAY_JAVA" $GATEWAY_JAVA_OPTS ${EXTRA_JAVA_OPTS:-} -jar "$JAR" > "$OUT/gateway.log" 2>&1 &
PIDS+=($!)
GPID=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$GPORT/q/health/live" >/dev/null && break; sleep 0.1; done
URL="http://127.0.0.1:$GPORT/api/v1/programs"
[[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL")" == 200 ]] || { echo "gateway refused" >&2; cat "$OUT/gateway.log" >&2; exit 1; }
echo "gateway pid $GPID; warming up $WARMUP"
"${CLIENT_PIN[@]}" wrk -t1 -c8 -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
sleep 2
HZ="$(getconf CLK_TCK)"
# thread name -> CPU ticks, one line per thread: "<tid> <name> <ticks>"
snap() { for t in /proc/"$GPID"/task/*; do awk -v tid="${t##*/}" '{ n = $0; sub(/^[^(]*\(/, "", n); sub(/\).*$/, "", n); gsub(/ /, "_", n);
  r = $0; sub(/^.*\) /, "", r); split(r, f, " "); print tid, n, f[12] + f[13], f[13] }' "$t/stat" 2>/dev/null; done; }
# Bytes the gateway allocated so far (jstat: eden used now, plus eden's capacity for each young collection so far;
# survivor and old-generation use are left out): garbage per call, which the load on the machine does not disturb.
JSTAT="$(dirname "$GATEWAY_JAVA")/jstat"
allocated_kb() { "$JSTAT" -gc "$GPID" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } NR == 2 { printf "%.0f\n", $col["EU"] + $col["EC"] * $col["YGC"] }'; }
for rate in $RATES; do
  alloc_before="$(allocated_kb)"
  snap > "$OUT/before"
  if [[ "$rate" == 0 ]]; then
    sleep "${DURATION%s}"; calls=0
  else
    "${CLIENT_PIN[@]}" hey -z "$DURATION" -c "$RATE_WORKERS" -q "$(( (rate + RATE_WORKERS - 1) / RATE_WORKERS ))" -T application/json \
      -H "Authorization: Bearer $TOKEN" "$URL" > "$OUT/hey-$rate"
    calls="$(awk '/^\s*\[[0-9]+\]/ {s += $2} END {print s + 0}' "$OUT/hey-$rate")"
  fi
  snap > "$OUT/after"
  alloc_after="$(allocated_kb)"
  echo
  echo "rate $rate/s: $calls calls in $DURATION; $(awk '$2 == "in" && $1 == "99%" {printf "p99 %.2f ms", $3*1000}' "$OUT/hey-$rate" 2>/dev/null); load $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v hz="$HZ" -v calls="$calls" -v secs="${DURATION%s}" '
    NR == FNR { b[$1] = $3; bs[$1] = $4; next }
    { d = $3 - b[$1]; name = $2; sub(/[-#]?[0-9]+$/, "", name); sum[name] += d; sys[name] += $4 - bs[$1]; total += d }
    END {
      for (n in sum) if (sum[n] > 0) { per = calls > 0 ? sprintf("  %6.0f us/call", sum[n] * 1e6 / hz / calls) : ""; printf "  %-40s %6.0f ms/s%s  (%.0f%% in the kernel)\n", n, sum[n] * 1000 / hz / secs, per, sys[n] * 100 / sum[n] }
      per = calls > 0 ? sprintf("  %6.0f us/call", total * 1e6 / hz / calls) : ""
      printf "  %-40s %6.0f ms/s%s\n", "ALL", total * 1000 / hz / secs, per
    }' "$OUT/before" "$OUT/after" | sort -k2 -n -r
  [[ "$calls" == 0 ]] || echo "  allocated per call: $(( (alloc_after - alloc_before) * 1024 / calls )) bytes (jstat, eden)"
done
echo "RSS $(ps -o rss= -p "$GPID" | awk '{printf "%d MB", $1/1024}'); JVM: $GATEWAY_JAVA $GATEWAY_JAVA_OPTS ${EXTRA_JAVA_OPTS:-}"
[[ -z "${KEEP:-}" ]] || { echo "outputs in $OUT"; read -r -p "gateway still running (pid $GPID); enter to stop " _; }
