package io.consort.chassis.events;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace context an event carries across Kafka: W3C Trace Context's {@code traceparent} (and
 * {@code tracestate} when there is one) as plain record headers, which is the CloudEvents
 * distributed-tracing extension's {@code traceparent}/{@code tracestate} carried the way its spec asks
 * where the transport has its own tracing headers, and what OpenTelemetry's Kafka instrumentation (and
 * SmallRye's connector) read and write.
 *
 * <p>The outbox keeps {@link #current()} with each row (in its {@code headers} column, which the relay
 * turns into record headers as it does the {@code ce_*} ones); the inbox {@link #extract}s it and runs
 * the effect in a span that continues the trace. The W3C format is fixed here rather than taken from the
 * configured propagators: it is part of the event contract (events.md), not a deployment choice. With
 * the OpenTelemetry SDK disabled (the default outside a cluster) no span is exported, but the context
 * still passes through.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            Header header = carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceHeaders() {
    }

    /** The current span's context as headers; empty when there is no valid span (nothing to continue). */
    public static Map<String, String> current() {
        Map<String, String> headers = new LinkedHashMap<>(2);
        W3C.inject(Context.current(), headers, Map::put);
        return headers;
    }

    /** {@code base} with the span context of {@code headers} as its parent span, or {@code base} if they carry none (or a malformed one). */
    public static Context extract(Context base, Headers headers) {
        return W3C.extract(base, headers, KAFKA_HEADERS);
    }
}
