package io.consort.chassis.testhttp;

import java.time.OffsetDateTime;
import java.util.UUID;

public record WidgetDto(UUID id, UUID partnerId, String name, OffsetDateTime createdAt, long version) {
    static WidgetDto of(Widget w) {
        return new WidgetDto(w.id, w.partnerId, w.name, w.createdAt, w.version);
    }
}
