#!/usr/bin/env bash
# Webhook benchmark: deliveries per second to local receivers and the time from an event on Kafka to its
# delivery (p50, p99), four fast receivers alone and then beside a slow one, with the Kafka hop alone and raw
# HTTP as baselines of the same run. Needs PostgreSQL on PRM_PG_HOST:PRM_PG_PORT (default 127.0.0.1:5432);
# the broker is the testkit's in-JVM KRaft broker. The benchmark is a JUnit test tagged
# "bench" in integration-service, excluded from ./mvnw verify.
#   bench/webhooks/run.sh
#   bench/webhooks/run.sh -Dbench.events=5000 -Dbench.slow-ms=2000
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
log="$(mktemp -t webhooks-bench.XXXXXX.log)"
# The production delivery settings (application.properties) instead of the test profile's 1 s timeout and
# 1 s disable-after, which a loaded machine trips; only the retry backoff stays short (200-400 ms).
prod_delivery=(-D%test.consort.integration.delivery.connect-timeout=5s -D%test.consort.integration.delivery.timeout=10s
    -D%test.consort.integration.delivery.max-attempts=15 -D%test.consort.integration.delivery.breaker-threshold=5
    -D%test.consort.integration.delivery.breaker-initial-backoff=30s -D%test.consort.integration.delivery.breaker-max-backoff=1h
    -D%test.consort.integration.delivery.disable-after=24h -D%test.consort.integration.delivery.disable-min-failures=10)
if ! ./mvnw -B -o -pl integration-service -am test -Dtest=WebhookBenchmark -Dintegration.excludedGroups=none \
        -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.bootstrap.workspace-discovery=false \
        "${prod_delivery[@]}" "$@" >"$log" 2>&1; then
    echo "The benchmark failed; the last lines of its log ($log):" >&2
    tail -40 "$log" >&2
    exit 1
fi
sed -n '/=== Webhook benchmark/,/=== end of webhook benchmark/p' "$log"
