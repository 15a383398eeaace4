package io.consort.chassis.testapp;

import io.consort.contracts.EventType;
import io.consort.contracts.Topics;
import java.util.UUID;

/** Payload of the test event: which aggregate, and its counter in the transaction that emitted it. */
public record Probe(UUID aggregateId, int counter, String note) {

    public static final EventType<Probe> RECORDED =
            new EventType<>(Topics.PARTNERS, "probe", "consort.probe.recorded.v1", Probe.class);
}
