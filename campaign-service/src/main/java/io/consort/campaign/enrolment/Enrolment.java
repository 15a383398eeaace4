package io.consort.campaign.enrolment;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's enrolment in a campaign: its co-branding (display name, logo, contact) and the token of
 * its tracked link. Partner-owned: a partner only ever loads its own (and a partner-admin its children's).
 */
@Entity
@Table(name = "enrolments")
public class Enrolment extends PartnerOwned {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    /** The unguessable token of the partner's tracked link ({@code /t/{token}}), also the {@code ref} of its form fills. */
    @Column(nullable = false)
    public String token;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "logo_url")
    public String logoUrl;

    @Column(name = "contact_email")
    public String contactEmail;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
