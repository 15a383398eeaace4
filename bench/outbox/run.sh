#!/usr/bin/env bash
# Outbox benchmark: commit->Kafka latency (p50/p99, one event per transaction, N=1,000 on an idle
# stack) and relay throughput (50,000 rows), each beside a raw KafkaProducer baseline measured in
# the same run. Needs PostgreSQL on PRM_PG_HOST:PRM_PG_PORT (default 127.0.0.1:5432); the broker is
# the testkit's in-JVM KRaft broker. The benchmark is a JUnit test tagged "bench" in
# platform/chassis, excluded from ./mvnw verify.
#   bench/outbox/run.sh                     # the default sizes
#   bench/outbox/run.sh -Dbench.throughput.events=100000 -Dbench.latency.events=2000
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
log="$(mktemp -t outbox-bench.XXXXXX.log)"
if ! ./mvnw -B -pl platform/chassis test -Dtest=OutboxRelayBenchmark -Dchassis.excludedGroups=none \
        -Dsurefire.failIfNoSpecifiedTests=false "$@" >"$log" 2>&1; then
    echo "The benchmark failed; the last lines of its log ($log):" >&2
    tail -40 "$log" >&2
    exit 1
fi
sed -n '/=== Outbox benchmark/,/^throughput, raw producer/p' "$log"
