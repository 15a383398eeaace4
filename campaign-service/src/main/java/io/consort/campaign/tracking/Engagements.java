package io.consort.campaign.tracking;

import io.consort.campaign.enrolment.Enrolment;
import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.CampaignEngagementRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Records an engagement and publishes {@code campaign.engagement-recorded} in the same transaction. */
@ApplicationScoped
public class Engagements {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public Engagement record(UUID campaignId, Enrolment via, CampaignEngagementRecorded.Kind kind, UUID leadId, Instant at) {
        Engagement engagement = new Engagement();
        engagement.id = UUID.randomUUID();
        engagement.campaignId = campaignId;
        engagement.partnerId = via == null ? null : via.partnerId;
        engagement.enrolmentId = via == null ? null : via.id;
        engagement.kind = kind;
        engagement.leadId = leadId;
        engagement.at = at;
        engagement.persist();
        outbox.emit(EventTypes.CAMPAIGN_ENGAGEMENT_RECORDED, engagement.id, engagement.partnerId,
                new CampaignEngagementRecorded(engagement.id, campaignId, engagement.partnerId, kind, leadId, at));
        return engagement;
    }
}
