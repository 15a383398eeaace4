-- Recruitment's own tables. The outbox, inbox and idempotency tables come from the chassis
-- migrations (db/chassis), which run first.

CREATE TABLE programs (
    id                      uuid         PRIMARY KEY,
    name                    varchar(200) NOT NULL,
    description             text,
    -- ["RESELLER", "MSP", ...]; jsonb rather than an array so it travels with the profile's shape.
    partner_types           jsonb        NOT NULL,
    -- The weighted ideal partner profile; null when the program has none yet.
    ideal_profile           jsonb,
    accepting_applications  boolean      NOT NULL DEFAULT true,
    version                 bigint       NOT NULL,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    created_by              varchar(200) NOT NULL,
    updated_by              varchar(200) NOT NULL
);
-- Two programs with the same name would be indistinguishable on the public application form.
CREATE UNIQUE INDEX programs_name_key ON programs (lower(name));
CREATE INDEX programs_page_idx ON programs (created_at DESC, id DESC);

CREATE TABLE applications (
    id                  uuid         PRIMARY KEY,
    program_id          uuid         NOT NULL REFERENCES programs (id),
    company_name        varchar(200) NOT NULL,
    website             varchar(500) NOT NULL,
    -- The company's domain taken from its website, lower case; what duplicate checks compare.
    domain              varchar(253) NOT NULL,
    contact_name        varchar(200),
    contact_email       varchar(320) NOT NULL,
    region              varchar(40),
    partner_type        varchar(40)  NOT NULL,
    message             text,
    state               varchar(20)  NOT NULL,
    decision_reason     text,
    decided_by          varchar(200),
    decided_at          timestamptz,
    partner_id          uuid,
    -- SHA-256 of the token handed to the applicant so they can withdraw without an account.
    withdraw_token_hash bytea        NOT NULL,
    version             bigint       NOT NULL,
    submitted_at        timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CONSTRAINT applications_state_check CHECK (state IN
        ('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'))
);
CREATE INDEX applications_page_idx ON applications (submitted_at DESC, id DESC);
CREATE INDEX applications_program_idx ON applications (program_id, state);
CREATE INDEX applications_domain_idx ON applications (domain);

CREATE TABLE partners (
    id                  uuid         PRIMARY KEY,
    program_id          uuid         NOT NULL REFERENCES programs (id),
    -- The application that created it; null for partners that arrive by import or CRM sync later.
    application_id      uuid         UNIQUE REFERENCES applications (id),
    parent_partner_id   uuid         REFERENCES partners (id),
    name                varchar(200) NOT NULL,
    partner_type        varchar(40)  NOT NULL,
    region              varchar(40),
    domain              varchar(253) NOT NULL,
    state               varchar(20)  NOT NULL,
    -- Learned from performance's tier.changed events; null until the first one arrives.
    tier                varchar(40),
    version             bigint       NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    created_by          varchar(200) NOT NULL,
    updated_by          varchar(200) NOT NULL,
    -- Where the last change came from (user, integrator client), so an integrator can ignore its echo.
    origin              varchar(200) NOT NULL,
    CONSTRAINT partners_state_check CHECK (state IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED'))
);
CREATE INDEX partners_page_idx ON partners (created_at DESC, id DESC);
CREATE INDEX partners_parent_idx ON partners (parent_partner_id);
CREATE INDEX partners_domain_idx ON partners (domain);

-- Deferred: approval links the application to its partner before the partner row is inserted (the
-- outbox flushes between the two), and the pair is only whole at commit.
ALTER TABLE applications ADD CONSTRAINT applications_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id)
    DEFERRABLE INITIALLY DEFERRED;
