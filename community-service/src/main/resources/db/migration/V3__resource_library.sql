-- The resource library: documents, video links, kits and texts with tags, versions and a visibility rule.
-- A new version becomes the current one; older versions stay readable to the vendor.
create table library_resource (
    id              uuid         primary key,
    title           varchar(200) not null,
    description     text,
    kind            varchar(16)  not null check (kind in ('DOCUMENT', 'VIDEO', 'LINK', 'KIT', 'TEXT')),
    tags            text[]       not null default '{}',
    -- tags joined by spaces, for the search vector (array_to_string is not immutable)
    tags_text       text         not null default '',
    min_tier        varchar(40),
    min_tier_rank   integer      check (min_tier_rank >= 0),
    program_ids     uuid[]       not null default '{}',
    regions         text[]       not null default '{}',
    terms           text,
    current_version integer      not null check (current_version >= 1),
    created_at      timestamptz  not null,
    created_by      varchar(255) not null,
    updated_at      timestamptz  not null,
    version         bigint       not null,
    search_vector   tsvector     generated always as (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', coalesce(description, '')), 'B')
        || setweight(to_tsvector('english', tags_text), 'B')) stored
);

create index library_resource_search on library_resource using gin (search_vector);
create index library_resource_tags on library_resource using gin (tags);

create table resource_version (
    id          uuid         primary key,
    resource_id uuid         not null references library_resource (id),
    number      integer      not null check (number >= 1),
    title       varchar(200) not null,
    url         varchar(2000),
    text_body   text,
    note        varchar(500),
    created_at  timestamptz  not null,
    created_by  varchar(255) not null,
    unique (resource_id, number)
);

-- Who accepted a resource's terms (per person; the terms text is the resource's current one).
create table terms_acceptance (
    resource_id uuid         not null references library_resource (id),
    user_id     varchar(255) not null,
    partner_id  uuid,
    accepted_at timestamptz  not null,
    primary key (resource_id, user_id)
);

-- Every visibility rule can also hide its item from members altogether (the vendor still sees it).
alter table space add column hidden boolean not null default false;
alter table library_resource add column hidden boolean not null default false;
