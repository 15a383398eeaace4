#!/usr/bin/env bash
# Recruitment benchmark: (a) bulk import of 100,000 prospects through POST /api/v1/prospects/bulk
# beside a raw COPY of the same rows into a table of the same shape, same run, with the ratio;
# (b) partner-fit recommendations over those 100,000+ prospects, p50/p95 over 50 calls; (c) partner
# writes: the NDJSON bulk upsert beside a raw COPY of as many partner rows, and single upserts from 1, 4
# and 16 clients (PartnerWritesBenchmark).
# Needs PostgreSQL on PRM_PG_HOST:PRM_PG_PORT (default 127.0.0.1:5432); the broker is the testkit's
# in-JVM KRaft broker. The benchmark is a JUnit test tagged "bench" in recruitment-service,
# excluded from ./mvnw verify.
#   bench/recruitment/run.sh                       # the default sizes
#   bench/recruitment/run.sh -Dbench.rows=50000 -Dbench.calls=100
#   BENCH_TESTS=PartnerWritesBenchmark bench/recruitment/run.sh   # only the partner writes
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
log="$(mktemp -t recruitment-bench.XXXXXX.log)"
if ! ./mvnw -B -o -pl recruitment-service -am test -Dtest="${BENCH_TESTS:-RecruitmentBenchmark,PartnerWritesBenchmark}" -Drecruitment.excludedGroups=none \
        -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.bootstrap.workspace-discovery=false \
        "$@" >"$log" 2>&1; then
    echo "The benchmark failed; the last lines of its log ($log):" >&2
    tail -40 "$log" >&2
    exit 1
fi
sed -n -e '/=== Recruitment benchmark/,/=== end of recruitment benchmark/p' \
    -e '/=== Partner writes benchmark/,/=== end of partner writes benchmark/p' "$log"
