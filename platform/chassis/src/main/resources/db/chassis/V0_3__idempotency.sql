-- Answers to POST requests that carried an Idempotency-Key, so a retry gets the first answer.
-- Keys are scoped to the caller (origin): two clients may pick the same key without colliding.
create table idempotency_keys (
    origin              varchar(255)  not null,
    idempotency_key     varchar(255)  not null,
    request_method      varchar(10)   not null,
    request_path        varchar(2048) not null,
    request_hash        char(64)      not null,   -- hex SHA-256 of the request body
    state               varchar(16)   not null check (state in ('PENDING', 'COMPLETED')),
    claim_token         uuid          not null,   -- which execution owns a PENDING row
    claimed_at          timestamptz   not null,
    response_status     integer,
    response_headers    text,                     -- JSON object of the replayed headers (Location, ETag, ...)
    response_type       varchar(255),
    response_body       bytea,
    created_at          timestamptz   not null default now(),
    completed_at        timestamptz,
    primary key (origin, idempotency_key)
);

create index idempotency_keys_created_at on idempotency_keys (created_at);
