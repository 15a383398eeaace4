-- The people of a partner and their Keycloak logins. A row is written in the transaction that decides
-- about the person (approval, invitation, deactivation); the login itself is created or disabled in
-- Keycloak afterwards by the provisioner (io.consort.recruitment.user.ProvisioningWorker), which
-- retries until Keycloak answers. The row is the to-do list: nothing is lost while Keycloak is down.
CREATE TABLE partner_users (
    id               uuid         PRIMARY KEY,
    partner_id       uuid         NOT NULL REFERENCES partners (id),
    -- Lower case; it is also the login name in Keycloak.
    email            varchar(320) NOT NULL,
    first_name       varchar(200),
    last_name        varchar(200),
    role             varchar(20)  NOT NULL,
    state            varchar(20)  NOT NULL,
    -- Known once Keycloak created (or the provisioner adopted) the login.
    keycloak_user_id varchar(64),
    -- Failed attempts at the pending Keycloak change, when the next one is due, and why the last failed.
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_error       varchar(1000),
    version          bigint       NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    created_by       varchar(200) NOT NULL,
    updated_by       varchar(200) NOT NULL,
    CONSTRAINT partner_users_role_check CHECK (role IN ('PARTNER_ADMIN', 'PARTNER_USER')),
    CONSTRAINT partner_users_state_check CHECK (state IN
        ('PROVISIONING', 'ACTIVE', 'FAILED', 'DEACTIVATING', 'DEACTIVATED')),
    CONSTRAINT partner_users_pending_check CHECK
        ((state IN ('PROVISIONING', 'DEACTIVATING')) = (next_attempt_at IS NOT NULL))
);
-- One live person per address and partner; once deactivated, the address may be invited again.
CREATE UNIQUE INDEX partner_users_email_key ON partner_users (partner_id, email) WHERE state <> 'DEACTIVATED';
CREATE INDEX partner_users_page_idx ON partner_users (partner_id, created_at, id);
-- What the provisioner polls: only rows with a pending Keycloak change, by due time.
CREATE INDEX partner_users_due_idx ON partner_users (next_attempt_at)
    WHERE state IN ('PROVISIONING', 'DEACTIVATING');
