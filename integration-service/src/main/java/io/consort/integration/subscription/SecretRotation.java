package io.consort.integration.subscription;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new secret, shown once, and until when the old one still signs beside it. */
@Schema(name = "SecretRotation", example = """
        {"secret": "whsec_Jq3m0tJ6r8wYbO2S6Y1c5n9k2Q7dLx4A", "previousSecretExpiresAt": "2026-12-02T09:30:00Z"}""")
public record SecretRotation(
        @Schema(required = true, pattern = "^whsec_[A-Za-z0-9+/=]+$") String secret,
        @Schema(required = true, format = "date-time") Instant previousSecretExpiresAt) {
}
