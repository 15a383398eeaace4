package io.consort.recruitment.partner;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.PartnerOnboardingStarted;
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

    /**
     * Creates the partner in {@code ONBOARDING} and records {@code partner.onboarding-started}, inside the
     * caller's transaction so the partner and its event commit (or vanish) together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Partner onboard(NewPartner newPartner, String by, Instant now) {
        Partner partner = Partner.onboard(newPartner, by, now);
        partners.persist(partner);
        outbox.emit(EventTypes.PARTNER_ONBOARDING_STARTED, partner.id(), partner.id(),
                new PartnerOnboardingStarted(partner.id(), partner.programId(), partner.name(), partner.type().name(),
                        partner.region(), now));
        return partner;
    }

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
