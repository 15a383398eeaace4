package io.consort.recruitment.partner;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the change feed. Unlike a list page its {@code nextCursor} is never null: it is where to
 * continue, now or later, and stays the same until a newer change commits.
 */
@Schema(name = "PartnerChangePage", example = """
        {"items": [{"sequence": 1042, "cursor": "748213.1042", "partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "operation": "UPDATED",
                    "state": "ACTIVE", "version": 4, "origin": "crm-sync", "changedAt": "2026-02-01T09:30:00Z",
                    "partner": null}],
         "nextCursor": "748213.1042", "hasMore": false}""")
public record PartnerChangePage(
        List<PartnerChangeResponse> items,
        @Schema(description = "Pass as since to read on", example = "748213.1042") String nextCursor,
        @Schema(description = "Whether more changes follow already", example = "false") boolean hasMore) {
}
