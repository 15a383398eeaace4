#!/usr/bin/env bash
# bench/gateway: the same GET straight to a service and through the gateway (edge token check, rate limit and
# breaker on), same client, same run, rounds alternating between the two targets. Two measurements:
#   1. saturation (wrk, closed loop): requests/s of both and their ratio (goal >= 0.8x);
#   2. latency at a fixed rate below saturation (hey, RATE requests/s in total): p50/p99 of both and the p99 the
#      gateway adds (goal <= 2 ms). A closed-loop client at saturation measures queueing, not the hop: its
#      latency is connections / throughput, so its p99s only restate the throughput ratio.
# And the partner 360 through the gateway beside the slowest of its six single calls straight (stand-in sections).
# Every figure per round, then the median and the spread (min-max) over ROUNDS rounds.
# Self-contained: a JDK-only stand-in service that also serves the realm's keys (BenchUpstream.java) and the
# gateway's built jar, run with the JVM options ./prm gives it (PRM_GATEWAY_JAVA_OPTS), on free ports.
#   ROUNDS=3 DURATION=10s CONNECTIONS=32 THREADS=2 RATE=400 PIN=1 bench/gateway/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
RATE="${RATE:-400}"        # fixed-rate phase: requests/s in total, over RATE_WORKERS connections
RATE_WORKERS="${RATE_WORKERS:-8}"
# Warm-up per target before measuring: long enough for the JIT to have compiled the hot paths (C2 takes longer than
# C1 to get there, and a gateway serves for days), so the rounds measure the steady state, not the compiler.
WARMUP="${WARMUP:-20s}"
# PIN=1: the client on the last CPU, the servers (stand-in, gateway) on the others, so the client competes with
# neither target differently; needs 2+ CPUs. PIN=0 lets the scheduler place everything.
PIN="${PIN:-1}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v hey >/dev/null || { echo "hey is needed: apt-get install hey" >&2; exit 1; }
APP="${GATEWAY_APP:-$ROOT/gateway/target/quarkus-app}"
JAR="$APP/quarkus-run.jar"
if [[ -z "${GATEWAY_APP:-}" ]] && [[ ! -f "$JAR" || -n "$(find "$ROOT/gateway/src/main" "$ROOT/gateway/pom.xml" -newer "$JAR" -print -quit)" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl gateway -am package -DskipTests -Dapi.checks.skip)
fi
# The gateway runs as ./prm runs it: its JVM options (prm's default unless GATEWAY_JAVA_OPTS is set), on the
# JDK 25 prm prefers when there is one (without prm's AOT cache, which only shortens start-up).
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-$(sed -n 's/^PRM_GATEWAY_JAVA_OPTS="\${PRM_GATEWAY_JAVA_OPTS:-\(.*\)}"$/\1/p' "$ROOT/prm")}"
[[ -n "$GATEWAY_JAVA_OPTS" ]] || { echo "could not read PRM_GATEWAY_JAVA_OPTS from ./prm" >&2; exit 1; }
GATEWAY_JAVA="${GATEWAY_JAVA:-java}"
if [[ -z "${GATEWAY_JAVA_SET:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java && "$GATEWAY_JAVA" == java ]]; then
  GATEWAY_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
CPUS="$(nproc)"
SERVER_PIN=() CLIENT_PIN=()
if [[ "$PIN" == 1 && "$CPUS" -ge 2 ]] && command -v taskset >/dev/null; then
  SERVER_PIN=(taskset -c "0-$((CPUS - 2))") CLIENT_PIN=(taskset -c "$((CPUS - 1))")
fi

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

OUT="$(mktemp -d)"
"${SERVER_PIN[@]}" java -Xmx128m "$HERE/BenchUpstream.java" > "$OUT/upstream" 2>&1 &
PIDS+=($!)
UPSTREAM_PID=$!
# A single-file program is compiled at launch: allow a loaded machine a minute.
for _ in $(seq 1 600); do grep -q ' ' "$OUT/upstream" 2>/dev/null && break; sleep 0.1; done
read -r UPSTREAM_PORT TOKEN < "$OUT/upstream" || { echo "the stand-in service did not start:" >&2; cat "$OUT/upstream" >&2; exit 1; }
GATEWAY_PORT="$(free_port)"

UP="http://127.0.0.1:$UPSTREAM_PORT"
# shellcheck disable=SC2086
PRM_GATEWAY_PORT="$GATEWAY_PORT" \
CONSORT_GATEWAY_UPSTREAMS_RECRUITMENT_URL="$UP" CONSORT_GATEWAY_UPSTREAMS_COMMUNITY_URL="$UP" \
CONSORT_GATEWAY_UPSTREAMS_CAMPAIGN_URL="$UP" CONSORT_GATEWAY_UPSTREAMS_PERFORMANCE_URL="$UP" \
CONSORT_GATEWAY_UPSTREAMS_INTEGRATION_URL="$UP" \
CONSORT_GATEWAY_AUTH_ISSUER="$UP/realms/prm" \
CONSORT_GATEWAY_AUTH_JWKS_URL="$UP/realms/prm/protocol/openid-connect/certs" \
PRM_GATEWAY_RATE_LIMIT=1000000000 \
  "${SERVER_PIN[@]}" "$GATEWAY_JAVA" $GATEWAY_JAVA_OPTS -Xlog:gc:file="$OUT/gc.log" -jar "$JAR" > "$OUT/gateway.log" 2>&1 &
PIDS+=($!)
GATEWAY_PID=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$GATEWAY_PORT/q/health/live" >/dev/null && break; sleep 0.1; done

STRAIGHT="$UP/api/v1/programs"
THROUGH="http://127.0.0.1:$GATEWAY_PORT/api/v1/programs"
PARTNER=7f1c7a52-3b8e-4a59-9d0c-2d1f3c1b9e11
SECTION="$UP/api/v1/deal-registrations?partnerId=$PARTNER&state=SUBMITTED,IN_REVIEW,ACTION_REQUIRED,APPROVED&limit=50"
THREE_SIXTY="http://127.0.0.1:$GATEWAY_PORT/api/v1/partners/$PARTNER/360"
# The gateway must really check the token: no token is a 401, the token a 200; the 360 must come whole.
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$THROUGH")" == 401 ]] || { echo "the gateway did not refuse a call without a token" >&2; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$THROUGH")" == 200 ]] || { echo "the gateway refused the bench token" >&2; cat "$OUT/gateway.log" >&2; exit 1; }
curl -s -H "Authorization: Bearer $TOKEN" "$THREE_SIXTY" | grep -q '"complete":true' || { echo "the 360 did not come complete" >&2; exit 1; }

