package io.consort.recruitment.partner;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One committed change of the partner change feed. */
@Schema(name = "PartnerChange", example = """
        {"sequence": 1042, "cursor": "748213.1042", "partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "operation": "UPDATED",
         "state": "ACTIVE", "version": 4, "origin": "crm-sync", "changedAt": "2026-02-01T09:30:00Z",
         "partner": null}""")
public record PartnerChangeResponse(
        @Schema(description = "The change's number; unique, but numbers are drawn before commit, so the feed's "
                + "order is the cursors'", example = "1042") long sequence,
        @Schema(description = "Pass as since to read the changes after this one", example = "748213.1042") String cursor,
        @Schema(example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a") UUID partnerId,
        @Schema(description = "CREATED or UPDATED", example = "UPDATED") String operation,
        @Schema(description = "The partner's state after this change", example = "ACTIVE") PartnerState state,
        @Schema(description = "The partner's version after this change; equal to partner.version when it is the "
                + "latest", example = "4") long version,
        @Schema(description = "Who made it (user name or client id): an integrator skips its own", example = "crm-sync")
        String origin,
        @Schema(example = "2026-02-01T09:30:00Z") Instant changedAt,
        @Schema(nullable = true, description = "The partner as it is now, not as this change left "
                + "it") PartnerResponse partner) {

    static PartnerChangeResponse from(PartnerChanges.FeedEntry e) {
        PartnerChanges.Change c = e.change();
        return new PartnerChangeResponse(c.sequence(), c.cursor().toString(), c.partnerId(), c.operation(), c.state(), c.version(),
                c.origin(), c.changedAt(), e.partner() == null ? null : PartnerResponse.from(e.partner()));
    }
}
