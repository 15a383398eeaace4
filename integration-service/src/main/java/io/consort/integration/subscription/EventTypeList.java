package io.consort.integration.subscription;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The event types a subscription can choose from. */
@Schema(name = "EventTypeList", example = """
        {"items": [{"name": "deal.won", "type": "consort.deal.won.v1"}]}""")
public record EventTypeList(@Schema(required = true) List<Entry> items) {

    @Schema(name = "EventTypeEntry", example = """
            {"name": "deal.won", "type": "consort.deal.won.v1"}""")
    public record Entry(
            @Schema(required = true, description = "What a subscription lists") String name,
            @Schema(required = true, description = "The CloudEvents type deliveries carry") String type) {
    }

    static EventTypeList catalogue() {
        return new EventTypeList(EventCatalogue.types().stream()
                .map(type -> new Entry(EventTypePattern.shortName(type), type)).toList());
    }
}
