package io.consort.campaign.deal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** The protection policy of a partner's program, else the default one. */
@ApplicationScoped
public class DealPolicies {

    @Inject
    DealsConfig config;

    @Inject
    Instance<PartnerPrograms> programs;

    public ProtectionPolicy forPartner(UUID partnerId) {
        return of(config, programs.isResolvable() ? programs.get().programOf(partnerId) : Optional.empty());
    }

    /** The program's own window and extension when configured, else the defaults. */
    static ProtectionPolicy of(DealsConfig config, Optional<UUID> program) {
        return program.map(id -> config.programs().get(id.toString()))
                .map(p -> ProtectionPolicy.ofDays(p.protectionDays(), p.extensionDays()))
                .orElseGet(() -> ProtectionPolicy.ofDays(config.protectionDays(), config.extensionDays()));
    }
}
