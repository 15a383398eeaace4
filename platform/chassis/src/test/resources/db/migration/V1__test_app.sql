-- Tables of the chassis test application only.
create table test_aggregate (
    id      uuid primary key,
    counter integer not null
);

-- One row per application of an event's effect: no unique key on purpose, so that an event
-- applied twice shows up as two rows.
create table test_applied (
    event_id   uuid        not null,
    consumer   varchar(100) not null,
    note       text,
    applied_at timestamptz not null default now()
);
