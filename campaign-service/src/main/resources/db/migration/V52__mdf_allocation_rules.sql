-- MDF allocation rules per program (io.consort.campaign.mdf.AllocationRules): what each tier is allocated for a
-- period (a fixed amount and/or a share of the partner's prior-period won revenue, capped), the vendor's share of
-- a claim (co-funding), the lead time a fund request needs, the activity types it may fund and the largest share
-- of a budget one request may take. One row per program; its version is its ETag and is named in the ledger note
-- of every budget an allocation run creates from it.
CREATE TABLE mdf_allocation_rules (
    program_id              uuid PRIMARY KEY,
    currency                varchar(3)   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    tiers                   jsonb        NOT NULL,
    reimbursement_percent   numeric(5,2) NOT NULL CHECK (reimbursement_percent > 0 AND reimbursement_percent <= 100),
    min_lead_days           integer      NOT NULL CHECK (min_lead_days BETWEEN 0 AND 365),
    eligible_activity_types text[]       NOT NULL,
    max_request_percent     numeric(5,2) NOT NULL CHECK (max_request_percent > 0 AND max_request_percent <= 100),
    updated_by              varchar(200) NOT NULL,
    updated_at              timestamptz  NOT NULL,
    version                 bigint       NOT NULL DEFAULT 0
);

-- The activity type a fund request names (checked against the program's eligible types) and the invoice total a
-- claim names (the vendor reimburses its share of it).
ALTER TABLE mdf_requests ADD COLUMN activity_type varchar(50);
ALTER TABLE mdf_claims ADD COLUMN invoice_total numeric(19,4) CHECK (invoice_total > 0);

-- A request's commitment may now be released twice: once when it expires (what is neither claimed nor held for
-- claims still pending then; claim_id NULL) and once more when the last of those pending claims is decided (the
-- entry names that claim). Each at most once.
DROP INDEX mdf_ledger_released_once;
CREATE UNIQUE INDEX mdf_ledger_released_once ON mdf_ledger_entries (request_id) WHERE kind = 'RELEASED' AND claim_id IS NULL;
CREATE UNIQUE INDEX mdf_ledger_released_once_per_claim ON mdf_ledger_entries (claim_id) WHERE kind = 'RELEASED';

-- The allocation run's reads: a program's partners, and a partner's won deals of a period.
CREATE INDEX IF NOT EXISTS partners_program ON partners (program_id) WHERE program_id IS NOT NULL;
CREATE INDEX deal_registrations_won ON deal_registrations (partner_id, closed_on) WHERE state = 'WON';
