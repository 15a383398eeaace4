package io.consort.community.space;

import io.consort.community.access.VisibilityRule;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A space as the API shows it. */
@Schema(name = "Space", example = """
        {"id": "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c", "name": "Gold lounge",
         "description": "Roadmap previews for Gold partners and above", "kind": "TIER",
         "visibility": {"minimumTier": "GOLD", "minimumTierRank": 2, "programIds": [], "regions": []},
         "createdAt": "2026-11-02T09:30:00Z", "createdBy": "manager", "version": 0}""")
public record SpaceView(
        @Schema(required = true, example = "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c") UUID id,
        @Schema(required = true, example = "Gold lounge") String name,
        @Schema(nullable = true, example = "Roadmap previews for Gold partners and above") String description,
        @Schema(required = true, example = "TIER") SpaceKind kind,
        @Schema(required = true) VisibilityRule visibility,
        @Schema(required = true, example = "2026-11-02T09:30:00Z") Instant createdAt,
        @Schema(required = true, example = "manager") String createdBy,
        @Schema(required = true, description = "The version behind the ETag", example = "0") long version) {

    static SpaceView of(Space s) {
        return new SpaceView(s.id, s.name, s.description, s.kind, VisibilityRule.of(s.visibility), s.createdAt,
                s.createdBy, s.version);
    }
}
