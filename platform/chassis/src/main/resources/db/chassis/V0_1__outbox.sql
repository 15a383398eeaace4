-- Transactional outbox in the shape of Debezium's outbox event router (id, aggregatetype,
-- aggregateid, type, payload; the CloudEvents headers plus routing key and topic in "headers"),
-- plus what the chassis relay needs: a publication order and the time a row was acknowledged.
create table outbox (
    id            uuid         primary key,
    seq           bigserial    not null,
    aggregatetype varchar(255) not null,
    aggregateid   varchar(255) not null,
    type          varchar(255) not null,
    payload       jsonb        not null,
    headers       jsonb        not null,
    created_at    timestamptz  not null default clock_timestamp(),
    sent_at       timestamptz
);

-- The relay reads unsent rows in seq order; once sent they leave this index.
create index outbox_unsent on outbox (seq) where sent_at is null;
-- The purge deletes sent rows past the retention.
create index outbox_sent on outbox (sent_at) where sent_at is not null;

-- NOTIFY is delivered when the inserting transaction commits (and not at all on rollback), which
-- is exactly when the relay can see the rows. Identical notifications of one transaction are
-- folded into one, so a transaction wakes the relay once however many events it wrote.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('consort_outbox', '');
    return null;
end;
$$;

create trigger outbox_notify after insert on outbox
    for each statement execute function outbox_notify();
