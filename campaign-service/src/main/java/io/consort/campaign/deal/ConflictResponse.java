package io.consort.campaign.deal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DealConflict", description = "Another partner's registration this one collides with. A partner-side "
        + "caller learns the rule, the products and when the other claim ends, never who holds it.",
        examples = """
                {"rule": "APPROVED_PROTECTION", "explanation": "another partner's approved registration protects this customer and product",
                 "products": ["ANALYTICS-PRO"], "endsAt": "2027-03-07T10:00:00Z", "dealId": null, "partnerId": null, "state": null}""")
public record ConflictResponse(
        @Schema(required = true) ConflictRule rule,
        @Schema(required = true) String explanation,
        @Schema(required = true, description = "The products both registrations name") List<String> products,
        @Schema(required = true, description = "When the other registration's protection (or, pending, its claim) ends")
        Instant endsAt,
        @Schema(nullable = true, format = "uuid", description = "The other registration: vendor-side callers only") UUID dealId,
        @Schema(nullable = true, format = "uuid", description = "Its partner: vendor-side callers only") UUID partnerId,
        @Schema(nullable = true, description = "Its state: vendor-side callers only") DealState state) {

    static ConflictResponse of(ChannelConflicts.Conflict c, boolean vendorSide) {
        return new ConflictResponse(c.rule(), c.rule().explanation(), c.products(), c.endsAt(),
                vendorSide ? c.other().dealId() : null, vendorSide ? c.other().partnerId() : null,
                vendorSide ? c.other().state() : null);
    }
}
