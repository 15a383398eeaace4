-- Prospects: companies that could become partners, imported from a CRM or found by the vendor.
-- Multi-valued codes are text[] so a filter is one array containment test and the recommendation
-- projection reads them without parsing JSON.
CREATE TABLE prospects (
    id              uuid         PRIMARY KEY,
    company_name    varchar(200) NOT NULL,
    website         varchar(500),
    -- The company's domain, lower case (from the website unless given).
    domain          varchar(253),
    region          varchar(40),
    industries      text[]       NOT NULL DEFAULT '{}',
    specialisations text[]       NOT NULL DEFAULT '{}',
    employee_count  integer,
    revenue_band    varchar(40),
    certifications  text[]       NOT NULL DEFAULT '{}',
    version         bigint       NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    created_by      varchar(200) NOT NULL,
    updated_by      varchar(200) NOT NULL
);
CREATE INDEX prospects_page_idx ON prospects (created_at, id);
CREATE INDEX prospects_region_idx ON prospects (region);
CREATE INDEX prospects_specialisations_idx ON prospects USING gin (specialisations);
CREATE INDEX prospects_industries_idx ON prospects USING gin (industries);

-- One row per (prospect, system): the unique key an upsert by external id resolves through.
CREATE TABLE prospect_external_ids (
    prospect_id uuid         NOT NULL REFERENCES prospects (id),
    system      varchar(40)  NOT NULL,
    external_id varchar(200) NOT NULL,
    PRIMARY KEY (prospect_id, system),
    CONSTRAINT prospect_external_ids_key UNIQUE (system, external_id)
);

-- A counter every statement that writes prospects bumps in its own transaction, so the in-memory
-- projection the recommendations score knows with one tiny read whether it is stale. The bulk import
-- sets consort.prospects.generation_after_commit and bumps it itself once each batch has committed:
-- its concurrent batch transactions would otherwise queue on this row's lock.
CREATE TABLE prospect_generation (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation bigint  NOT NULL
);
INSERT INTO prospect_generation VALUES (true, 0);

CREATE FUNCTION prospect_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('consort.prospects.generation_after_commit', true) = 'on' THEN
        RETURN NULL;
    END IF;
    UPDATE prospect_generation SET generation = generation + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER prospects_generation AFTER INSERT OR UPDATE OR DELETE ON prospects
    FOR EACH STATEMENT EXECUTE FUNCTION prospect_generation_bump();
