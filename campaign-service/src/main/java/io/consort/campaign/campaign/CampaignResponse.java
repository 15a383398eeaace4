package io.consort.campaign.campaign;

import io.consort.campaign.support.MoneyAmount;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign as the API shows it. */
@Schema(name = "Campaign", description = "A through-channel campaign and its state", examples = """
        {"id":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f","version":1,"state":"PUBLISHED","name":"Q1 cloud day",
         "description":null,"channels":["EMAIL"],"startsAt":null,"endsAt":null,
         "targeting":{"tiers":[],"minTierRank":1,"programIds":[],"regions":["EMEA"],"specialisations":[]},
         "budget":{"amount":"25000.00","currency":"EUR"},"landingUrl":"https://www.example.com/cloud-day",
         "assets":[{"name":"Invitation","subject":"Hi","text":"{{trackedLink}}","html":null}],
         "publishedAt":"2026-12-07T10:00:00Z","createdAt":"2026-12-06T10:00:00Z","updatedAt":"2026-12-07T10:00:00Z"}""")
public record CampaignResponse(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, description = "ETag") long version,
        @Schema(required = true) CampaignState state,
        @Schema(required = true) String name,
        @Schema(nullable = true) String description,
        @Schema(required = true) List<String> channels,
        @Schema(format = "date-time", nullable = true) Instant startsAt,
        @Schema(format = "date-time", nullable = true) Instant endsAt,
        @Schema(required = true) CampaignRequest.Targeting targeting,
        @Schema(nullable = true) MoneyAmount budget,
        @Schema(required = true) String landingUrl,
        @Schema(required = true) List<Asset> assets,
        @Schema(format = "date-time", nullable = true) Instant publishedAt,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt) {

    static CampaignResponse from(Campaign c) {
        return new CampaignResponse(c.id, c.version, c.state, c.name, c.description, List.copyOf(c.channels), c.startsAt,
                c.endsAt, new CampaignRequest.Targeting(List.copyOf(c.targetTiers), c.targetMinTierRank,
                        List.copyOf(c.targetProgramIds), List.copyOf(c.targetRegions), List.copyOf(c.targetSpecialisations)),
                MoneyAmount.of(c.budgetAmount, c.budgetCurrency), c.landingUrl, List.copyOf(c.assets), c.publishedAt,
                c.createdAt, c.updatedAt);
    }
}
