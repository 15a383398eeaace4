-- Partners: the profile beyond what the application gave, the lifecycle's reason, external ids per
-- system, and the change feed integrators sync from.

ALTER TABLE partners
    ADD COLUMN website             varchar(500),
    ADD COLUMN description         text,
    -- UPPER_SNAKE codes, text[] like the prospects' so a filter is one array containment test.
    ADD COLUMN specialisations     text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN industries          text[]       NOT NULL DEFAULT '{}',
    -- Opt-in: the public partner directory shows a partner only when it is ACTIVE and listed.
    ADD COLUMN listed_in_directory boolean      NOT NULL DEFAULT false,
    -- Why it was last suspended or terminated, and when its state last changed.
    ADD COLUMN state_reason        text,
    ADD COLUMN state_changed_at    timestamptz,
    ADD CONSTRAINT partners_not_own_parent CHECK (parent_partner_id <> id);

CREATE INDEX partners_directory_idx ON partners (created_at, id)
    WHERE state = 'ACTIVE' AND listed_in_directory;
CREATE INDEX partners_specialisations_idx ON partners USING gin (specialisations);

-- One row per (partner, system): the unique key an upsert by external id resolves through.
CREATE TABLE partner_external_ids (
    partner_id  uuid         NOT NULL REFERENCES partners (id),
    system      varchar(40)  NOT NULL,
    external_id varchar(200) NOT NULL,
    PRIMARY KEY (partner_id, system),
    CONSTRAINT partner_external_ids_key UNIQUE (system, external_id)
);

-- The change feed (GET /api/v1/partners/changes): one row per committed insert or update of a partner,
-- written by the trigger below, so no writer (another feature's, a bulk statement) can forget it.
--
-- Its seq must be in commit order, or a reader could pass seq 8 while seq 7 is still uncommitted and
-- never see 7. A bigserial alone is not: it is drawn at insert time, and transactions commit in any
-- order. So every transaction that changes partners holds one transaction-scoped advisory lock from
-- before it draws a seq until it ends: a second writer draws its seq only after the first has
-- committed (PostgreSQL makes a commit visible before it releases the committing transaction's locks),
-- hence seq order is commit order and the feed needs no "oldest in-flight transaction" horizon. The
-- price is that partner writes are serialised, which their volume allows (the bulk upsert holds the
-- lock per batch). The lock also makes a writer's read-check-write (cycle check on a new parent,
-- external-id lookup of an upsert) race-free. Writers take it at the start of their transaction
-- (PartnerChanges.lockForWrite), before any partner row lock, so a writer never holds a row lock while
-- it waits for this one; the trigger takes it again (a no-op then) for writers that did not.
CREATE FUNCTION lock_partner_changes() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(1347571713, 1);
$$;

CREATE TABLE partner_changes (
    seq        bigserial    PRIMARY KEY,
    partner_id uuid         NOT NULL REFERENCES partners (id),
    -- CREATED or UPDATED; state and version say what the partner became.
    operation  varchar(10)  NOT NULL,
    state      varchar(20)  NOT NULL,
    version    bigint       NOT NULL,
    -- Who made the change (user name or client id), so an integrator can skip the echo of its own writes.
    origin     varchar(200) NOT NULL,
    changed_at timestamptz  NOT NULL
);
CREATE INDEX partner_changes_partner_idx ON partner_changes (partner_id, seq);
-- Partners from before the feed existed start it, so a reader from the beginning sees every partner.
INSERT INTO partner_changes (partner_id, operation, state, version, origin, changed_at)
SELECT id, 'CREATED', state, version, updated_by, updated_at FROM partners ORDER BY created_at, id;

CREATE FUNCTION partner_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lock_partner_changes();
    -- updated_by rather than origin: every writer sets it (Audited.changed), so it names this change.
    INSERT INTO partner_changes (partner_id, operation, state, version, origin, changed_at)
    VALUES (NEW.id, CASE TG_OP WHEN 'INSERT' THEN 'CREATED' ELSE 'UPDATED' END, NEW.state, NEW.version,
            NEW.updated_by, NEW.updated_at);
    RETURN NULL;
END;
$$;
CREATE TRIGGER partners_changes AFTER INSERT OR UPDATE ON partners
    FOR EACH ROW EXECUTE FUNCTION partner_changes_record();
