package io.consort.recruitment.partner;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.PartnerActivated;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.recruitment.onboarding.OnboardingService;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class PartnerService {

    @Inject
    PartnerRepository partners;

    @Inject
    Outbox outbox;

    @Inject
    OnboardingService onboarding;

    /**
     * Creates the partner in {@code ONBOARDING}, records {@code partner.onboarding-started} and gives it its
     * onboarding checklist, inside the caller's transaction so all of it commits (or vanishes) together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Partner onboard(NewPartner newPartner, String by, Instant now) {
        Partner partner = Partner.onboard(newPartner, by, now);
        partners.persist(partner);
        outbox.emit(EventTypes.PARTNER_ONBOARDING_STARTED, partner.id(), partner.id(),
                new PartnerOnboardingStarted(partner.id(), partner.programId(), partner.name(), partner.type().name(),
                        partner.region(), now));
        onboarding.start(partner, by, now);
        return partner;
    }

    // --- Activation (added by onboarding; the partner lifecycle work adds the same: keep one at merge) ---

    /**
     * {@code ONBOARDING → ACTIVE} with {@code partner.activated}, in the caller's transaction (or a new one);
     * onboarding calls it when the last required task is done. Another state answers 409.
     */
    @Transactional
    public Partner activate(UUID partnerId, String by) {
        Partner partner = get(partnerId);
        Instant now = Timestamps.now();
        partner.activate(by, now);
        outbox.emit(EventTypes.PARTNER_ACTIVATED, partner.id(), partner.id(),
                new PartnerActivated(partner.id(), partner.programId(), by, now));
        return partner;
    }

    // --- end of activation ---

    /** The partner, or 404 when it does not exist or the caller may not see it (the scope filter applies). */
    public Partner get(UUID id) {
        return partners.findByIdOptional(id).orElseThrow(() -> Problems.notFound("partner", id));
    }

    public Page<Partner> list(PageRequest page, UUID programId, PartnerState state) {
        return KeysetQuery.of(Partner.class)
                .whereEqual("programId", programId)
                .whereEqual("state", state)
                .fetch(page, Partner::createdAt, Partner::id);
    }
}
