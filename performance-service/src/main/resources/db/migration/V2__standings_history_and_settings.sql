-- A scorecard now holds the partner's current standing: any tier name the vendor defines with its
-- rank, the KPI breakdown and why the tier is what it is; its profile (name, region) for leaderboards.
alter table scorecard alter column tier type varchar(40);
alter table scorecard
    add column tier_rank         integer     not null default 0,
    add column eligible_tier     varchar(40),
    add column downgrade_due_on  date,
    add column contributions     jsonb       not null default '[]',
    add column explanation       text,
    add column partner_name      varchar(200),
    add column region            varchar(64),
    add column evaluated_on      date,
    add column last_change_at    timestamptz,
    add column dirty_from        date;
create index scorecard_program_score on scorecard (program_id, score desc, partner_id);
create index scorecard_dirty on scorecard (dirty_from) where dirty_from is not null;

-- Each partner's standing at the end of every day since its scorecard opened: the stored history
-- that /history, ?asOf= and the dashboards answer from. Days from a late fact's day on are rewritten.
create table scorecard_day (
    partner_id        uuid        not null,
    day               date        not null,
    program_id        uuid        not null,
    score             integer     not null check (score between 0 and 100),
    tier              varchar(40) not null,
    tier_rank         integer     not null,
    eligible_tier     varchar(40) not null,
    downgrade_due_on  date,
    kpis              jsonb       not null,
    contributions     jsonb       not null,
    explanation       text        not null,
    primary key (partner_id, day)
);
create index scorecard_day_program_day on scorecard_day (program_id, day);

-- The tier changes performance published, in order: what tier.changed said and why.
create table tier_change (
    id             uuid        primary key,
    partner_id     uuid        not null,
    occurred_at    timestamptz not null,
    previous_tier  varchar(40),
    tier           varchar(40) not null,
    tier_rank      integer     not null,
    score          integer,
    explanation    text        not null
);
create index tier_change_partner on tier_change (partner_id, occurred_at, id);

-- A program's scorecard definitions, every version kept: a day is scored with the version in force then.
create table scorecard_definition (
    program_id      uuid        not null,
    version         integer     not null,
    kpis            jsonb       not null,
    effective_from  timestamptz not null,
    created_by      varchar(200) not null,
    primary key (program_id, version)
);

-- Vendor settings that are one document each (the tier ladder, incentive rules, leaderboard visibility).
create table setting (
    name        varchar(64)  primary key,
    version     bigint       not null,
    body        jsonb        not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(200) not null
);

-- The vendor's exchange rates: 1 unit of currency = rate units of the base currency, from valid_from on.
create table exchange_rate (
    id          uuid           primary key,
    currency    varchar(3)     not null,
    valid_from  date           not null,
    rate        numeric(24,10) not null check (rate > 0),
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    updated_by  varchar(200)   not null,
    version     bigint         not null,
    unique (currency, valid_from)
);

-- Facts now come from every topic; kind names the event type in short.
alter table partner_fact alter column kind type varchar(64);
