-- The outbox payload is stored as json, the text the service wrote, rather than jsonb. Nothing queries
-- inside it in the database: the relay reads it back as text and publishes it as the record's value.
-- jsonb parsed every payload into its binary form on insert and printed it back on every read, which
-- for bulk writes' batch rows (Outbox.emitAll, about 400 kB of events each) was the outbox's largest
-- cost: half of the database's CPU for writing and reading 100,000 events. json only checks the text.
-- A service that chose a compression for the column (recruitment's V7: lz4) keeps it; changing the
-- type would otherwise reset it to the server's default.
-- Runs after a service's own later migrations on databases created before it (out-of-order is on for
-- the chassis' migrations, see microprofile-config.properties).
DO $$
DECLARE
    compression "char";
BEGIN
    SELECT attcompression INTO compression FROM pg_attribute
    WHERE attrelid = 'outbox'::regclass AND attname = 'payload';
    ALTER TABLE outbox ALTER COLUMN payload TYPE json USING payload::text::json;
    IF compression = 'l' THEN
        ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION lz4;
    ELSIF compression = 'p' THEN
        ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION pglz;
    END IF;
END;
$$;
