package io.consort.contracts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One event type of the catalogue: the topic it travels on, the aggregate it is about and its
 * CloudEvents type ({@code consort.<entity>.<fact>.v<N>}), and the Java record of its payload.
 */
public record EventType<P>(String topic, String aggregateType, String ceType, Class<P> payloadType) {

    private static final Pattern CE_TYPE = Pattern.compile("consort\\.[a-z-]+\\.[a-z-]+\\.v[1-9][0-9]*");

    public EventType {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!CE_TYPE.matcher(ceType).matches()) {
            throw new IllegalArgumentException("not a consort event type: " + ceType);
        }
    }

    /** The catalogue name of events.md, e.g. {@code application.approved}. */
    public String catalogueName() {
        String withoutPrefix = ceType.substring("consort.".length());
        return withoutPrefix.substring(0, withoutPrefix.lastIndexOf(".v"));
    }

    /** The version suffix, e.g. 1 for {@code .v1}. */
    public int version() {
        return Integer.parseInt(ceType.substring(ceType.lastIndexOf(".v") + 2));
    }
}
