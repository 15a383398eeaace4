-- Onboarding plans and checklists, training modules, enrolments, completions and certifications.

CREATE TABLE training_modules (
    id                          uuid         PRIMARY KEY,
    title                       varchar(200) NOT NULL,
    description                 text,
    duration_minutes            integer      NOT NULL CHECK (duration_minutes BETWEEN 1 AND 10000),
    passing_score               integer      NOT NULL CHECK (passing_score BETWEEN 0 AND 100),
    -- Passing a module that certifies earns this certification; null when the module certifies nothing.
    certification_name          varchar(200),
    -- How long the certification holds after the passing completion; null: it never expires.
    certification_validity_days integer      CHECK (certification_validity_days BETWEEN 1 AND 36500),
    version                     bigint       NOT NULL,
    created_at                  timestamptz  NOT NULL,
    updated_at                  timestamptz  NOT NULL,
    created_by                  varchar(200) NOT NULL,
    updated_by                  varchar(200) NOT NULL,
    CONSTRAINT training_modules_certification_check
        CHECK (certification_name IS NOT NULL OR certification_validity_days IS NULL)
);
CREATE INDEX training_modules_page_idx ON training_modules (created_at, id);

-- A program's ordered checklist, replaced as a whole by PUT; a program without a row uses the default plan.
-- Tasks are jsonb [{id, kind, title, description, required, trainingModuleId}] in their order.
CREATE TABLE onboarding_plans (
    program_id  uuid         PRIMARY KEY REFERENCES programs (id),
    tasks       jsonb        NOT NULL,
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    created_by  varchar(200) NOT NULL,
    updated_by  varchar(200) NOT NULL
);

-- A partner's copy of its program's plan, taken when it started onboarding (later plan edits do not
-- change it), with each task's status: [{..., status, completedAt, completedBy}].
CREATE TABLE onboarding_checklists (
    partner_id    uuid        PRIMARY KEY REFERENCES partners (id),
    program_id    uuid        NOT NULL REFERENCES programs (id),
    -- The plan version copied; null when the program had no plan of its own (the default plan).
    plan_version  bigint,
    tasks         jsonb       NOT NULL,
    started_at    timestamptz NOT NULL,
    -- When the last required task was done.
    completed_at  timestamptz,
    version       bigint      NOT NULL
);

CREATE TABLE training_enrolments (
    id           uuid         PRIMARY KEY,
    partner_id   uuid         NOT NULL REFERENCES partners (id),
    -- The person: the subject of their token (Keycloak user id).
    user_id      varchar(255) NOT NULL,
    module_id    uuid         NOT NULL REFERENCES training_modules (id),
    state        varchar(20)  NOT NULL CHECK (state IN ('ENROLLED', 'PASSED')),
    enrolled_at  timestamptz  NOT NULL,
    enrolled_by  varchar(200) NOT NULL,
    passed_at    timestamptz,
    version      bigint       NOT NULL,
    CONSTRAINT training_enrolments_person_module_key UNIQUE (partner_id, user_id, module_id)
);
CREATE INDEX training_enrolments_page_idx ON training_enrolments (enrolled_at, id);
CREATE INDEX training_enrolments_module_idx ON training_enrolments (module_id);

-- One attempt at a module; passed against the passing score the module had at that time.
CREATE TABLE training_completions (
    id             uuid         PRIMARY KEY,
    enrolment_id   uuid         NOT NULL REFERENCES training_enrolments (id),
    partner_id     uuid         NOT NULL REFERENCES partners (id),
    user_id        varchar(255) NOT NULL,
    module_id      uuid         NOT NULL REFERENCES training_modules (id),
    score          integer      NOT NULL CHECK (score BETWEEN 0 AND 100),
    passing_score  integer      NOT NULL CHECK (passing_score BETWEEN 0 AND 100),
    passed         boolean      NOT NULL,
    completed_at   timestamptz  NOT NULL,
    recorded_by    varchar(200) NOT NULL
);
CREATE INDEX training_completions_enrolment_idx ON training_completions (enrolment_id);

CREATE TABLE training_certifications (
    id             uuid         PRIMARY KEY,
    partner_id     uuid         NOT NULL REFERENCES partners (id),
    user_id        varchar(255) NOT NULL,
    module_id      uuid         NOT NULL REFERENCES training_modules (id),
    completion_id  uuid         NOT NULL UNIQUE REFERENCES training_completions (id),
    name           varchar(200) NOT NULL,
    earned_at      timestamptz  NOT NULL,
    expires_at     timestamptz,
    -- EXPIRED once the expiry sweep has recorded it (and emitted certification.expired).
    status         varchar(20)  NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED')),
    expired_at     timestamptz,
    version        bigint       NOT NULL
);
CREATE INDEX training_certifications_page_idx ON training_certifications (earned_at, id);
CREATE INDEX training_certifications_partner_idx ON training_certifications (partner_id, earned_at);
-- What the expiry sweep scans: active certifications by expiry date.
CREATE INDEX training_certifications_due_idx ON training_certifications (expires_at)
    WHERE status = 'ACTIVE' AND expires_at IS NOT NULL;
