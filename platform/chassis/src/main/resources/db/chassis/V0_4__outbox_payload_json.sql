-- The outbox payload is stored as json, the text the service wrote, rather than jsonb. Nothing queries
-- inside it in the database: the relay reads it back as text and publishes it as the record's value.
-- jsonb parsed every payload into its binary form on insert and printed it back on every read, which
-- for the bulk import's batch rows (about 400 kB of events each) was the outbox's largest cost: half of
-- the database's CPU for writing and reading 100,000 events. json only checks that the text is JSON.
-- Out of line, payloads are compressed with lz4 where the server has it (PostgreSQL 14+ built with
-- --with-lz4, as Debian's and the Docker images are): faster than the default pglz both ways.
-- Runs after a service's own later migrations on databases created before it (out-of-order is on for
-- the chassis' migrations, see microprofile-config.properties).
alter table outbox alter column payload type json using payload::text::json;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
               WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION lz4;
    END IF;
END;
$$;
