package io.consort.community.library;

import io.consort.community.access.VisibilityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the resource library API reads and writes. */
public final class LibraryDtos {

    static final String HTTP_URL = "^https?://\\S+$";

    private LibraryDtos() {
    }

    @Schema(name = "ResourceRequest", example = """
            {"title": "Pricing guide 2027", "description": "List prices and partner discounts", "kind": "DOCUMENT",
             "tags": ["pricing", "sales"], "visibility": {"minimumTier": "SILVER", "programIds": [], "regions": ["EMEA"]},
             "terms": "Confidential: do not share outside your organisation.",
             "content": {"url": "https://files.example.com/pricing-2027.pdf", "text": null, "note": "First edition"}}""")
    public record ResourceRequest(
            @Schema(required = true, example = "Pricing guide 2027") @NotBlank @Size(max = 200) String title,
            @Schema(nullable = true, example = "List prices and partner discounts") @Size(max = 4000) String description,
            @Schema(required = true, example = "DOCUMENT") @NotNull ResourceKind kind,
            @Schema(nullable = true, example = "[\"pricing\", \"sales\"]") @Size(max = 30)
            List<@NotBlank @Size(max = 40) String> tags,
            @Schema(nullable = true, description = "Who sees it; absent = every member") @Valid VisibilityRule visibility,
            @Schema(nullable = true, description = "Terms a person accepts before opening it; absent = none",
                    example = "Confidential: do not share outside your organisation.") @Size(max = 10000) String terms,
            @Schema(required = true, description = "The first version's content") @Valid @NotNull VersionRequest content) {
    }

    @Schema(name = "ResourceUpdate", example = """
            {"title": "Pricing guide 2027", "description": "List prices and partner discounts", "kind": "DOCUMENT",
             "tags": ["pricing"], "visibility": {"minimumTier": "GOLD", "programIds": [], "regions": []}, "terms": null}""")
    public record ResourceUpdate(
            @Schema(required = true, example = "Pricing guide 2027") @NotBlank @Size(max = 200) String title,
            @Schema(nullable = true, example = "List prices and partner discounts") @Size(max = 4000) String description,
            @Schema(required = true, example = "DOCUMENT") @NotNull ResourceKind kind,
            @Schema(nullable = true, example = "[\"pricing\"]") @Size(max = 30) List<@NotBlank @Size(max = 40) String> tags,
            @Schema(nullable = true) @Valid VisibilityRule visibility,
            @Schema(nullable = true, example = "Confidential.") @Size(max = 10000) String terms) {
    }

    @Schema(name = "ResourceVersionRequest", description = "A link (http/https) for every kind but TEXT, which carries text",
            example = """
                    {"url": "https://files.example.com/pricing-2027-v2.pdf", "text": null, "note": "Q2 prices"}""")
    public record VersionRequest(
            @Schema(nullable = true, example = "https://files.example.com/pricing-2027-v2.pdf")
            @Size(max = 2000) @Pattern(regexp = HTTP_URL, message = "must be an http or https URL") String url,
            @Schema(nullable = true, description = "Markdown, for TEXT resources", example = "## Pricing\\n...")
            @Size(max = 100000) String text,
            @Schema(nullable = true, example = "Q2 prices") @Size(max = 500) String note) {
    }

    @Schema(name = "Resource", example = """
            {"id": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "title": "Pricing guide 2027",
             "description": "List prices and partner discounts", "kind": "DOCUMENT", "tags": ["pricing", "sales"],
             "visibility": {"minimumTier": "SILVER", "minimumTierRank": 1, "programIds": [], "regions": ["EMEA"]},
             "termsRequired": true, "terms": "Confidential.", "termsAcceptedByMe": false, "currentVersion": 2,
             "createdAt": "2026-11-02T09:30:00Z", "updatedAt": "2026-11-20T09:30:00Z", "version": 3}""")
    public record ResourceView(
            @Schema(required = true, example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a") UUID id,
            @Schema(required = true, example = "Pricing guide 2027") String title,
            @Schema(nullable = true, example = "List prices and partner discounts") String description,
            @Schema(required = true, example = "DOCUMENT") ResourceKind kind,
            @Schema(required = true, example = "[\"pricing\", \"sales\"]") List<String> tags,
            @Schema(required = true) VisibilityRule visibility,
            @Schema(required = true, example = "true") boolean termsRequired,
            @Schema(nullable = true, example = "Confidential.") String terms,
            @Schema(required = true, description = "Whether the caller accepted the terms", example = "false")
            boolean termsAcceptedByMe,
            @Schema(required = true, description = "The version members open", example = "2") int currentVersion,
            @Schema(required = true, example = "2026-11-02T09:30:00Z") Instant createdAt,
            @Schema(required = true, example = "2026-11-20T09:30:00Z") Instant updatedAt,
            @Schema(required = true, description = "The version behind the ETag", example = "3") long version) {
    }

    @Schema(name = "ResourceVersion", example = """
            {"resourceId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "number": 2, "title": "Pricing guide 2027",
             "url": "https://files.example.com/pricing-2027-v2.pdf", "text": null, "textHtml": null, "note": "Q2 prices",
             "current": true, "createdAt": "2026-11-20T09:30:00Z", "createdBy": "manager"}""")
    public record VersionView(
            @Schema(required = true, example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a") UUID resourceId,
            @Schema(required = true, example = "2") int number,
            @Schema(required = true, example = "Pricing guide 2027") String title,
            @Schema(nullable = true, example = "https://files.example.com/pricing-2027-v2.pdf") String url,
            @Schema(nullable = true, description = "Markdown as written", example = "## Pricing") String text,
            @Schema(nullable = true, description = "The text rendered to sanitised HTML", example = "<h2>Pricing</h2>")
            String textHtml,
            @Schema(nullable = true, example = "Q2 prices") String note,
            @Schema(required = true, example = "true") boolean current,
            @Schema(required = true, example = "2026-11-20T09:30:00Z") Instant createdAt,
            @Schema(required = true, example = "manager") String createdBy) {
    }

    @Schema(name = "TermsAcceptance", example = """
            {"resourceId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "userId": "ada", "acceptedAt": "2026-11-20T09:30:00Z"}""")
    public record TermsAcceptanceView(
            @Schema(required = true, example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a") UUID resourceId,
            @Schema(required = true, example = "ada") String userId,
            @Schema(required = true, example = "2026-11-20T09:30:00Z") Instant acceptedAt) {
    }
}
