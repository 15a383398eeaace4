package io.consort.recruitment.intake;

import io.consort.chassis.inbox.IncomingEvent;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.TierChanged;
import io.consort.recruitment.partner.Partner;
import io.consort.recruitment.partner.PartnerRepository;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What recruitment does with each event of {@code prm.performance}: keeps the partner record's current
 * tier (domain.md: "current tier, learned from performance events"). Runs inside the inbox's
 * transaction, so the effect and the "processed" mark commit together.
 */
@ApplicationScoped
public class PerformanceEvents {

    /** Who tier changes are recorded as (updated_by, origin): the service that decided them. */
    static final String ORIGIN = "performance";

    private static final Logger LOG = Logger.getLogger(PerformanceEvents.class);

    @Inject
    PartnerRepository partners;


    public void apply(IncomingEvent event) {
        if (EventTypes.TIER_CHANGED.ceType().equals(event.type())) {
            tierChanged(event);
        } else {
            // Scores and incentives are performance's to show; the inbox still marks them processed.
            LOG.debugf("ignoring %s %s", event.type(), event.id());
        }
    }

    private void tierChanged(IncomingEvent event) {
        TierChanged changed = event.payloadAs(TierChanged.class);
        UUID partnerId = event.require("partnerId", changed.partnerId());
        String tier = event.require("tier", changed.tier());
        Instant at = event.require("occurredAt", changed.occurredAt());
        // Writers of one partner take turns (the tier is compared with the stored one's decision time).
        partners.lockForWrite(partnerId);
        // Every partner performance scores was created here first; an unknown one means the two have
        // drifted apart (a restored database), which the dead-letter topic makes visible.
        Partner partner = partners.findByIdOptional(partnerId).orElseThrow(() -> new IllegalStateException(
                event.type() + " " + event.id() + " is about partner " + partnerId + ", which recruitment does not know"));
        if (partner.changeTier(tier, at, ORIGIN, Timestamps.now())) {
            LOG.infof("partner %s is now %s (was %s)", partnerId, tier, changed.previousTier());
        } else {
            LOG.debugf("ignoring %s %s: partner %s has a tier decided at %s, after %s", event.type(), event.id(),
                    partnerId, partner.tierChangedAt(), at);
        }
    }
}
