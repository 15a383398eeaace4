#!/usr/bin/env bash
# Campaign benchmark: (a) lead routing decisions per second with 10,000 eligible partners (eligibility +
# the weighted rotation) beside a random pick among the same partners; (b) the largest deviation of any
# partner's share from its weight after 100,000 leads; (c) acceptBy -> re-route latency through the real
# deadline sweep (FOR UPDATE SKIP LOCKED, every second as the service runs it) beside one bare claim query.
# Needs PostgreSQL on PRM_PG_HOST:PRM_PG_PORT (default 127.0.0.1:5432); the broker is the testkit's in-JVM
# broker. The benchmark is a JUnit test tagged "bench" in campaign-service, excluded from ./mvnw verify.
#   bench/campaign/run.sh
#   bench/campaign/run.sh -Dbench.partners=10000 -Dbench.leads=100000 -Dbench.offers=200 -Dbench.sweepMillis=1000
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
log="$(mktemp -t campaign-bench.XXXXXX.log)"
if ! ./mvnw -B -o -pl campaign-service -am test -Dtest=CampaignBenchmark -Dcampaign.excludedGroups=none \
        -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.bootstrap.workspace-discovery=false \
        "$@" >"$log" 2>&1; then
    echo "The benchmark failed; the last lines of its log ($log):" >&2
    tail -40 "$log" >&2
    exit 1
fi
sed -n '/=== Campaign benchmark/,/=== end of campaign benchmark/p' "$log"
