#!/usr/bin/env bash
# Campaign deals benchmark: (a) channel-conflict checks per second and their p50/p99 with 1,000,000 deal
# registrations in the table, beside the raw candidate SQL over JDBC in the same run; rival deal approvals under
# contention with the one-approved-per-customer-and-product invariant checked afterwards; (b) MDF fund-request
# approvals per second on one contended budget, ledger checked, beside raw lock+sum+insert transactions.
# Needs PostgreSQL on PRM_PG_HOST:PRM_PG_PORT (default 127.0.0.1:5432); the broker is the testkit's in-JVM one.
# The benchmarks are @QuarkusTests enabled only by -Dbench=true, so ./mvnw verify never runs them.
#   bench/campaign-deals/run.sh
#   bench/campaign-deals/run.sh -Dbench.rows=200000 -Dbench.domains=60000 -Dbench.requests=500
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
log="$(mktemp -t campaign-deals-bench.XXXXXX.log)"
if ! ./mvnw -B -o -pl campaign-service -am test -Dbench=true -Dtest='DealBenchmark,MdfBenchmark' \
        -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.bootstrap.workspace-discovery=false \
        "$@" >"$log" 2>&1; then
    echo "The benchmark failed; the last lines of its log ($log):" >&2
    tail -40 "$log" >&2
    exit 1
fi
grep '^bench| ' "$log" | cut -c8-
