-- The change feed without one lock for all partner writers (it replaces V3's lock_partner_changes()).
--
-- A bigserial is drawn at insert time and transactions commit in any order, so a reader that passed
-- seq 8 could miss seq 7 committed later. Instead every change carries a position: the id of the
-- transaction that wrote it (pg_current_xact_id()), or, for a partner's later change, the position of
-- its previous change if that is larger (a writer with an older transaction id that updates a partner
-- after a younger one committed: its row lock made it wait, so its change comes after). The feed is read
-- in (position, seq) order and only up to the horizon pg_snapshot_xmin(pg_current_snapshot()): every
-- transaction with an id below it has ended, so no change can still appear below it, and every change a
-- running or later transaction writes has a position at or above it. A reader's cursor is the (position,
-- seq) of the last change it read; it never misses one, and a partner's changes come in the order they
-- were made (the position never decreases along them, seq breaks ties).
--
-- The checks the lock made race-free get their own guarantees (PartnerLocks): a partner's row is locked
-- by its writer; parent changes take one advisory lock of their own (cycles can only come from them) and
-- share-lock the new parent; an external id is locked by its hash for a single upsert, and the unique key
-- (system, external_id) refuses what a concurrent bulk batch would duplicate.
--
-- Changes from before this migration get position 0, in their old seq order: a cursor a client holds
-- from before ("1042") reads as (0, 1042) and goes on where it was.
ALTER TABLE partner_changes ADD COLUMN position xid8 NOT NULL DEFAULT '0';
ALTER TABLE partner_changes ALTER COLUMN position DROP DEFAULT;
CREATE INDEX partner_changes_position_idx ON partner_changes (position, seq);

CREATE OR REPLACE FUNCTION partner_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    at xid8 := pg_current_xact_id();
    previous xid8;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT c.position INTO previous FROM partner_changes c WHERE c.partner_id = NEW.id ORDER BY c.seq DESC LIMIT 1;
        IF previous > at THEN
            at := previous;
        END IF;
    END IF;
    -- updated_by rather than origin: every writer sets it (Audited.changed), so it names this change.
    INSERT INTO partner_changes (partner_id, operation, state, version, origin, changed_at, position)
    VALUES (NEW.id, CASE TG_OP WHEN 'INSERT' THEN 'CREATED' ELSE 'UPDATED' END, NEW.state, NEW.version,
            NEW.updated_by, NEW.updated_at, at);
    RETURN NULL;
END;
$$;

DROP FUNCTION lock_partner_changes();
