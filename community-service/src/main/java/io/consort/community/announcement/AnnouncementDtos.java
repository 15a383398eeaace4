package io.consort.community.announcement;

import io.consort.community.access.VisibilityRule;
import io.consort.community.support.Markdown;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the announcements API reads and writes. */
public final class AnnouncementDtos {

    private AnnouncementDtos() {
    }

    @Schema(name = "AnnouncementRequest", example = """
            {"title": "Q1 incentives are live", "body": "Gold partners earn **2x** rebates until March.",
             "visibility": {"minimumTier": "GOLD", "programIds": [], "regions": ["EMEA"]},
             "publishAt": "2026-12-01T08:00:00Z", "expiresAt": "2027-03-31T23:59:59Z"}""")
    public record AnnouncementRequest(
            @Schema(required = true, example = "Q1 incentives are live") @NotBlank @Size(max = 200) String title,
            @Schema(required = true, description = "Markdown", example = "Gold partners earn **2x** rebates until March.")
            @NotBlank @Size(max = 20000) String body,
            @Schema(nullable = true, description = "Who it targets; absent = every member") @Valid VisibilityRule visibility,
            @Schema(required = true, example = "2026-12-01T08:00:00Z") @NotNull Instant publishAt,
            @Schema(nullable = true, description = "After publishAt; absent = never expires", example = "2027-03-31T23:59:59Z")
            Instant expiresAt) {
    }

    @Schema(name = "Announcement", example = """
            {"id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "title": "Q1 incentives are live",
             "body": "Gold partners earn **2x** rebates until March.",
             "bodyHtml": "<p>Gold partners earn <strong>2x</strong> rebates until March.</p>",
             "visibility": {"minimumTier": "GOLD", "minimumTierRank": 2, "programIds": [], "regions": ["EMEA"]},
             "publishAt": "2026-12-01T08:00:00Z", "expiresAt": "2027-03-31T23:59:59Z", "current": true,
             "createdAt": "2026-11-28T08:00:00Z", "createdBy": "manager", "version": 0}""")
    public record AnnouncementView(
            @Schema(required = true, example = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f") UUID id,
            @Schema(required = true, example = "Q1 incentives are live") String title,
            @Schema(required = true, description = "Markdown as written", example = "Gold partners earn **2x** rebates.")
            String body,
            @Schema(required = true, description = "The Markdown rendered to sanitised HTML",
                    example = "<p>Gold partners earn <strong>2x</strong> rebates.</p>") String bodyHtml,
            @Schema(required = true) VisibilityRule visibility,
            @Schema(required = true, example = "2026-12-01T08:00:00Z") Instant publishAt,
            @Schema(nullable = true, example = "2027-03-31T23:59:59Z") Instant expiresAt,
            @Schema(required = true, description = "Published and not expired now", example = "true") boolean current,
            @Schema(required = true, example = "2026-11-28T08:00:00Z") Instant createdAt,
            @Schema(required = true, example = "manager") String createdBy,
            @Schema(required = true, description = "The version behind the ETag", example = "0") long version) {

        static AnnouncementView of(Announcement a, Instant now) {
            return new AnnouncementView(a.id, a.title, a.body, Markdown.toSafeHtml(a.body), VisibilityRule.of(a.visibility),
                    a.publishAt, a.expiresAt, a.currentAt(now), a.createdAt, a.createdBy, a.version);
        }
    }
}
