#!/usr/bin/env bash
# bench/gateway/partner360.sh: the partner 360's latency with every service up (issue 16's goal: p99 <= 50 ms),
# beside its raw baseline measured in the same run: the six calls the 360 makes, sent at once straight to their
# services with the same token by the same client (Fanout.java, JDK only), a round ending with the last answer.
# The 360 cannot answer faster than that round.
#
# Starts its own stack with ./prm (demo data on, ports shifted by PRM_BENCH_PORT_OFFSET, default 30000, databases
# consort_<service>_bench360, state in bench/gateway/target/stack-360), the gateway's rate limit raised so it is
# checked on every request but refuses none; stops it and drops the databases afterwards. Or, with
# PRM_BENCH_ATTACH=1, measures a stack already started by ./prm up with the environment's PRM_* variables
# (its gateway's rate limit must be raised: PRM_GATEWAY_RATE_LIMIT=1000000000 ./prm up).
#   DURATION=20s CONNECTIONS=4 bench/gateway/partner360.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-4}"

if [[ "${PRM_BENCH_ATTACH:-0}" != 1 ]]; then
  OFFSET="${PRM_BENCH_PORT_OFFSET:-30000}"
  export PRM_HOME="$HERE/target/stack-360"
  for pair in GATEWAY:8080 RECRUITMENT:8081 COMMUNITY:8082 CAMPAIGN:8083 PERFORMANCE:8084 INTEGRATION:8085 KEYCLOAK:8180 \
      KAFKA:9092 KAFKA_CONTROLLER:9093 SMTP:2525 MAIL:8025; do
    export "PRM_${pair%%:*}_PORT=$((${pair##*:} + OFFSET))"
  done
  for s in recruitment community campaign performance integration; do export "PRM_${s^^}_DB=consort_${s}_bench360"; done
  export PRM_GATEWAY_RATE_LIMIT=1000000000 PRM_DEMO_DATA=1
  drop_databases() {
    for s in recruitment community campaign performance integration; do
      psql -X -q -h "${PRM_PG_HOST:-127.0.0.1}" -p "${PRM_PG_PORT:-5432}" -U "${PRM_PG_USER:-postgres}" -d postgres \
        -c "DROP DATABASE IF EXISTS consort_${s}_bench360 WITH (FORCE)" >/dev/null 2>&1 || true
    done
  }
  stop_stack() { "$ROOT/prm" down >/dev/null 2>&1 || true; drop_databases; }
  trap stop_stack EXIT
  drop_databases
  mkdir -p "$HERE/target"
  echo "starting the stack (./prm up, ports +$OFFSET, logs in $PRM_HOME)..."
  "$ROOT/prm" up --detach > "$HERE/target/prm-up.out" 2>&1 || { tail -30 "$HERE/target/prm-up.out" >&2; exit 1; }
fi
GW="http://127.0.0.1:${PRM_GATEWAY_PORT:-8080}"
KC="${PRM_KEYCLOAK_URL:-http://127.0.0.1:${PRM_KEYCLOAK_PORT:-8180}}"
url() { local s="PRM_${1^^}_URL" p="PRM_${1^^}_PORT" d="$2"; echo "${!s:-http://127.0.0.1:${!p:-$d}}"; }

TOKEN="$(curl -sf --max-time 60 -d grant_type=password -d client_id=consort-portal -d username=manager -d password=manager-pw \
  "$KC/realms/prm/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
# The partner looked at: the bench's own, upserted by external id (idempotent) into the demo program.
PROGRAM="$(curl -sf -H "Authorization: Bearer $TOKEN" "$GW/api/v1/programs?limit=1" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4)"
[[ -n "$PROGRAM" ]] || { echo "no program to put the bench's partner in: load the demo data (PRM_DEMO_DATA=1 ./prm up)" >&2; exit 1; }
PARTNER="$(printf '{"system":"bench","externalId":"partner-360","programId":"%s","name":"Bench 360 GmbH","region":"EMEA","type":"RESELLER","domain":"bench-360.example"}\n' "$PROGRAM" |
  curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/x-ndjson" -H "Idempotency-Key: bench-360-partner-$PROGRAM" \
    --data-binary @- "$GW/api/v1/partners/bulk" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4)"
[[ -n "$PARTNER" ]] || { echo "the bench's partner could not be upserted" >&2; exit 1; }
THREE_SIXTY="$GW/api/v1/partners/$PARTNER/360"
curl -sf -H "Authorization: Bearer $TOKEN" "$THREE_SIXTY" | python3 -c '
import json, sys
body = json.load(sys.stdin)
print("partner", body["partnerId"], "complete:", body["complete"], " ".join(k + "=" + v["status"] for k, v in body["sections"].items()))
if not body["complete"]:
    for k, v in body["sections"].items():
        if v["status"] != "available": print("  ", k, v.get("reason"))'

# The six sections' own calls, as Partner360.SOURCES makes them.
declare -a NAMES=(profile scorecard openLeads openDeals mdfBudgets community)
declare -a URLS=(
  "$(url recruitment 8081)/api/v1/partners/$PARTNER"
  "$(url performance 8084)/api/v1/scorecards/$PARTNER"
  "$(url campaign 8083)/api/v1/leads?partnerId=$PARTNER&state=OFFERED,ACCEPTED&limit=50"
  "$(url campaign 8083)/api/v1/deal-registrations?partnerId=$PARTNER&state=SUBMITTED,IN_REVIEW,ACTION_REQUIRED,APPROVED&limit=50"
  "$(url campaign 8083)/api/v1/mdf/budgets?partnerId=$PARTNER"
  "$(url community 8082)/api/v1/members/$PARTNER")

