-- One row per event, in the shape Debezium's outbox event router reads: what it routes by and puts in
-- the record's headers must be columns of their own (it cannot open a JSON column into headers).
--   topic                       the record's topic            route.by.field=topic
--   key                         the record's key              table.field.event.key=key
--   id, type, aggregateid       ce_id, ce_type, ce_subject    table.fields.additional.placement
--   ce_specversion, ce_source,  ce_specversion, ce_source,    table.fields.additional.placement
--   ce_time                     ce_time
--   traceparent, tracestate     the trace context (or null)   table.fields.additional.placement
-- (content-type, always application/json, is a literal of the connector's settings; ce_specversion
-- cannot be one: Kafka Connect reads the literal 1.0 as a number and writes the header "1".)
-- The "headers" column keeps all of it too, as before: the in-process relay reads it, so relays of the
-- previous release (during a rolling deploy) publish new rows as they did. OutboxDebeziumSwapTest runs
-- rows through the event router with the settings of docs/events.md and compares its records with the
-- relay's. Nullable: rows written before this migration have only "headers" (and the router only sees
-- rows inserted after it starts).
alter table outbox add column topic varchar(255);
alter table outbox add column key varchar(255);
alter table outbox add column ce_specversion text;
alter table outbox add column ce_source text;
alter table outbox add column ce_time text;
alter table outbox add column traceparent text;
alter table outbox add column tracestate text;
