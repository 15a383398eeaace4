package io.consort.campaign.deal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConflictCheckResponse", examples = "{\"customerDomain\": \"example.com\", \"conflicts\": []}")
public record ConflictCheckResponse(
        @Schema(required = true, description = "The domain as compared (normalised)") String customerDomain,
        @Schema(required = true) List<ConflictResponse> conflicts) {
}
