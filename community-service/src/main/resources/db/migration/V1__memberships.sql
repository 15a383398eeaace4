-- One row per partner community has heard of, built from events only (prm.partners, prm.performance).
-- A partner is a member once its activation was seen (joined_at); each *_at column keeps the
-- occurredAt of the fact it was taken from, so an older fact arriving late never moves it back.
create table member (
    id                  uuid        primary key,
    partner_id          uuid        not null unique,
    program_id          uuid,
    name                varchar(200),
    region              varchar(64),
    listed_in_directory boolean     not null,
    profile_at          timestamptz,
    status              varchar(16) not null check (status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'CLOSED')),
    status_at           timestamptz,
    tier                varchar(40) not null,
    tier_rank           integer     not null check (tier_rank >= 0),
    tier_at             timestamptz,
    joined_at           timestamptz,
    left_at             timestamptz,
    version             bigint      not null
);

create index member_joined on member (joined_at, id) where joined_at is not null;
