-- A row the relay can never publish (Kafka refuses its record for good, e.g. larger than the broker
-- takes, or the row cannot be read) is parked: set aside with the reason, so that one bad event does
-- not stop every later event of the service. It stays until someone fixes and re-queues it
-- (update outbox set parked_at = null, park_reason = null where id = ...) or deletes it; the purge
-- never removes it (it was never sent).
alter table outbox add column parked_at timestamptz;
alter table outbox add column park_reason text;
drop index outbox_unsent;
create index outbox_unsent on outbox (seq) where sent_at is null and parked_at is null;
create index outbox_parked on outbox (parked_at) where parked_at is not null;
