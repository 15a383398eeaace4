-- Every version of a program's MDF allocation rules (io.consort.campaign.mdf.MdfAllocationRuleVersion), in the
-- columns of mdf_allocation_rules: a PUT writes the new version here in the same transaction as the rule set, so an
-- ALLOCATED ledger entry's "allocation rules version N" (and an approval's "checked against ... version N") can be
-- read back as it was. Append-only, like the ledger it explains.
CREATE TABLE mdf_allocation_rule_versions (
    program_id              uuid         NOT NULL REFERENCES mdf_allocation_rules (program_id),
    version                 bigint       NOT NULL,
    currency                varchar(3)   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    tiers                   jsonb        NOT NULL,
    reimbursement_percent   numeric(5,2) NOT NULL CHECK (reimbursement_percent > 0 AND reimbursement_percent <= 100),
    min_lead_days           integer      NOT NULL CHECK (min_lead_days BETWEEN 0 AND 365),
    eligible_activity_types text[]       NOT NULL,
    max_request_percent     numeric(5,2) NOT NULL CHECK (max_request_percent > 0 AND max_request_percent <= 100),
    changed_by              varchar(200) NOT NULL,
    changed_at              timestamptz  NOT NULL,
    PRIMARY KEY (program_id, version)
);

-- The rule sets written before this migration: their current version is the one history can still tell.
INSERT INTO mdf_allocation_rule_versions (program_id, version, currency, tiers, reimbursement_percent, min_lead_days,
        eligible_activity_types, max_request_percent, changed_by, changed_at)
    SELECT program_id, version, currency, tiers, reimbursement_percent, min_lead_days, eligible_activity_types,
           max_request_percent, updated_by, updated_at
      FROM mdf_allocation_rules;

-- One refusal for every append-only table from here on (V51's mdf_ledger_append_only predates it and is kept as
-- applied): the table's name comes from the trigger, so a new append-only table adds triggers, not a function.
CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER mdf_allocation_rule_versions_append_only
    BEFORE UPDATE OR DELETE ON mdf_allocation_rule_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER mdf_allocation_rule_versions_no_truncate
    BEFORE TRUNCATE ON mdf_allocation_rule_versions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
