-- Who a thread's opening text mentions, kept like post_mention: resolved to the person's partner when the
-- community knows the person (at write time, or when the person is first seen later).
create table thread_mention (
    thread_id  uuid         not null references discussion_thread (id) on delete cascade,
    handle     varchar(255) not null,
    partner_id uuid,
    primary key (thread_id, handle)
);

create index thread_mention_handle on thread_mention (handle);
create index thread_mention_partner on thread_mention (partner_id) where partner_id is not null;

insert into thread_mention (thread_id, handle, partner_id)
select t.id, m.handle, person.partner_id
  from discussion_thread t cross join lateral unnest(t.mentions) as m(handle)
  left join community_person person on person.handle = m.handle
on conflict do nothing;

-- Every mention, of a thread's opening text or of a post (text_id is the thread's or the post's id).
create view text_mention as
select post_id as text_id, handle, partner_id from post_mention
union all
select thread_id, handle, partner_id from thread_mention;

-- What can mention someone, for listing by (created_at, id): a thread's opening text (its id is the thread's,
-- hidden is the thread's flag) and posts (hidden is the post's own flag; the thread's is read through thread_id).
create view written_text as
select t.id, 'THREAD' as kind, t.id as thread_id, t.hidden, t.created_at from discussion_thread t
union all
select p.id, 'POST', p.thread_id, p.hidden, p.created_at from post p;