wrk_run() { "${CLIENT_PIN[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$1"; }
# hey sends Content-Type: text/html unless told otherwise, which a real service answers with 415, even on a GET.
hey_run() { "${CLIENT_PIN[@]}" hey -z "$DURATION" -T application/json -c "$RATE_WORKERS" -q "$(( (RATE + RATE_WORKERS - 1) / RATE_WORKERS ))" -H "Authorization: Bearer $TOKEN" "$1"; }
# wrk: requests/s and p99 in ms; hey: p50 and p99 in ms and the statuses seen.
wrk_fig() { awk '/Requests\/sec/ {r=$2} $1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else {sub(/s$/,"",v); v*=1000}; p=v}
  /Non-2xx|Socket errors/ {e=e" "$0} END {printf "%s %.2f%s\n", r, p, e}' "$1"; }
hey_fig() { awk '$2 == "in" && $1 == "50%" {a=$3*1000} $2 == "in" && $1 == "99%" {b=$3*1000} /Requests\/sec/ {r=$2}
  /^\s*\[[0-9]+\]/ {s=s $1 $2 " "} END {printf "%.1f %.2f %.2f %s\n", r, a, b, s}' "$1"; }
gcs() { grep -c 'Pause' "$OUT/gc.log" 2>/dev/null || echo 0; }
# CPU time a process has used (user + system), in ms: what a request costs whatever else the machine runs.
CLK_TCK="$(getconf CLK_TCK)"
cpu_ms() { awk -v hz="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%d\n", ($12 + $13) * 1000 / hz }' "/proc/$1/stat"; }
# CPU time of a process's JIT compiler threads, in ms: a fresh JVM's C2 compiles the hot paths for a minute or more
# (longer on a busy machine), which is neither a cost per request nor one a long-running gateway keeps paying.
jit_ms() { cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v hz="$CLK_TCK" '/\((C1|C2) CompilerThre/ { sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%d\n", t * 1000 / hz }'; }
# hey_cpu NAME URL PID...: the fixed-rate run, with each PID's CPU ms over it appended to $OUT/cpu-NAME.
# The last PID's JIT compiler CPU over the run goes on the line after.
hey_cpu() {
  local name="$1" url="$2" p before=() i=0 jit; shift 2
  for p in "$@"; do before+=("$(cpu_ms "$p")"); done
  jit="$(jit_ms "${!#}")"
  hey_run "$url" > "$OUT/$name"
  for p in "$@"; do echo "$(( $(cpu_ms "$p") - before[i] ))" >> "$OUT/cpu-$name"; i=$((i + 1)); done
  echo "$(( $(jit_ms "${!#}") - jit ))" >> "$OUT/cpu-$name"
}
gc_pauses() { awk -v from="$1" '/Pause/ {n++; if (n > from) {v=$NF; sub(/ms$/,"",v); t+=v; if (v>m) m=v; c++}} END {printf "%d GCs, %.1f ms in all, longest %.2f ms", c, t, m}' "$OUT/gc.log"; }

echo "warming up ($WARMUP each)..."
"${CLIENT_PIN[@]}" wrk -t1 -c8 -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$STRAIGHT" >/dev/null
"${CLIENT_PIN[@]}" wrk -t1 -c8 -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$THROUGH" >/dev/null
"${CLIENT_PIN[@]}" wrk -t1 -c8 -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$THREE_SIXTY" >/dev/null
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
GC_BEFORE="$(gcs)"
for r in $(seq 1 "$ROUNDS"); do
  # Alternate which target goes first, so neither always runs on a warmer (or busier) machine.
  if (( r % 2 )); then order=(straight through); else order=(through straight); fi
  for t in "${order[@]}"; do
    url="$STRAIGHT"; [[ $t == through ]] && url="$THROUGH"
    wrk_run "$url" > "$OUT/wrk-$t-$r"
  done
  for t in "${order[@]}"; do
    url="$STRAIGHT"; [[ $t == through ]] && url="$THROUGH"
    hey_cpu "hey-$t-$r" "$url" "$UPSTREAM_PID" "$GATEWAY_PID"
  done
  for t in "${order[@]}"; do
    url="$SECTION"; [[ $t == through ]] && url="$THREE_SIXTY"
    hey_cpu "360-$t-$r" "$url" "$UPSTREAM_PID" "$GATEWAY_PID"
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

printf '\n%-6s | %-34s | %-46s | %-46s\n' "" "saturation (wrk -t$THREADS -c$CONNECTIONS): req/s" "fixed $RATE req/s (hey -c$RATE_WORKERS): p50 / p99 ms" "partner 360 at $RATE/s: p50 / p99 ms"
printf '%-6s | %9s %9s %6s | %-13s %-13s %8s | %-13s %-13s %8s\n' round straight through ratio straight through "+p99" "1 call" "360" "+p99"
for r in $(seq 1 "$ROUNDS"); do
  read -r SR SP SE < <(wrk_fig "$OUT/wrk-straight-$r"); read -r TR TP TE < <(wrk_fig "$OUT/wrk-through-$r")
  read -r _ S50 S99 SS < <(hey_fig "$OUT/hey-straight-$r"); read -r _ T50 T99 TS < <(hey_fig "$OUT/hey-through-$r")
  read -r _ O50 O99 OS < <(hey_fig "$OUT/360-straight-$r"); read -r _ X50 X99 XS < <(hey_fig "$OUT/360-through-$r")
  echo "$r $SR $TR $S99 $T99 $O99 $X99" >> "$OUT/rows"
  printf '%-6s | %9s %9s %5.2fx | %5.2f / %-5.2f %5.2f / %-5.2f %+7.2f | %5.2f / %-5.2f %5.2f / %-5.2f %+7.2f\n' "$r" "$SR" "$TR" \
    "$(awk -v a="$TR" -v b="$SR" 'BEGIN{print a/b}')" "$S50" "$S99" "$T50" "$T99" "$(awk -v a="$T99" -v b="$S99" 'BEGIN{print a-b}')" \
    "$O50" "$O99" "$X50" "$X99" "$(awk -v a="$X99" -v b="$O99" 'BEGIN{print a-b}')"
  for e in "$SE" "$TE"; do [[ -z "${e// }" ]] || echo "       wrk:$e"; done
  for s in "$SS" "$TS" "$OS" "$XS"; do [[ "$s" =~ ^\[200\][0-9]+\ ?$ ]] || echo "       statuses: $s"; done
done
awk '
  function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
    return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
  function lo(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  function hi(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  { n++; ratio[n] = $3 / $2; sp[n] = $4; tp[n] = $5; add[n] = $5 - $4; op[n] = $6; xp[n] = $7; x[n] = $7; xadd[n] = $7 - $6 }
  END {
    printf "\nover %d rounds, median (min-max):\n", n
    printf "  throughput ratio through/straight  %.2fx (%.2f-%.2f)   goal >= 0.8x\n", med(ratio, n), lo(ratio, n), hi(ratio, n)
    printf "  p99 straight %.2f ms (%.2f-%.2f), through %.2f ms (%.2f-%.2f)\n", med(sp, n), lo(sp, n), hi(sp, n), med(tp, n), lo(tp, n), hi(tp, n)
    printf "  added p99 at a fixed rate          %+.2f ms (%+.2f..%+.2f)   goal <= 2 ms\n", med(add, n), lo(add, n), hi(add, n)
    printf "  partner 360 p99 %.2f ms (%.2f-%.2f) beside one section call straight %.2f ms (%.2f-%.2f): %+.2f ms\n",
      med(x, n), lo(x, n), hi(x, n), med(op, n), lo(op, n), hi(op, n), med(xadd, n)
  }' "$OUT/rows"
# CPU per request at the fixed rate, summed over the rounds: the gateway's own cost, beside the stand-in's per call.
per_request() { # files... -> "<upstream us> <gateway us> <of which the gateway's JIT us>" per request
  local f n=0 up=0 gw=0 jit=0 c
  for f in "$@"; do
    c="$(awk '/^\s*\[[0-9]+\]/ {s += $2} END {print s + 0}' "$OUT/$f")"
    n=$((n + c)); up=$((up + $(sed -n 1p "$OUT/cpu-$f"))); gw=$((gw + $(sed -n 2p "$OUT/cpu-$f"))); jit=$((jit + $(sed -n 3p "$OUT/cpu-$f")))
  done
  awk -v n="$n" -v u="$up" -v g="$gw" -v j="$jit" 'BEGIN { printf "%.0f %.0f %.0f\n", u * 1000 / n, g * 1000 / n, j * 1000 / n }'
}
read -r S_UP _ < <(per_request $(cd "$OUT" && ls hey-straight-*))
read -r T_UP T_GW T_JIT < <(per_request $(cd "$OUT" && ls hey-through-*))
read -r X_UP X_GW X_JIT < <(per_request $(cd "$OUT" && ls 360-through-*))
echo "CPU per request at the fixed rate: the stand-in ${S_UP} us straight (${T_UP} us when called through); the gateway ${T_GW} us per"
echo "  proxied call (of which its JIT compiler ${T_JIT} us), ${X_GW} us per 360 (JIT ${X_JIT} us; six calls; the stand-in ${X_UP} us for them)"
echo "gateway: $(gc_pauses "$GC_BEFORE") while measured; RSS after the run $(ps -o rss= -p "$GATEWAY_PID" | awk '{printf "%d MB", $1/1024}')"
echo "load average before: $LOAD_BEFORE, after: $LOAD_AFTER; $CPUS CPUs; pinned: ${CLIENT_PIN[*]:-no} (client) ${SERVER_PIN[*]:-} (servers)"
echo "gateway JVM: $GATEWAY_JAVA $GATEWAY_JAVA_OPTS"
[[ -z "${KEEP:-}" ]] || echo "raw outputs kept in $OUT"

# --- The same comparison in front of a real service (REAL_SERVICE=1, the default; REAL_SERVICE=0 skips it) ---
# The stand-in answers a constant for ~80 us of CPU. With the gateway pinned to the same CPU as the service, the
# saturation ratio can be no better than s / (s + g) for a service costing s and a gateway costing g per call, so
# against the stand-in it mostly says how cheap the stand-in is (0.8x would need a gateway costing under 20 us).
# Here recruitment-service itself answers GET /api/v1/programs: its own jar, with the JVM options ./prm gives the
# services (PRM_SERVICE_JAVA_OPTS), its own database, the stand-in as its realm (it checks the same token itself, as
# every service does), Kafka and the outbox relay off (nothing here reads events). Straight, and through a second
# gateway (the first is stopped) routing recruitment's paths to it; the same client and pinning, same run.
[[ "${REAL_SERVICE:-1}" == 1 ]] || exit 0
kill "$GATEWAY_PID" 2>/dev/null || true
wait "$GATEWAY_PID" 2>/dev/null || true
RAPP="${SERVICE_APP:-$ROOT/recruitment-service/target/quarkus-app}"
if [[ -z "${SERVICE_APP:-}" ]] && [[ ! -f "$RAPP/quarkus-run.jar" || -n "$(find "$ROOT/recruitment-service/src/main" "$ROOT/platform/chassis/src/main" -newer "$RAPP/quarkus-run.jar" -print -quit)" ]]; then
  echo "building recruitment-service..."
  (cd "$ROOT" && ./mvnw -B -q -o -pl recruitment-service -am package -DskipTests -Dapi.checks.skip)
fi
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:-$(sed -n 's/^PRM_SERVICE_JAVA_OPTS="\${PRM_SERVICE_JAVA_OPTS:-\(.*\)}"$/\1/p' "$ROOT/prm")}"
REAL_ROUNDS="${REAL_ROUNDS:-2}"
REAL_RATE="${REAL_RATE:-100}"   # the service is far costlier than the stand-in: a rate well below its saturation
# and fewer connections at saturation: 32 callers queued on a service doing a few hundred calls/s (a few dozen on a
# loaded machine) measure wrk's 2 s timeouts rather than throughput.
REAL_CONNECTIONS="${REAL_CONNECTIONS:-8}"
REAL_DB=consort_recruitment_benchgw
psql_bench() { psql -X -q -h "${PRM_PG_HOST:-127.0.0.1}" -p "${PRM_PG_PORT:-5432}" -U "${PRM_PG_USER:-postgres}" -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_bench -c "DROP DATABASE IF EXISTS $REAL_DB WITH (FORCE)" -c "CREATE DATABASE $REAL_DB" >/dev/null
drop_real_db() { psql_bench -c "DROP DATABASE IF EXISTS $REAL_DB WITH (FORCE)" >/dev/null 2>&1 || true; }
trap 'cleanup; drop_real_db' EXIT
SERVICE_PORT="$(free_port)" NO_KAFKA_PORT="$(free_port)" GATEWAY2_PORT="$(free_port)"
# shellcheck disable=SC2086
PRM_RECRUITMENT_PORT="$SERVICE_PORT" PRM_RECRUITMENT_DB="$REAL_DB" PRM_KEYCLOAK_URL="$UP" \
PRM_KAFKA_BOOTSTRAP="127.0.0.1:$NO_KAFKA_PORT" CONSORT_OUTBOX_RELAY_ENABLED=false MP_MESSAGING_INCOMING_PERFORMANCE_ENABLED=false \
  "${SERVER_PIN[@]}" "$GATEWAY_JAVA" $SERVICE_JAVA_OPTS -jar "$RAPP/quarkus-run.jar" > "$OUT/service.log" 2>&1 &
PIDS+=($!)
SERVICE_PID=$!
SVC="http://127.0.0.1:$SERVICE_PORT"
for _ in $(seq 1 1200); do curl -fs "$SVC/q/health/live" >/dev/null && break; sleep 0.1; done
curl -fs "$SVC/q/health/live" >/dev/null || { echo "recruitment-service did not start:" >&2; tail -30 "$OUT/service.log" >&2; exit 1; }
# A few programs to list, made through the service's own API.
for i in 1 2 3 4 5; do
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -H "Idempotency-Key: bench-gateway-program-$i" \
    -d "{\"name\":\"Bench program $i\",\"description\":\"Resellers and MSPs, region $i\",\"partnerTypes\":[\"RESELLER\",\"MSP\"],\"acceptingApplications\":true}" \
    "$SVC/api/v1/programs" || { echo "could not create a program in recruitment-service:" >&2; tail -30 "$OUT/service.log" >&2; exit 1; }
done
# shellcheck disable=SC2086
PRM_GATEWAY_PORT="$GATEWAY2_PORT" \
CONSORT_GATEWAY_UPSTREAMS_RECRUITMENT_URL="$SVC" CONSORT_GATEWAY_UPSTREAMS_COMMUNITY_URL="$UP" \
CONSORT_GATEWAY_UPSTREAMS_CAMPAIGN_URL="$UP" CONSORT_GATEWAY_UPSTREAMS_PERFORMANCE_URL="$UP" \
CONSORT_GATEWAY_UPSTREAMS_INTEGRATION_URL="$UP" \
CONSORT_GATEWAY_AUTH_ISSUER="$UP/realms/prm" \
CONSORT_GATEWAY_AUTH_JWKS_URL="$UP/realms/prm/protocol/openid-connect/certs" \
PRM_GATEWAY_RATE_LIMIT=1000000000 \
  "${SERVER_PIN[@]}" "$GATEWAY_JAVA" $GATEWAY_JAVA_OPTS -jar "$JAR" > "$OUT/gateway2.log" 2>&1 &
PIDS+=($!)
GATEWAY_PID=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$GATEWAY2_PORT/q/health/live" >/dev/null && break; sleep 0.1; done
STRAIGHT="$SVC/api/v1/programs"
THROUGH="http://127.0.0.1:$GATEWAY2_PORT/api/v1/programs"
for u in "$STRAIGHT" "$THROUGH"; do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$u")" == 200 ]] || { echo "$u did not answer 200" >&2; tail -20 "$OUT/service.log" >&2; exit 1; }
done
curl -s -H "Authorization: Bearer $TOKEN" "$THROUGH" | grep -q 'Bench program 5' || { echo "the programs did not come through the gateway" >&2; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$THROUGH")" == 401 ]] || { echo "the second gateway did not refuse a call without a token" >&2; exit 1; }
echo
echo "in front of a real service (recruitment-service, GET /api/v1/programs, 5 programs; JVM: $SERVICE_JAVA_OPTS)"
echo "warming up ($WARMUP each)..."
"${CLIENT_PIN[@]}" wrk -t1 -c8 -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$STRAIGHT" >/dev/null
"${CLIENT_PIN[@]}" wrk -t1 -c8 -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$THROUGH" >/dev/null
# This gateway is a fresh JVM, and the service lets only a few thousand calls through it in the warm-up: too few for
# C2 to have compiled the proxy's hot path, so the rounds would measure the compiler (it was most of the "327 us per
# call" of the 19:25 run). The same proxy code also serves the stand-in's routes (every upstream but recruitment), so
# it is warmed up there, at the stand-in's rate, for REAL_GATEWAY_WARMUP (60 s: on a busy machine C2 took 60-100 s to
# settle). What the compiler still uses during the rounds is shown apart ("of which its JIT compiler").
"${CLIENT_PIN[@]}" wrk -t1 -c8 -d"${REAL_GATEWAY_WARMUP:-60s}" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY2_PORT/api/v1/deal-registrations?partnerId=$PARTNER" >/dev/null
RATE="$REAL_RATE" CONNECTIONS="$REAL_CONNECTIONS"
REAL_LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$REAL_ROUNDS"); do
  if (( r % 2 )); then order=(straight through); else order=(through straight); fi
  for t in "${order[@]}"; do
    url="$STRAIGHT"; [[ $t == through ]] && url="$THROUGH"
    wrk_run "$url" > "$OUT/real-wrk-$t-$r"
  done
  for t in "${order[@]}"; do
    url="$STRAIGHT"; [[ $t == through ]] && url="$THROUGH"
    hey_cpu "real-hey-$t-$r" "$url" "$SERVICE_PID" "$GATEWAY_PID"
  done
done
REAL_LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
printf '\n%-6s | %-34s | %-46s\n' "" "saturation (wrk -t$THREADS -c$CONNECTIONS): req/s" "fixed $RATE req/s (hey -c$RATE_WORKERS): p50 / p99 ms"
printf '%-6s | %9s %9s %6s | %-13s %-13s %8s\n' round straight through ratio straight through "+p99"
: > "$OUT/real-rows"
for r in $(seq 1 "$REAL_ROUNDS"); do
  read -r SR SP SE < <(wrk_fig "$OUT/real-wrk-straight-$r"); read -r TR TP TE < <(wrk_fig "$OUT/real-wrk-through-$r")
  read -r _ S50 S99 SS < <(hey_fig "$OUT/real-hey-straight-$r"); read -r _ T50 T99 TS < <(hey_fig "$OUT/real-hey-through-$r")
  echo "$r $SR $TR $S99 $T99" >> "$OUT/real-rows"
  printf '%-6s | %9s %9s %5.2fx | %5.2f / %-5.2f %5.2f / %-5.2f %+7.2f\n' "$r" "$SR" "$TR" \
    "$(awk -v a="$TR" -v b="$SR" 'BEGIN{print a/b}')" "$S50" "$S99" "$T50" "$T99" "$(awk -v a="$T99" -v b="$S99" 'BEGIN{print a-b}')"
  for e in "$SE" "$TE"; do [[ -z "${e// }" ]] || echo "       wrk:$e"; done
  for s in "$SS" "$TS"; do [[ "$s" =~ ^\[200\][0-9]+\ ?$ ]] || echo "       statuses: $s"; done
done
awk '
  function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
    return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
  function lo(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  function hi(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  { n++; ratio[n] = $3 / $2; add[n] = $5 - $4 }
  END {
    printf "\nover %d rounds, median (min-max):\n", n
    printf "  throughput ratio through/straight  %.2fx (%.2f-%.2f)   goal >= 0.8x\n", med(ratio, n), lo(ratio, n), hi(ratio, n)
    printf "  added p99 at a fixed rate          %+.2f ms (%+.2f..%+.2f)   goal <= 2 ms\n", med(add, n), lo(add, n), hi(add, n)
  }' "$OUT/real-rows"
read -r S_UP _ < <(per_request $(cd "$OUT" && ls real-hey-straight-*))
read -r T_UP T_GW T_JIT < <(per_request $(cd "$OUT" && ls real-hey-through-*))
echo "CPU per request at the fixed rate: the service ${S_UP} us straight (${T_UP} us when called through); the gateway ${T_GW} us per call"
echo "  (of which its JIT compiler ${T_JIT} us)"
echo "load average before: $REAL_LOAD_BEFORE, after: $REAL_LOAD_AFTER"
