#!/usr/bin/env bash
# bench/performance/ceiling.sh: how many events per second ANY consumer could score on this machine if storing an
# event cost nothing but the two rows every scored event must write — its inbox mark and its fact, in tables
# defined as performance-service defines them (same columns, keys and indexes) — with no parsing, no evaluation,
# no network and no client: PostgreSQL inserting N generated rows of each server-side (INSERT ... SELECT
# generate_series, one statement per table, one transaction each). Printed beside each other: rows/s per table and
# the events/s ceiling N / (t_inbox + t_fact). Compare it with the raw KafkaConsumer's events/s of
# bench/performance/run.sh (same machine, same window): issue 15's goal (>= 0.3x the raw consumer) cannot be met by a
# scorer whose floor is below it.
#   N=200000 bench/performance/ceiling.sh
set -euo pipefail
N="${N:-200000}"
DB="consort_performance_ceiling"
PSQL=(psql -X -q -h "${PRM_PG_HOST:-127.0.0.1}" -p "${PRM_PG_PORT:-5432}" -U "${PRM_PG_USER:-postgres}" -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
"${PSQL[@]}" -d "$DB" <<'SQL'
create table inbox (
    event_id uuid not null, consumer varchar(100) not null, processed_at timestamptz not null default now(),
    primary key (event_id, consumer));
create table partner_fact (
    id uuid primary key, partner_id uuid not null, event_id uuid not null unique, event_type varchar(128) not null,
    kind varchar(64) not null, program_id uuid, occurred_at timestamptz not null, data jsonb not null);
create index partner_fact_partner_occurred on partner_fact (partner_id, occurred_at, id);
create table partners as select gen_random_uuid() as id from generate_series(1, 2000);
SQL
ms() { date +%s%3N; }
"${PSQL[@]}" -d "$DB" -c "CHECKPOINT"
t0=$(ms)
"${PSQL[@]}" -d "$DB" -c "insert into inbox (event_id, consumer) select gen_random_uuid(), 'performance' from generate_series(1, $N)"
t1=$(ms)
"${PSQL[@]}" -d "$DB" -c "CHECKPOINT"
t2=$(ms)
"${PSQL[@]}" -d "$DB" -c "
  insert into partner_fact (id, partner_id, event_id, event_type, kind, program_id, occurred_at, data)
  select e, p.id, e, 'io.consort.deal.won', 'DEAL_WON', null, now() + i * interval '60 ms',
    jsonb_build_object('dealId', gen_random_uuid(), 'partnerId', p.id, 'customerName', 'C',
      'customerDomain', 'c.example', 'products', jsonb_build_array(),
      'amount', jsonb_build_object('amount', '10000.00', 'currency', 'EUR'), 'closedOn', current_date,
      'leadId', null, 'campaignId', null, 'occurredAt', now())
  from (select i, gen_random_uuid() as e, 1 + i % 2000 as k from generate_series(1, $N) as i) g
  join (select id, row_number() over () as k from partners) p using (k)"
t3=$(ms)
inbox=$((t1 - t0)); fact=$((t3 - t2))
awk -v n="$N" -v a="$inbox" -v b="$fact" 'BEGIN {
  printf "=== Scoring ceiling (%d events, 2 rows each, server-side inserts) ===\n", n
  printf "inbox rows           %8.2f s   %10.0f rows/s\n", a / 1000, n / (a / 1000)
  printf "fact rows            %8.2f s   %10.0f rows/s\n", b / 1000, n / (b / 1000)
  printf "ceiling              %8.2f s   %10.0f events/s (both rows, nothing else)\n", (a + b) / 1000, n / ((a + b) / 1000) }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
