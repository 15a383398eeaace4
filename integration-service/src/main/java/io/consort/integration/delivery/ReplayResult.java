package io.consort.integration.delivery;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay queued. */
@Schema(name = "ReplayResult", example = """
        {"since": "2026-12-01T00:00:00Z", "queued": 42}""")
public record ReplayResult(
        @Schema(required = true, format = "date-time") Instant since,
        @Schema(required = true, minimum = "0", description = "Deliveries queued again or for the first time") int queued) {
}
