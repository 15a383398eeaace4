#!/usr/bin/env bash
# Performance benchmark: (a) events scored per second from bench.events mixed events (default
# 1,000,000) beside a raw KafkaConsumer reading the same records in the same run; (b) deal.won on the
# topic -> new score readable over HTTP, p50/p99; (c) the rebuild of all of it from offset zero.
# Needs PostgreSQL on PRM_PG_HOST:PRM_PG_PORT (default 127.0.0.1:5432); the broker is the testkit's
# in-JVM KRaft broker. The benchmark is a JUnit test tagged "bench" in performance-service, excluded
# from ./mvnw verify.
#   bench/performance/run.sh                                   # the default sizes
#   bench/performance/run.sh -Dbench.events=100000 -Dbench.partners=500 -Dbench.samples=50
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
log="$(mktemp -t performance-bench.XXXXXX.log)"
if ! ./mvnw -B -o -pl performance-service -am test -Dtest=PerformanceBenchmark -Dperformance.excludedGroups=none \
        -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.bootstrap.workspace-discovery=false \
        -Dquarkus.log.category.\"io.consort\".level=WARN "$@" >"$log" 2>&1; then
    echo "The benchmark failed; the last lines of its log ($log):" >&2
    tail -40 "$log" >&2
    exit 1
fi
sed -n '/=== Performance benchmark/,/=== end of performance benchmark/p' "$log"
