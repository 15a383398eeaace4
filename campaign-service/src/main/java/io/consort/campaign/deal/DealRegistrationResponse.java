package io.consort.campaign.deal;

import io.consort.campaign.mdf.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DealRegistration", examples = """
        {"id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
         "customerName": "Müller Maschinenbau GmbH", "customerDomain": "xn--mller-maschinenbau-m6b.de",
         "products": ["ANALYTICS-PRO"], "amount": {"amount": "48000.00", "currency": "EUR"},
         "expectedCloseDate": "2027-03-31", "leadId": null, "campaignId": null, "state": "APPROVED",
         "protectedUntil": "2027-03-07T10:00:00Z", "protectionExtended": false, "reviewNote": null, "reason": null,
         "decidedBy": "manager", "decidedAt": "2026-12-07T10:00:00Z", "closedOn": null,
         "submittedAt": "2026-12-07T09:00:00Z", "updatedAt": "2026-12-07T10:00:00Z", "conflicts": []}""")
public record DealRegistrationResponse(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, format = "uuid") UUID partnerId,
        @Schema(required = true) String customerName,
        @Schema(required = true, description = "Normalised: lower case, without www., IDN as punycode") String customerDomain,
        @Schema(required = true) List<String> products,
        @Schema(required = true) Money amount,
        @Schema(required = true, format = "date") LocalDate expectedCloseDate,
        @Schema(nullable = true, format = "uuid") UUID leadId,
        @Schema(nullable = true, format = "uuid") UUID campaignId,
        @Schema(required = true) DealState state,
        @Schema(nullable = true, description = "Set once approved") Instant protectedUntil,
        @Schema(required = true, description = "Whether the one extension was used") boolean protectionExtended,
        @Schema(nullable = true, description = "The manager's request (ACTION_REQUIRED) or the partner's answer") String reviewNote,
        @Schema(nullable = true, description = "Why it was rejected or lost") String reason,
        @Schema(nullable = true) String decidedBy,
        @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true, format = "date") LocalDate closedOn,
        @Schema(required = true) Instant submittedAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "Other partners' registrations this one collides with while it is pending "
                + "review (empty once decided)") List<ConflictResponse> conflicts) {

    static DealRegistrationResponse of(DealRegistration d, List<ConflictResponse> conflicts) {
        return new DealRegistrationResponse(d.id, d.partnerId, d.customerName, d.customerDomain, d.productList(), d.money(),
                d.expectedCloseDate, d.leadId, d.campaignId, d.state, d.protectedUntil, d.extended, d.reviewNote, d.reason,
                d.decidedBy, d.decidedAt, d.closedOn, d.submittedAt, d.updatedAt, conflicts);
    }
}
