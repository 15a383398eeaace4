-- One scorecard per partner, opened at the entry tier when the partner starts onboarding.
create table scorecard (
    id          uuid        primary key,
    partner_id  uuid        not null unique,
    program_id  uuid        not null,
    tier        varchar(32) not null,
    score       integer     not null check (score between 0 and 100),
    opened_at   timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null
);

-- Every event about a partner that performance has learned, kept verbatim: the history the KPIs,
-- tiers and the "as of" questions are computed from, and what a replay rebuilds.
create table partner_fact (
    id           uuid        primary key,
    partner_id   uuid        not null,
    event_id     uuid        not null unique,
    event_type   varchar(128) not null,
    kind         varchar(64) not null,
    program_id   uuid,
    occurred_at  timestamptz not null,
    data         jsonb       not null
);

create index partner_fact_partner_occurred on partner_fact (partner_id, occurred_at, id);
