-- Webhook subscriptions: where to send which events, and the secrets that sign them.
create table subscription (
    id                          uuid         primary key,
    -- null: every partner's events (integrator, prm-admin); else only this partner's.
    partner_id                  uuid,
    url                         text         not null,
    -- the patterns (deal.won, deal.*, *), space-separated
    event_types                 text         not null,
    description                 text,
    status                      varchar(16)  not null check (status in ('ACTIVE', 'DISABLED')),
    disabled_reason             text,
    disabled_at                 timestamptz,
    secret                      text         not null,
    -- After a rotation the old secret keeps signing beside the new one until it expires.
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    -- Delivery health: failures in a row, since when, and the circuit breaker's next probe.
    consecutive_failures        integer      not null default 0,
    failing_since               timestamptz,
    circuit_open_until          timestamptz,
    created_by                  text         not null,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    version                     bigint       not null
);
create index subscription_partner on subscription (partner_id);
create index subscription_created on subscription (created_at, id);

-- Every event consumed, as the CloudEvent (JSON structured mode) that deliveries send: kept for
-- redelivery and replay, purged after consort.integration.retention.
create table webhook_event (
    id           uuid         primary key,
    type         varchar(128) not null,
    partner_id   uuid,
    order_key    text         not null,
    occurred_at  timestamptz  not null,
    received_at  timestamptz  not null,
    cloud_event  text         not null
);
create index webhook_event_time on webhook_event (occurred_at);

-- One event for one subscription: its place in the queue and its log (status, attempts, last answer).
create table delivery (
    id                uuid         primary key,
    seq               bigint       generated always as identity,
    subscription_id   uuid         not null references subscription (id) on delete cascade,
    partner_id        uuid,
    event_id          uuid         not null references webhook_event (id) on delete cascade,
    event_type        varchar(128) not null,
    order_key         text         not null,
    status            varchar(16)  not null check (status in ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'FAILED')),
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz,
    lease_until       timestamptz,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_duration_ms  integer,
    last_error        text,
    delivered_at      timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    unique (subscription_id, event_id)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_leased on delivery (lease_until) where status = 'IN_FLIGHT';
-- Per-partner order: the earlier deliveries of the same subscription and key still to go.
create index delivery_open_by_key on delivery (subscription_id, order_key, seq) where status in ('PENDING', 'IN_FLIGHT');
create index delivery_log on delivery (subscription_id, created_at, id);
create index delivery_event on delivery (event_id);
