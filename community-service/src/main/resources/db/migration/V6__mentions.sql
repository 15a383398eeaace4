-- People the community has seen write (their user name is their @handle) and the member they belong to:
-- what a mention resolves through. A person is recorded when they start a thread or reply; the vendor's
-- people have no partner.
create table community_person (
    handle        varchar(255) primary key,
    partner_id    uuid,
    last_seen_at  timestamptz  not null
);

create index community_person_partner on community_person (partner_id) where partner_id is not null;

-- Who a post mentions (@handle in its rendered text), resolved to the person's partner when the community
-- knows the person: at write time, or when the person is first seen later.
create table post_mention (
    post_id    uuid         not null references post (id) on delete cascade,
    handle     varchar(255) not null,
    partner_id uuid,
    primary key (post_id, handle)
);

create index post_mention_handle on post_mention (handle);
create index post_mention_partner on post_mention (partner_id) where partner_id is not null;

insert into community_person (handle, partner_id, last_seen_at)
select distinct on (author_id) author_id, author_partner_id, created_at
  from (select author_id, author_partner_id, created_at from discussion_thread
        union all select author_id, author_partner_id, created_at from post) written
 order by author_id, created_at desc;

insert into post_mention (post_id, handle, partner_id)
select p.id, m.handle, person.partner_id
  from post p cross join lateral unnest(p.mentions) as m(handle)
  left join community_person person on person.handle = m.handle
on conflict do nothing;
