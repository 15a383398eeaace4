-- Market development funds (io.consort.campaign.mdf). Every movement is a row of mdf_ledger_entries, which
-- refuses updates and deletes; a budget's figures are sums over it. Over-commitment is prevented by the
-- service taking the budget's row lock (SELECT ... FOR UPDATE) before it sums and appends, in one
-- transaction, so concurrent approvals of one budget queue up; a claim's approval locks its request the same
-- way. The unique indexes below make a request committed once and a claim claimed and paid once even if
-- that code were wrong.

CREATE TABLE mdf_budgets (
    id            uuid PRIMARY KEY,
    partner_id    uuid         NOT NULL,
    program_id    uuid,
    period        varchar(7)   NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
    period_starts date         NOT NULL,
    period_ends   date         NOT NULL,
    currency      varchar(3)   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_by    varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    CHECK (period_ends >= period_starts),
    CONSTRAINT mdf_budgets_one_per_partner_period UNIQUE (partner_id, period)
);
CREATE INDEX mdf_budgets_created ON mdf_budgets (created_at, id);

CREATE TABLE mdf_requests (
    id               uuid PRIMARY KEY,
    budget_id        uuid          NOT NULL REFERENCES mdf_budgets (id),
    partner_id       uuid          NOT NULL,
    campaign_id      uuid,
    activity         varchar(500)  NOT NULL,
    planned_date     date          NOT NULL,
    requested_amount numeric(19,4) NOT NULL CHECK (requested_amount > 0),
    currency         varchar(3)    NOT NULL,
    state            varchar(20)   NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED', 'RETURNED', 'REJECTED', 'EXPIRED')),
    approved_amount  numeric(19,4) CHECK (approved_amount > 0 AND approved_amount <= requested_amount),
    expires_at       timestamptz,
    decision_note    varchar(2000),
    decided_by       varchar(200),
    decided_at       timestamptz,
    submitted_by     varchar(200)  NOT NULL,
    submitted_at     timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0,
    CHECK (state NOT IN ('APPROVED', 'EXPIRED') OR (approved_amount IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE INDEX mdf_requests_budget ON mdf_requests (budget_id, submitted_at, id);
CREATE INDEX mdf_requests_submitted ON mdf_requests (submitted_at, id);
CREATE INDEX mdf_requests_expiry_due ON mdf_requests (expires_at) WHERE state = 'APPROVED';

CREATE TABLE mdf_claims (
    id                uuid PRIMARY KEY,
    request_id        uuid          NOT NULL REFERENCES mdf_requests (id),
    budget_id         uuid          NOT NULL REFERENCES mdf_budgets (id),
    partner_id        uuid          NOT NULL,
    amount            numeric(19,4) NOT NULL CHECK (amount > 0),
    currency          varchar(3)    NOT NULL,
    approved_amount   numeric(19,4) CHECK (approved_amount > 0 AND approved_amount <= amount),
    invoice_number    varchar(100)  NOT NULL,
    proof_links       text[]        NOT NULL,
    state             varchar(20)   NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED', 'PAID', 'REJECTED')),
    reason            varchar(2000),
    decided_by        varchar(200),
    decided_at        timestamptz,
    paid_at           timestamptz,
    payment_reference varchar(200),
    submitted_by      varchar(200)  NOT NULL,
    submitted_at      timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL DEFAULT 0,
    CONSTRAINT mdf_claims_one_per_invoice UNIQUE (request_id, invoice_number)
);
CREATE INDEX mdf_claims_request ON mdf_claims (request_id, submitted_at, id);
CREATE INDEX mdf_claims_submitted ON mdf_claims (submitted_at, id);

CREATE TABLE mdf_ledger_entries (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    budget_id   uuid          NOT NULL REFERENCES mdf_budgets (id),
    partner_id  uuid          NOT NULL,
    request_id  uuid REFERENCES mdf_requests (id),
    claim_id    uuid REFERENCES mdf_claims (id),
    kind        varchar(20)   NOT NULL CHECK (kind IN ('ALLOCATED', 'COMMITTED', 'RELEASED', 'CLAIMED', 'PAID')),
    amount      numeric(19,4) NOT NULL CHECK (amount <> 0 AND (kind = 'ALLOCATED' OR amount > 0)),
    currency    varchar(3)    NOT NULL,
    note        varchar(2000),
    actor       varchar(200)  NOT NULL,
    occurred_at timestamptz   NOT NULL,
    CHECK (kind IN ('ALLOCATED') OR request_id IS NOT NULL),
    CHECK (kind NOT IN ('CLAIMED', 'PAID') OR claim_id IS NOT NULL)
);
CREATE INDEX mdf_ledger_budget ON mdf_ledger_entries (budget_id, seq);
CREATE INDEX mdf_ledger_request ON mdf_ledger_entries (request_id) WHERE request_id IS NOT NULL;
CREATE UNIQUE INDEX mdf_ledger_committed_once ON mdf_ledger_entries (request_id) WHERE kind = 'COMMITTED';
CREATE UNIQUE INDEX mdf_ledger_released_once ON mdf_ledger_entries (request_id) WHERE kind = 'RELEASED';
CREATE UNIQUE INDEX mdf_ledger_claimed_once ON mdf_ledger_entries (claim_id) WHERE kind = 'CLAIMED';
CREATE UNIQUE INDEX mdf_ledger_paid_once ON mdf_ledger_entries (claim_id) WHERE kind = 'PAID';

CREATE FUNCTION mdf_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'mdf_ledger_entries is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER mdf_ledger_append_only
    BEFORE UPDATE OR DELETE ON mdf_ledger_entries
    FOR EACH ROW EXECUTE FUNCTION mdf_ledger_append_only();
CREATE TRIGGER mdf_ledger_no_truncate
    BEFORE TRUNCATE ON mdf_ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION mdf_ledger_append_only();
