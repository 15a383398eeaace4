package io.consort.campaign.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the lead actions. */
public final class LeadActions {

    private LeadActions() {
    }

    @Schema(name = "LeadReason", description = "Why (a decline, a loss)", examples = "{\"reason\":\"outside our territory\"}")
    public record Reason(@Schema(required = true, maxLength = 1000) @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "LeadConversion", description = "The opportunity an accepted lead became",
            examples = "{\"dealId\":\"6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c\"}")
    public record Conversion(@Schema(format = "uuid", nullable = true, description = "the deal registration, if any") UUID dealId) {
    }

    @Schema(name = "LeadAssignment", description = "The partner to offer a lead to",
            examples = "{\"partnerId\":\"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d\"}")
    public record Assignment(@Schema(required = true, format = "uuid") @NotNull UUID partnerId) {
    }

    @Schema(name = "RoutingDecision", description = "One entry of a lead's routing history", examples = """
            {"seq":1,"at":"2026-12-07T10:00:00Z","kind":"OFFERED","partnerId":"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
             "ruleId":"8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b","ruleVersion":2,"actor":"router",
             "reason":"offered to 5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d because region EMEA matched, tier GOLD weight 3, 2 of 5 open"}""")
    public record Decision(@Schema(required = true) int seq,
            @Schema(required = true, format = "date-time") java.time.Instant at,
            @Schema(required = true) DecisionKind kind,
            @Schema(format = "uuid", nullable = true) UUID partnerId,
            @Schema(format = "uuid", nullable = true) UUID ruleId,
            @Schema(nullable = true) Long ruleVersion,
            @Schema(required = true) String actor,
            @Schema(required = true) String reason) {

        static Decision from(RoutingDecision d) {
            return new Decision(d.seq, d.at, d.kind, d.partnerId, d.ruleId, d.ruleVersion, d.actor, d.reason);
        }
    }
}
