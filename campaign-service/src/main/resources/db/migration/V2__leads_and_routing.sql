-- Lead routing: vendor-editable, versioned rules; the weighted rotation's state per rule and partner;
-- leads with their current offer and acceptance deadline; every routing decision with its reason.
CREATE TABLE routing_rules (
    id                     uuid         PRIMARY KEY,
    name                   varchar(200) NOT NULL,
    priority               integer      NOT NULL,
    active                 boolean      NOT NULL,
    lead_regions           text[]       NOT NULL DEFAULT '{}',
    lead_specialisations   text[]       NOT NULL DEFAULT '{}',
    program_ids            uuid[]       NOT NULL DEFAULT '{}',
    match_region           boolean      NOT NULL,
    match_specialisation   boolean      NOT NULL,
    min_tier_rank          integer      NOT NULL,
    tier_weights           jsonb        NOT NULL,
    default_weight         integer      NOT NULL,
    capacity               integer      NOT NULL,
    acceptance_sla_seconds bigint       NOT NULL,
    -- The rotation's virtual time: the pass of the last partner picked under this rule.
    rotation_clock         bigint       NOT NULL DEFAULT 0,
    version                bigint       NOT NULL DEFAULT 0,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    updated_by             varchar(200) NOT NULL
);
CREATE INDEX routing_rules_priority_idx ON routing_rules (priority, created_at) WHERE active;

-- Every version a rule ever had, as the API showed it, so a decision's rule version can be looked up.
CREATE TABLE routing_rule_versions (
    rule_id    uuid         NOT NULL REFERENCES routing_rules (id),
    version    bigint       NOT NULL,
    body       jsonb        NOT NULL,
    changed_by varchar(200) NOT NULL,
    changed_at timestamptz  NOT NULL,
    PRIMARY KEY (rule_id, version)
);

-- Stride scheduling: a partner's pass advances by 2^40 / weight each time it is picked; the lowest pass wins.
CREATE TABLE routing_rotation (
    rule_id    uuid   NOT NULL REFERENCES routing_rules (id),
    partner_id uuid   NOT NULL,
    pass       bigint NOT NULL,
    picks      bigint NOT NULL,
    PRIMARY KEY (rule_id, partner_id)
);

CREATE TABLE leads (
    id               uuid          PRIMARY KEY,
    source           varchar(20)   NOT NULL,
    external_system  varchar(60),
    external_id      varchar(200),
    campaign_id      uuid,
    ref_partner_id   uuid,
    company          varchar(300)  NOT NULL,
    contact_name     varchar(200),
    contact_email    varchar(320),
    contact_phone    varchar(50),
    region           varchar(60),
    specialisation   varchar(100),
    need             varchar(2000),
    state            varchar(20)   NOT NULL,
    partner_id       uuid,
    offered_at       timestamptz,
    accept_by        timestamptz,
    attempt          integer       NOT NULL DEFAULT 0,
    outcome_reason   varchar(1000),
    deal_id          uuid,
    version          bigint        NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    created_by       varchar(200)  NOT NULL,
    CONSTRAINT leads_external_id_uq UNIQUE (external_system, external_id),
    CONSTRAINT leads_offer_ck CHECK (state <> 'OFFERED' OR (partner_id IS NOT NULL AND accept_by IS NOT NULL))
);
-- The deadline sweep's claim: offers due first.
CREATE INDEX leads_due_idx ON leads (accept_by) WHERE state = 'OFFERED';
CREATE INDEX leads_partner_state_idx ON leads (partner_id, state);
CREATE INDEX leads_created_idx ON leads (created_at, id);

CREATE TABLE lead_routing_decisions (
    id           uuid          PRIMARY KEY,
    lead_id      uuid          NOT NULL REFERENCES leads (id),
    seq          integer       NOT NULL,
    at           timestamptz   NOT NULL,
    kind         varchar(20)   NOT NULL,
    partner_id   uuid,
    rule_id      uuid,
    rule_version bigint,
    reason       varchar(2000) NOT NULL,
    actor        varchar(200)  NOT NULL,
    CONSTRAINT lead_routing_decisions_seq_uq UNIQUE (lead_id, seq)
);
