package io.consort.performance.intake;

import io.consort.chassis.inbox.IncomingEvent;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ApplicationApproved;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.performance.fact.FactKind;
import io.consort.performance.fact.PartnerFacts;
import io.consort.performance.scorecard.Scorecards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What performance does with each event of {@code prm.partners}. Runs inside the inbox's
 * transaction, so the effect and the "processed" mark commit together.
 */
@ApplicationScoped
public class PartnerEvents {

    private static final Logger LOG = Logger.getLogger(PartnerEvents.class);

    @Inject
    Scorecards scorecards;

    @Inject
    PartnerFacts facts;

    public void apply(IncomingEvent event) {
        String type = event.type();
        if (EventTypes.PARTNER_ONBOARDING_STARTED.ceType().equals(type)) {
            onboardingStarted(event);
        } else if (EventTypes.APPLICATION_APPROVED.ceType().equals(type)) {
            applicationApproved(event);
        } else {
            // Not (yet) a fact performance uses; the inbox still marks it processed.
            LOG.debugf("ignoring %s %s", type, event.id());
        }
    }

    private void onboardingStarted(IncomingEvent event) {
        PartnerOnboardingStarted started = event.payloadAs(PartnerOnboardingStarted.class);
        UUID partnerId = event.require("partnerId", started.partnerId());
        UUID programId = event.require("programId", started.programId());
        Instant at = event.require("occurredAt", started.occurredAt());
        facts.record(event.id(), FactKind.ONBOARDING_STARTED, partnerId, programId, at, event.payload());
        if (scorecards.open(partnerId, programId, at)) {
            LOG.infof("opened the scorecard of partner %s in program %s", partnerId, programId);
        }
    }

    private void applicationApproved(IncomingEvent event) {
        ApplicationApproved approved = event.payloadAs(ApplicationApproved.class);
        UUID partnerId = event.require("partnerId", approved.partnerId());
        facts.record(event.id(), FactKind.APPLICATION_APPROVED, partnerId,
                event.require("programId", approved.programId()),
                event.require("occurredAt", approved.occurredAt()), event.payload());
    }
}
