package io.consort.campaign.tracking;

import io.consort.chassis.security.PartnerScope;
import io.consort.contracts.events.CampaignEngagementRecorded;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** A click on a tracked link or a form fill, for a campaign and (through its link) a partner. */
@Entity
@Table(name = "engagements")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION)
public class Engagement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignEngagementRecorded.Kind kind;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(nullable = false)
    public Instant at;
}
