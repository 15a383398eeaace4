package io.consort.performance.fact;

import io.consort.contracts.EventType;
import io.consort.contracts.EventTypes;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of partner facts performance keeps, one per event type it learns from. */
public enum FactKind {
    APPLICATION_APPROVED(EventTypes.APPLICATION_APPROVED),
    ONBOARDING_STARTED(EventTypes.PARTNER_ONBOARDING_STARTED);

    private final EventType<?> source;

    FactKind(EventType<?> source) {
        this.source = source;
    }

    public EventType<?> source() {
        return source;
    }

    public static Optional<FactKind> of(String ceType) {
        return Arrays.stream(values()).filter(k -> k.source.ceType().equals(ceType)).findFirst();
    }
}
