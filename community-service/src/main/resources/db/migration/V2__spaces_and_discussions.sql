-- Spaces: areas of the community, each with a visibility rule (minimum tier rank, programs, regions; an
-- empty part admits everyone).
create table space (
    id            uuid         primary key,
    name          varchar(120) not null,
    description   text,
    kind          varchar(16)  not null check (kind in ('GENERAL', 'PROGRAM', 'REGION', 'TIER')),
    min_tier      varchar(40),
    min_tier_rank integer      check (min_tier_rank >= 0),
    program_ids   uuid[]       not null default '{}',
    regions       text[]       not null default '{}',
    created_at    timestamptz  not null,
    created_by    varchar(255) not null,
    version       bigint       not null
);

-- Threads and their posts. Bodies are Markdown exactly as written; HTML is rendered (and sanitised) on the
-- way out. search_vector feeds the community search.
create table discussion_thread (
    id                uuid         primary key,
    space_id          uuid         not null references space (id),
    kind              varchar(16)  not null check (kind in ('DISCUSSION', 'QUESTION')),
    title             varchar(200) not null,
    body              text         not null,
    author_id         varchar(255) not null,
    author_partner_id uuid,
    mentions          text[]       not null default '{}',
    hidden            boolean      not null default false,
    locked            boolean      not null default false,
    pinned            boolean      not null default false,
    accepted_post_id  uuid,
    created_at        timestamptz  not null,
    last_activity_at  timestamptz  not null,
    version           bigint       not null,
    search_vector     tsvector     generated always as (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) stored
);

create index discussion_thread_space on discussion_thread (space_id, created_at, id);
create index discussion_thread_search on discussion_thread using gin (search_vector);

create table post (
    id                uuid         primary key,
    thread_id         uuid         not null references discussion_thread (id),
    body              text         not null,
    author_id         varchar(255) not null,
    author_partner_id uuid,
    mentions          text[]       not null default '{}',
    hidden            boolean      not null default false,
    created_at        timestamptz  not null,
    edited_at         timestamptz,
    version           bigint       not null,
    search_vector     tsvector     generated always as (to_tsvector('english', body)) stored
);

create index post_thread on post (thread_id, created_at, id);
create index post_search on post using gin (search_vector);

alter table discussion_thread add constraint discussion_thread_accepted_post
    foreign key (accepted_post_id) references post (id);

-- One vote per person and post: the primary key is the rule.
create table post_vote (
    post_id    uuid         not null references post (id) on delete cascade,
    voter      varchar(255) not null,
    created_at timestamptz  not null,
    primary key (post_id, voter)
);
