package io.consort.recruitment.user;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's person as the API shows it. While {@code state} is PROVISIONING or DEACTIVATING, the
 * Keycloak side is still to be done: {@code attempts}, {@code lastError} and {@code nextAttemptAt} say
 * how it is going.
 */
@Schema(name = "PartnerUser", example = """
        {"id": "2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c", "partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a",
         "email": "dana.reyes@acme-networks.example", "firstName": "Dana", "lastName": "Reyes",
         "role": "PARTNER_ADMIN", "state": "ACTIVE", "keycloakUserId": "8f1e2d3c-4b5a-4697-8877-665544332211",
         "attempts": 0, "lastError": null, "nextAttemptAt": null, "version": 1,
         "createdAt": "2026-01-06T10:00:00Z", "updatedAt": "2026-01-06T10:00:01Z", "createdBy": "manager"}""")
public record PartnerUserResponse(
        UUID id,
        UUID partnerId,
        String email,
        @Schema(nullable = true) String firstName,
        @Schema(nullable = true) String lastName,
        PartnerUserRole role,
        PartnerUserState state,
        @Schema(nullable = true, description = "The Keycloak user id (the sub of the person's tokens), once the login "
                + "exists")
        String keycloakUserId,
        @Schema(description = "Failed attempts at the pending Keycloak change")
        int attempts,
        @Schema(nullable = true, description = "Why the last attempt failed, or why the login was refused (state "
                + "FAILED)")
        String lastError,
        @Schema(nullable = true, description = "When the pending Keycloak change is tried next")
        Instant nextAttemptAt,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String createdBy) {

    static PartnerUserResponse from(PartnerUser u) {
        return new PartnerUserResponse(u.id(), u.partnerId(), u.email(), u.firstName(), u.lastName(), u.role(),
                u.state(), u.keycloakUserId(), u.attempts(), u.lastError(), u.nextAttemptAt(), u.version(),
                u.createdAt(), u.updatedAt(), u.createdBy());
    }
}
