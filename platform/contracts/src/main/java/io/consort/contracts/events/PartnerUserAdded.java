package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A person of a partner got a working login: the Keycloak user exists, carries the partner's id and
 * its realm role. {@code keycloakUserId} is the {@code sub} of that person's tokens.
 */
public record PartnerUserAdded(UUID partnerId, UUID userId, String keycloakUserId, String email, Role role,
        Instant occurredAt) {

    /** The partner-side realm role the login was given. */
    public enum Role {
        PARTNER_ADMIN,
        PARTNER_USER
    }
}
