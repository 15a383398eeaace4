-- Announcements: targeted by tier, program and region (the same rule as spaces and resources), shown to a
-- member between publish_at and expires_at.
create table announcement (
    id            uuid         primary key,
    title         varchar(200) not null,
    body          text         not null,
    min_tier      varchar(40),
    min_tier_rank integer      check (min_tier_rank >= 0),
    program_ids   uuid[]       not null default '{}',
    regions       text[]       not null default '{}',
    hidden        boolean      not null default false,
    publish_at    timestamptz  not null,
    expires_at    timestamptz,
    created_at    timestamptz  not null,
    created_by    varchar(255) not null,
    version       bigint       not null,
    check (expires_at is null or expires_at > publish_at)
);

create index announcement_publish on announcement (publish_at, id);
