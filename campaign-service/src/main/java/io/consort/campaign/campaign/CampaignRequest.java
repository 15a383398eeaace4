package io.consort.campaign.campaign;

import io.consort.campaign.support.MoneyAmount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign as the vendor writes it (create, and whole replacement while it is a draft). */
@Schema(name = "CampaignRequest", description = "A through-channel campaign", examples = """
        {"name":"Q1 cloud day","description":"Invite retailers to the cloud day","channels":["EMAIL","WEB"],
         "startsAt":"2027-01-10T08:00:00Z","endsAt":"2027-03-31T22:00:00Z",
         "targeting":{"tiers":[],"minTierRank":1,"programIds":[],"regions":["EMEA"],"specialisations":["cloud"]},
         "budget":{"amount":"25000.00","currency":"EUR"},"landingUrl":"https://www.example.com/cloud-day",
         "assets":[{"name":"Invitation","subject":"{{partner.name}} invites you","text":"Register: {{trackedLink}}",
         "html":"<p>Register <a href=\\"{{trackedLink}}\\">here</a>, {{partner.name}}</p>"}]}""")
public record CampaignRequest(
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String name,
        @Schema(nullable = true, maxLength = 2000) @Size(max = 2000) String description,
        @Schema(description = "where partners run it") @Size(max = 10) List<@NotNull Channel> channels,
        @Schema(format = "date-time", nullable = true) Instant startsAt,
        @Schema(format = "date-time", nullable = true) Instant endsAt,
        @Schema(nullable = true, description = "who may enrol; absent: every active partner") @Valid Targeting targeting,
        @Schema(nullable = true) @Valid MoneyAmount budget,
        @Schema(required = true, maxLength = 2000, description = "where tracked links lead (http or https)")
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+") String landingUrl,
        @Schema(required = true) @NotNull @Size(max = 20) List<@Valid @NotNull Asset> assets) {

    /** Channels a campaign runs in. */
    public enum Channel {
        EMAIL,
        SOCIAL,
        WEB,
        EVENT,
        PAID_MEDIA
    }

    /** Targeting: each non-empty list must match; empty lists do not limit. */
    @Schema(name = "CampaignTargeting", description = "Who may enrol", examples = """
            {"tiers":["GOLD","PLATINUM"],"minTierRank":null,"programIds":[],"regions":["EMEA"],"specialisations":["cloud"]}""")
    public record Targeting(
            @Schema(description = "tier names; empty: any") @Size(max = 20) List<@NotBlank @Size(max = 40) String> tiers,
            @Schema(nullable = true, description = "lowest tier rank (0 = entry tier)", minimum = "0", maximum = "100")
            @Min(0) @Max(100) Integer minTierRank,
            @Schema(description = "programs; empty: any") @Size(max = 50) List<@NotNull UUID> programIds,
            @Schema(description = "regions; empty: any") @Size(max = 50) List<@NotBlank @Size(max = 60) String> regions,
            @Schema(description = "specialisations, any of; empty: any") @Size(max = 50)
            List<@NotBlank @Size(max = 100) String> specialisations) {
    }
}
