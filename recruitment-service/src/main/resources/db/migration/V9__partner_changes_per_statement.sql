-- The change feed's entries written once per statement instead of once per row (issue 20).
--
-- V8's row trigger ran a PL/pgSQL function per partner row: for a bulk batch of 5,000 new partners that
-- is 5,000 function calls and 5,000 single-row INSERTs into partner_changes, and for an UPDATE also
-- 5,000 lookups of the partner's previous position; replayed in psql it cost more than the COPY of the
-- rows themselves. These statement triggers read the statement's rows from a transition table and write
-- all their entries with one INSERT ... SELECT. What is recorded is unchanged (V8 explains the position):
-- one entry per inserted or updated row, CREATED or UPDATED, the row's state, version, updated_by and
-- updated_at, at position pg_current_xact_id() or, for an update, the position of the partner's previous
-- change if that is larger. A statement touches each row at most once, so a partner's entries keep their
-- order; AFTER statement triggers fire when the statement ends, before the transaction's next statement.
-- A transition table cannot serve two events, hence two functions.
DROP TRIGGER partners_changes ON partners;
DROP FUNCTION partner_changes_record();

CREATE FUNCTION partner_changes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO partner_changes (partner_id, operation, state, version, origin, changed_at, position)
    SELECT n.id, 'CREATED', n.state, n.version, n.updated_by, n.updated_at, pg_current_xact_id()
    FROM inserted_partners n;
    RETURN NULL;
END;
$$;

CREATE FUNCTION partner_changes_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO partner_changes (partner_id, operation, state, version, origin, changed_at, position)
    SELECT n.id, 'UPDATED', n.state, n.version, n.updated_by, n.updated_at,
           greatest(pg_current_xact_id(), (SELECT c.position FROM partner_changes c WHERE c.partner_id = n.id
                                           ORDER BY c.seq DESC LIMIT 1))
    FROM updated_partners n;
    RETURN NULL;
END;
$$;

CREATE TRIGGER partners_changes_inserted AFTER INSERT ON partners
    REFERENCING NEW TABLE AS inserted_partners
    FOR EACH STATEMENT EXECUTE FUNCTION partner_changes_inserted();
CREATE TRIGGER partners_changes_updated AFTER UPDATE ON partners
    REFERENCING NEW TABLE AS updated_partners
    FOR EACH STATEMENT EXECUTE FUNCTION partner_changes_updated();