SECONDS_EACH="${DURATION%s}"
fanout() { java -Xmx64m "$HERE/Fanout.java" "$1" "$CONNECTIONS" "$TOKEN" "${@:2}"; }
echo "warming up (5 s each)..."
fanout 5 "${URLS[@]}" >/dev/null
fanout 5 "$THREE_SIXTY" >/dev/null
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
read -r RAW_RPS RAW_P50 RAW_P90 RAW_P99 RAW_STATUS < <(fanout "$SECONDS_EACH" "${URLS[@]}")
read -r GW_RPS GW_P50 GW_P90 GW_P99 GW_STATUS < <(fanout "$SECONDS_EACH" "$THREE_SIXTY")
# Each section's call alone, straight to its service, same client: the slowest of them is the floor the 360 sits on.
SLOWEST_P99=0 SLOWEST=""
declare -a SINGLE=()
for i in "${!URLS[@]}"; do
  read -r S_RPS S_P50 S_P90 S_P99 S_STATUS < <(fanout "${SINGLE_SECONDS:-$SECONDS_EACH}" "${URLS[$i]}")
  SINGLE+=("$(printf '%-52s %9s %8s %8s %8s  %s' "  one call alone, straight: ${NAMES[$i]}" "$S_RPS" "$S_P50" "$S_P90" "$S_P99" "$S_STATUS")")
  if awk -v a="$S_P99" -v b="$SLOWEST_P99" 'BEGIN { exit !(a > b) }'; then SLOWEST_P99="$S_P99" SLOWEST="${NAMES[$i]}"; fi
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s %9s %8s %8s %8s  %s\n' "" "rounds/s" "p50 ms" "p90 ms" "p99 ms" "statuses"
printf '%-52s %9s %8s %8s %8s  %s\n' "raw: the six section calls at once, straight" "$RAW_RPS" "$RAW_P50" "$RAW_P90" "$RAW_P99" "$RAW_STATUS"
printf '%-52s %9s %8s %8s %8s  %s\n' "partner 360 through the gateway" "$GW_RPS" "$GW_P50" "$GW_P90" "$GW_P99" "$GW_STATUS"
printf '%s\n' "${SINGLE[@]}"
awk -v p="$GW_P99" -v s="$RAW_P99" -v one="$SLOWEST_P99" -v name="$SLOWEST" 'BEGIN {
  printf "360 p99 %.1f ms (goal <= 50 ms: %s); the raw fan-out'"'"'s p99 %.1f ms; the slowest single call (%s) p99 %.1f ms\n",
    p, (p <= 50 ? "met" : "NOT met"), s, name, one }'
echo "($CONNECTIONS callers, ${SECONDS_EACH} s each, same JDK client; load average before: $LOAD_BEFORE, after: $LOAD_AFTER)"

# The gateway in front of a real service: GET /api/v1/programs straight to recruitment and through the gateway,
# with the manager's Keycloak token (so the edge check and the service's own check both run), same client each
# way: wrk at saturation (WRK_CONNECTIONS) for the throughput ratio, hey at a fixed RATE for the added p99.
if command -v wrk >/dev/null && command -v hey >/dev/null; then
  RATE="${RATE:-100}" WRK_CONNECTIONS="${WRK_CONNECTIONS:-8}"
  STRAIGHT="$(url recruitment 8081)/api/v1/programs?limit=20" THROUGH="$GW/api/v1/programs?limit=20"
  wrk_fig() { wrk -t1 -c"$WRK_CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$1" |
    awk '/Requests\/sec/ {r=$2} /Non-2xx/ {e=" ("$0")"} END {printf "%s%s\n", r, e}'; }
  hey_fig() { hey -z "$DURATION" -c 4 -T application/json -q "$(( (RATE + 3) / 4 ))" -H "Authorization: Bearer $TOKEN" "$1" |
    awk '$2 == "in" && $1 == "50%" {a=$3*1000} $2 == "in" && $1 == "99%" {b=$3*1000} /^\s*\[[0-9]+\]/ {s=s $1 $2 " "} END {printf "%.2f %.2f %s\n", a, b, s}'; }
  wrk -t1 -c4 -d5s -H "Authorization: Bearer $TOKEN" "$STRAIGHT" >/dev/null; wrk -t1 -c4 -d5s -H "Authorization: Bearer $TOKEN" "$THROUGH" >/dev/null
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  R_S="$(wrk_fig "$STRAIGHT")"; R_T="$(wrk_fig "$THROUGH")"
  read -r L_S50 L_S99 L_SS < <(hey_fig "$STRAIGHT"); read -r L_T50 L_T99 L_TS < <(hey_fig "$THROUGH")
  printf '\nGET /api/v1/programs, a real service: saturation (wrk -c%s) straight %s req/s, through %s req/s\n' "$WRK_CONNECTIONS" "$R_S" "$R_T"
  printf 'at %s req/s (hey -c4): straight p50 %s / p99 %s ms (%s), through p50 %s / p99 %s ms (%s)\n' "$RATE" "$L_S50" "$L_S99" "$L_SS" "$L_T50" "$L_T99" "$L_TS"
  awk -v a="${R_T%% *}" -v b="${R_S%% *}" -v p="$L_T99" -v q="$L_S99" 'BEGIN { printf "throughput ratio %.2fx (goal >= 0.8x), added p99 %+.2f ms (goal <= 2 ms)\n", a / b, p - q }'
  echo "(load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg))"
fi
