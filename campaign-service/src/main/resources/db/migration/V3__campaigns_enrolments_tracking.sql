-- Through-channel campaigns, partners' enrolments (co-branding, tracked link token) and the engagement
-- the tracked links and the public form record.
CREATE TABLE campaigns (
    id                      uuid          PRIMARY KEY,
    name                    varchar(200)  NOT NULL,
    description             varchar(2000),
    state                   varchar(20)   NOT NULL,
    channels                text[]        NOT NULL DEFAULT '{}',
    starts_at               timestamptz,
    ends_at                 timestamptz,
    target_tiers            text[]        NOT NULL DEFAULT '{}',
    target_min_tier_rank    integer,
    target_program_ids      uuid[]        NOT NULL DEFAULT '{}',
    target_regions          text[]        NOT NULL DEFAULT '{}',
    target_specialisations  text[]        NOT NULL DEFAULT '{}',
    budget_amount           numeric(19, 4),
    budget_currency         varchar(3),
    landing_url             varchar(2000) NOT NULL,
    assets                  jsonb         NOT NULL,
    published_at            timestamptz,
    version                 bigint        NOT NULL DEFAULT 0,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL,
    created_by              varchar(200)  NOT NULL,
    CONSTRAINT campaigns_budget_ck CHECK ((budget_amount IS NULL) = (budget_currency IS NULL))
);
CREATE INDEX campaigns_state_idx ON campaigns (state, created_at, id);

CREATE TABLE enrolments (
    id            uuid          PRIMARY KEY,
    campaign_id   uuid          NOT NULL REFERENCES campaigns (id),
    partner_id    uuid          NOT NULL,
    token         varchar(40)   NOT NULL,
    display_name  varchar(200),
    logo_url      varchar(2000),
    contact_email varchar(320),
    version       bigint        NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL,
    created_by    varchar(200)  NOT NULL,
    CONSTRAINT enrolments_token_uq UNIQUE (token),
    CONSTRAINT enrolments_partner_uq UNIQUE (campaign_id, partner_id)
);
CREATE INDEX enrolments_partner_idx ON enrolments (partner_id);

CREATE TABLE engagements (
    id            uuid        PRIMARY KEY,
    campaign_id   uuid        NOT NULL REFERENCES campaigns (id),
    partner_id    uuid,
    enrolment_id  uuid        REFERENCES enrolments (id),
    kind          varchar(20) NOT NULL,
    lead_id       uuid,
    at            timestamptz NOT NULL
);
CREATE INDEX engagements_campaign_partner_idx ON engagements (campaign_id, partner_id, kind);
