-- The answer to a keyed NDJSON bulk POST, one row per committed batch ("window": the result lines of a
-- run of input lines starting at first_line). A window is written in its batch's own transaction, so a
-- retry of an interrupted import replays what committed and imports only the rest.
create table idempotency_bulk_windows (
    origin          varchar(255) not null,
    idempotency_key varchar(255) not null,
    first_line      integer      not null,
    result_lines    bytea        not null,   -- NDJSON, one result line per input line of the window
    created_at      timestamptz  not null default now(),
    primary key (origin, idempotency_key, first_line)
);

create index idempotency_bulk_windows_created_at on idempotency_bulk_windows (created_at);
