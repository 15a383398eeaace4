-- Deal registrations (io.consort.campaign.deal). The channel-conflict invariant, at most one APPROVED
-- registration per normalised customer domain and product, is held here, not only in code: each
-- registration's products are mirrored, by trigger, into deal_registration_products, whose partial unique
-- index admits one approved row per (customer_domain, product). Two managers approving rival registrations
-- at the same moment: the second commit fails with 23505 on deal_registrations_one_approved.

CREATE TABLE deal_registrations (
    id                  uuid PRIMARY KEY,
    partner_id          uuid          NOT NULL,
    customer_name       varchar(200)  NOT NULL,
    customer_domain     varchar(253)  NOT NULL,
    products            text[]        NOT NULL CHECK (cardinality(products) BETWEEN 1 AND 20),
    amount              numeric(19,4) NOT NULL CHECK (amount > 0),
    currency            varchar(3)    NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    expected_close_date date          NOT NULL,
    lead_id             uuid,
    campaign_id         uuid,
    state               varchar(20)   NOT NULL CHECK (state IN ('SUBMITTED', 'IN_REVIEW', 'ACTION_REQUIRED', 'APPROVED',
                                                                 'REJECTED', 'WITHDRAWN', 'WON', 'LOST', 'EXPIRED')),
    claim_ends_at       timestamptz   NOT NULL,
    protection_days     integer       NOT NULL CHECK (protection_days > 0),
    extension_days      integer       NOT NULL CHECK (extension_days > 0),
    protected_until     timestamptz,
    extended            boolean       NOT NULL DEFAULT false,
    review_note         varchar(2000),
    reason              varchar(2000),
    decided_by          varchar(200),
    decided_at          timestamptz,
    closed_on           date,
    submitted_by        varchar(200)  NOT NULL,
    submitted_at        timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0,
    CHECK (state <> 'APPROVED' OR protected_until IS NOT NULL)
);

-- Lists: a partner's registrations (partner 360), by state, oldest first (keyset on submitted_at, id).
CREATE INDEX deal_registrations_partner ON deal_registrations (partner_id, submitted_at, id);
CREATE INDEX deal_registrations_state ON deal_registrations (state, submitted_at, id);
CREATE INDEX deal_registrations_submitted ON deal_registrations (submitted_at, id);
-- The expiry sweep: approved registrations by the end of their protection.
CREATE INDEX deal_registrations_protection_due ON deal_registrations (protected_until) WHERE state = 'APPROVED';

CREATE TABLE deal_registration_products (
    deal_id         uuid         NOT NULL REFERENCES deal_registrations (id) ON DELETE CASCADE,
    product         text         NOT NULL,
    customer_domain varchar(253) NOT NULL,
    approved        boolean      NOT NULL,
    PRIMARY KEY (deal_id, product)
);

-- The invariant.
CREATE UNIQUE INDEX deal_registrations_one_approved
    ON deal_registration_products (customer_domain, product) WHERE approved;
-- The conflict check at submission: every registration of a customer domain and product.
CREATE INDEX deal_registration_products_lookup ON deal_registration_products (customer_domain, product, deal_id);

CREATE FUNCTION deal_registration_products_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.products = OLD.products AND NEW.customer_domain = OLD.customer_domain THEN
        IF NEW.state IS DISTINCT FROM OLD.state THEN
            UPDATE deal_registration_products SET approved = (NEW.state = 'APPROVED') WHERE deal_id = NEW.id;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM deal_registration_products WHERE deal_id = NEW.id;
    END IF;
    INSERT INTO deal_registration_products (deal_id, product, customer_domain, approved)
    SELECT NEW.id, p, NEW.customer_domain, NEW.state = 'APPROVED' FROM unnest(NEW.products) AS p GROUP BY p;
    RETURN NULL;
END $$;

CREATE TRIGGER deal_registration_products_sync
    AFTER INSERT OR UPDATE OF state, products, customer_domain ON deal_registrations
    FOR EACH ROW EXECUTE FUNCTION deal_registration_products_sync();
