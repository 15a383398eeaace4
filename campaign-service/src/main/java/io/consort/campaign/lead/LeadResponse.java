package io.consort.campaign.lead;

import io.consort.contracts.events.LeadCreated;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead as the API shows it; a partner sees the contact only once it accepted the lead. */
@Schema(name = "Lead", description = "A lead and its current offer", examples = """
        {"id":"2b1e0c1a-3f4d-4e5a-8b6c-7d8e9f0a1b2c","version":2,"state":"OFFERED","source":"VENDOR","campaignId":null,
         "attributedPartnerId":null,"externalSystem":null,"externalId":null,"company":"Acme Retail GmbH","region":"EMEA",
         "specialisation":"cloud","need":"POS to the cloud","contactHidden":true,"contact":null,
         "partnerId":"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d","offeredAt":"2026-12-07T10:00:00Z",
         "acceptBy":"2026-12-09T10:00:00Z","attempt":1,"outcomeReason":null,"dealId":null,
         "createdAt":"2026-12-07T10:00:00Z","updatedAt":"2026-12-07T10:00:00Z"}""")
public record LeadResponse(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, description = "ETag") long version,
        @Schema(required = true) LeadState state,
        @Schema(required = true) LeadCreated.Source source,
        @Schema(format = "uuid", nullable = true) UUID campaignId,
        @Schema(format = "uuid", nullable = true, description = "the partner whose tracked link brought the lead") UUID attributedPartnerId,
        @Schema(nullable = true) String externalSystem,
        @Schema(nullable = true) String externalId,
        @Schema(required = true) String company,
        @Schema(nullable = true) String region,
        @Schema(nullable = true) String specialisation,
        @Schema(nullable = true) String need,
        @Schema(required = true, description = "true when the contact is withheld (a partner before accepting)") boolean contactHidden,
        @Schema(nullable = true) Contact contact,
        @Schema(format = "uuid", nullable = true, description = "the partner it is offered to or accepted by") UUID partnerId,
        @Schema(format = "date-time", nullable = true) Instant offeredAt,
        @Schema(format = "date-time", nullable = true) Instant acceptBy,
        @Schema(required = true, description = "offers made so far", minimum = "0") int attempt,
        @Schema(nullable = true, description = "the last decline's or the loss's reason") String outcomeReason,
        @Schema(format = "uuid", nullable = true) UUID dealId,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt) {

    @Schema(name = "LeadContact", description = "Who to talk to", examples = """
            {"name":"Jana Novak","email":"jana.novak@acme-retail.example","phone":"+49 30 1234567"}""")
    public record Contact(@Schema(nullable = true) String name, @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone) {
    }

    /** {@code partnerView}: the caller is partner-side, who sees the contact only after accepting. */
    public static LeadResponse from(Lead lead, boolean partnerView) {
        boolean hidden = partnerView && !lead.state.revealsContact();
        return new LeadResponse(lead.id, lead.version, lead.state, lead.source, lead.campaignId,
                partnerView ? null : lead.refPartnerId, lead.externalSystem, lead.externalId, lead.company,
                lead.region, lead.specialisation, lead.need, hidden,
                hidden ? null : new Contact(lead.contactName, lead.contactEmail, lead.contactPhone), lead.partnerId,
                lead.offeredAt, lead.acceptBy, lead.attempt, lead.outcomeReason, lead.dealId, lead.createdAt,
                lead.updatedAt);
    }
}
