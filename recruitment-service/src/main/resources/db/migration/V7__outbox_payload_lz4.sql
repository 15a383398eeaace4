-- The bulk import writes its prospect.imported events as outbox batch rows (Outbox.emitAll): a few
-- hundred kilobytes of jsonb each, which PostgreSQL compresses when storing them out of line. Its
-- default, pglz, cost the import about 0.4 s of database CPU per 100,000 events; lz4 does the same in
-- a fraction of that and decompresses faster for the relay. Small rows (one event each) are never
-- compressed, so nothing else changes. Only where the server was built with lz4 (PostgreSQL 14+ with
-- --with-lz4, as the Debian and Docker builds are); elsewhere the column keeps pglz.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
               WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION lz4;
    END IF;
END;
$$;
