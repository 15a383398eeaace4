-- Ids of the events each consumer has processed, written in the transaction of the effect, so a
-- redelivered event is recognised and skipped.
create table inbox (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    processed_at timestamptz  not null default now(),
    primary key (event_id, consumer)
);
