package io.consort.campaign.deal;

import io.consort.campaign.partner.Partner;
import io.consort.campaign.partner.PartnerStatus;
import io.consort.chassis.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/**
 * What the partner view (built from recruitment's events) says about a partner that deals and funds depend on:
 * its program's protection policy, and whether it is in a state to register deals or ask for funds.
 */
@ApplicationScoped
public class DealPolicies {

    @Inject
    DealsConfig config;

    @Inject
    EntityManager em;

    public ProtectionPolicy forPartner(UUID partnerId) {
        return of(config, Optional.ofNullable(em.find(Partner.class, partnerId)).map(Partner::programId));
    }

    /**
     * Refuses (422) a partner the view knows to be ONBOARDING, SUSPENDED or TERMINATED. A partner the view does not
     * know yet is let through: its events may simply not have arrived.
     */
    public void requireActive(UUID partnerId, String doing) {
        Partner partner = em.find(Partner.class, partnerId);
        if (partner != null && partner.status() != null && partner.status() != PartnerStatus.ACTIVE) {
            throw Problems.unprocessable("partner " + partnerId + " is " + partner.status() + "; only ACTIVE partners "
                    + doing);
        }
    }

    /** The program's own window and extension when configured, else the defaults. */
    static ProtectionPolicy of(DealsConfig config, Optional<UUID> program) {
        return program.map(id -> config.programs().get(id.toString()))
                .map(p -> ProtectionPolicy.ofDays(p.protectionDays(), p.extensionDays()))
                .orElseGet(() -> ProtectionPolicy.ofDays(config.protectionDays(), config.extensionDays()));
    }
}
