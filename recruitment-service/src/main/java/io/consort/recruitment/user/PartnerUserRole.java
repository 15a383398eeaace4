package io.consort.recruitment.user;

import io.consort.chassis.security.Roles;
import io.consort.contracts.events.PartnerUserAdded;

/** What a partner's person may do, as the Keycloak realm role its login carries. */
public enum PartnerUserRole {
    PARTNER_ADMIN(Roles.PARTNER_ADMIN, PartnerUserAdded.Role.PARTNER_ADMIN),
    PARTNER_USER(Roles.PARTNER_USER, PartnerUserAdded.Role.PARTNER_USER);

    private final String realmRole;
    private final PartnerUserAdded.Role eventRole;

    PartnerUserRole(String realmRole, PartnerUserAdded.Role eventRole) {
        this.realmRole = realmRole;
        this.eventRole = eventRole;
    }

    /** The realm role of realm {@code prm} the login is given. */
    public String realmRole() {
        return realmRole;
    }

    PartnerUserAdded.Role eventRole() {
        return eventRole;
    }
}
