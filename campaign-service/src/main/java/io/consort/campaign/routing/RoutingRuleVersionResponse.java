package io.consort.campaign.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a routing rule, as it was. */
@Schema(name = "RoutingRuleVersion", description = "A past or current version of a routing rule", examples = """
        {"version":1,"changedBy":"manager","changedAt":"2026-12-01T10:00:00Z","rule":{"name":"EMEA cloud leads"}}""")
public record RoutingRuleVersionResponse(
        @Schema(required = true) long version,
        @Schema(required = true) String changedBy,
        @Schema(required = true, format = "date-time") Instant changedAt,
        @Schema(required = true, description = "the rule as it read in this version", implementation = RoutingRuleResponse.class) JsonNode rule) {
}
