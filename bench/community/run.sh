#!/usr/bin/env bash
# Community benchmark: full-text search p50/p95 over 100,000 resources and posts (half each) with
# visibility filtering, through GET /api/v1/community/search as a member, beside the same
# websearch_to_tsquery match-and-rank run raw in psql over the same tables, in the same run.
# Needs PostgreSQL on PRM_PG_HOST:PRM_PG_PORT (default 127.0.0.1:5432) and psql on PATH; the broker is the
# testkit's in-JVM KRaft broker. The benchmark is a JUnit test tagged "bench" in community-service,
# excluded from ./mvnw verify.
#   bench/community/run.sh                                   # the default sizes
#   bench/community/run.sh -Dbench.rows=20000 -Dbench.calls=100
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
log="$(mktemp -t community-bench.XXXXXX.log)"
if ! ./mvnw -B -o -pl community-service -am test -Dtest=CommunitySearchBenchmark -Dcommunity.excludedGroups=none \
        -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.bootstrap.workspace-discovery=false \
        "$@" >"$log" 2>&1; then
    echo "The benchmark failed; the last lines of its log ($log):" >&2
    tail -40 "$log" >&2
    exit 1
fi
sed -n '/=== Community benchmark/,/=== end of community benchmark/p' "$log"
