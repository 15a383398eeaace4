-- The campaign service's own view of partners, built only from events (prm.partners, prm.performance)
-- and rebuildable from offset zero. Each aspect keeps the occurredAt of the fact it holds, so a
-- duplicate or a late, older fact never moves it backwards (docs/events.md, "Order tolerance").
CREATE TABLE partners (
    id                  uuid         PRIMARY KEY,
    -- Lifecycle (onboarding-started, activated, suspended, reinstated, terminated); null until one arrives.
    status              varchar(20),
    status_at           timestamptz,
    -- Profile (onboarding-started, activated, profile-updated).
    program_id          uuid,
    name                varchar(300),
    partner_type        varchar(60),
    region              varchar(60),
    specialisations     text[]       NOT NULL DEFAULT '{}',
    industries          text[]       NOT NULL DEFAULT '{}',
    website             varchar(500),
    domain              varchar(255),
    parent_partner_id   uuid,
    listed_in_directory boolean      NOT NULL DEFAULT false,
    profile_at          timestamptz,
    -- Contact for merge fields: the first partner-admin's e-mail (partner.user-added).
    contact_email       varchar(320),
    contact_at          timestamptz,
    -- Tier (tier.changed); the entry tier until performance says otherwise.
    tier                varchar(60)  NOT NULL DEFAULT 'REGISTERED',
    tier_rank           integer      NOT NULL DEFAULT 0,
    tier_at             timestamptz,
    updated_at          timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX partners_parent_idx ON partners (parent_partner_id);
CREATE INDEX partners_status_region_idx ON partners (status, region);
CREATE INDEX partners_specialisations_idx ON partners USING gin (specialisations);
