package io.consort.campaign.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One piece of a campaign's material, with merge fields written {@code {{partner.name}}} (see
 * {@link MergeFields#KNOWN}); the text and HTML bodies are rendered for each enrolled partner.
 */
@Schema(name = "CampaignAsset", description = "A campaign asset with merge fields such as {{partner.name}}", examples = """
        {"name":"Invitation e-mail","subject":"{{partner.name}} invites you to the cloud day",
         "text":"Register at {{trackedLink}} - {{partner.name}}, {{partner.contactEmail}}",
         "html":"<p><img src=\\"{{partner.logoUrl}}\\"> <a href=\\"{{trackedLink}}\\">Register</a> - {{partner.name}}</p>"}""")
public record Asset(
        @Schema(required = true, maxLength = 100) @NotBlank @Size(max = 100) String name,
        @Schema(nullable = true, maxLength = 300) @Size(max = 300) String subject,
        @Schema(nullable = true, maxLength = 20000) @Size(max = 20000) String text,
        @Schema(nullable = true, maxLength = 100000) @Size(max = 100000) String html) {
}
