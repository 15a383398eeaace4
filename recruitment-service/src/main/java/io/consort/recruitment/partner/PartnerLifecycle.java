package io.consort.recruitment.partner;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.PartnerReinstated;
import io.consort.contracts.events.PartnerSuspended;
import io.consort.contracts.events.PartnerTerminated;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's lifecycle: it starts {@code ONBOARDING} (onboarding hears of it through {@link PartnerStarted}
 * and activates it when its checklist is done), and is suspended, reinstated, terminated. Each change
 * locks the partner's row and records its event in the same transaction.
 */
@ApplicationScoped
public class PartnerLifecycle {

    @Inject
    PartnerRepository partners;

    @Inject
    Outbox outbox;

    @Inject
    Event<PartnerStarted> started;

    /**
     * Creates the partner in {@code ONBOARDING}, records {@code partner.onboarding-started} and gives it its
     * onboarding checklist, inside the caller's transaction so all of it commits (or vanishes) together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Partner onboard(NewPartner newPartner, String by, Instant now) {
        return persistOnboarded(Partner.onboard(newPartner, by, now), now);
    }

    /**
     * Onboarding is complete: {@code ONBOARDING → ACTIVE} and {@code partner.activated}. For the
     * onboarding plan (when its last required task is done); 409 from any other state.
     */
    @Transactional
    public Partner activate(UUID partnerId, String by) {
        return act(partnerId, null, (partner, now) -> {
            partner.activate(by, now);
            outbox.emit(EventTypes.PARTNER_ACTIVATED, partner.id(), partner.id(),
                    PartnerEvents.activated(partner, by, now));
        });
    }

    @Transactional
    public Partner suspend(UUID partnerId, String reason, String ifMatch, String by) {
        return act(partnerId, ifMatch, (partner, now) -> {
            partner.suspend(reason, by, now);
            outbox.emit(EventTypes.PARTNER_SUSPENDED, partner.id(), partner.id(),
                    new PartnerSuspended(partner.id(), partner.programId(), reason, by, now));
        });
    }

    @Transactional
    public Partner reinstate(UUID partnerId, String ifMatch, String by) {
        return act(partnerId, ifMatch, (partner, now) -> {
            partner.reinstate(by, now);
            outbox.emit(EventTypes.PARTNER_REINSTATED, partner.id(), partner.id(),
                    new PartnerReinstated(partner.id(), partner.programId(), by, now));
        });
    }

    @Transactional
    public Partner terminate(UUID partnerId, String reason, String ifMatch, String by) {
        return act(partnerId, ifMatch, (partner, now) -> {
            partner.terminate(reason, by, now);
            outbox.emit(EventTypes.PARTNER_TERMINATED, partner.id(), partner.id(),
                    new PartnerTerminated(partner.id(), partner.programId(), reason, by, now));
        });
    }

    private interface Action {
        void apply(Partner partner, Instant now);
    }

    private Partner act(UUID partnerId, String ifMatch, Action action) {
        Partner partner = partners.getLocked(partnerId);
        ETags.requireMatch(ifMatch, partner.version());
        action.apply(partner, Timestamps.now());
        return partner;
    }

    /** Stores a new partner, records its {@code partner.onboarding-started} and tells onboarding. */
    Partner persistOnboarded(Partner partner, Instant now) {
        partners.persist(partner);
        outbox.emit(EventTypes.PARTNER_ONBOARDING_STARTED, partner.id(), partner.id(),
                PartnerEvents.onboardingStarted(partner, now));
        // Every single way in (approval, CRM upsert) starts the program's checklist, which may activate at once.
        started.fire(new PartnerStarted(partner, partner.createdBy(), now));
        return partner;
    }
}
