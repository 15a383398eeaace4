package io.consort.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.events.TraceHeaders;
import io.consort.chassis.testapp.ProbeWriter;
import io.consort.chassis.testapp.TopicReader;
import io.consort.contracts.Topics;
import io.debezium.data.Envelope;
import io.debezium.data.Json;
import io.debezium.data.Uuid;
import io.debezium.time.ZonedTimestamp;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The promise that Debezium can replace the in-process relay without changing a service: rows written by
 * {@link Outbox#emit} and {@link Outbox#emitAll} are run through Debezium's outbox event router with the
 * settings of {@code debezium/outbox-event-router.properties} (the ones docs/events.md gives), as change
 * events built from the rows the way Debezium's PostgreSQL connector builds them (its column types, its
 * envelope), then through the connector's converters; each comes out as the record the relay published
 * for that row: same topic, key, value and headers.
 *
 * <p>No Kafka Connect worker or replication slot (the test server runs {@code wal_level=replica}); what
 * the connector adds on its own, the record's timestamp (the commit's rather than the send's) and its
 * partition (Kafka's default partitioner on the same key either way), is not compared.
 */
@QuarkusTest
class OutboxDebeziumSwapTest {

    private static final String SETTINGS = "/debezium/outbox-event-router.properties";

    @Inject
    ProbeWriter writer;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theEventRouterMakesTheRelaysRecordsOfEveryRow() throws Exception {
        UUID single = UUID.randomUUID();
        UUID traced = UUID.randomUUID();
        List<UUID> bulk = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> all = new ArrayList<>(bulk);
        all.add(single);
        all.add(traced);
        writer.createAll(all);
        UUID partner = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        List<UUID> tracedIds = new ArrayList<>();
        Map<UUID, ConsumerRecord<String, String>> published = new HashMap<>();
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            ids.add(writer.record(single, partner, "emit, keyed by the partner"));
            ids.add(writer.record(single, null, "emit, keyed by the aggregate"));
            ids.addAll(writer.recordAll(bulk, Map.of(bulk.get(0), partner), "emitAll"));
            SpanContext caller = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736",
                    "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.builder().put("consort", "t1").build());
            try (Scope scope = Context.root().with(Span.wrap(caller)).makeCurrent()) {
                tracedIds.add(writer.record(traced, partner, "emit in a trace"));
                tracedIds.addAll(writer.recordAll(List.of(traced, single), Map.of(), "emitAll in a trace"));
            }
            ids.addAll(tracedIds);
            reader.readUntil(r -> ids.stream().allMatch(id -> OutboxRelayTest.find(id, r) != null), Duration.ofSeconds(30))
                    .forEach(r -> published.put(OutboxRelayTest.ceId(r), r));
        }

        Router router = Router.load(SETTINGS);
        try {
            for (Map<String, Object> row : rows(ids)) {
                UUID id = UUID.fromString((String) row.get("id"));
                ConsumerRecord<String, String> relayed = published.get(id);
                assertNotNull(relayed, "the relay published " + id);
                Routed routed = router.route(changeEvent(row));

                assertEquals(relayed.topic(), routed.topic(), "topic of " + id);
                assertEquals(relayed.key(), routed.key(), "key of " + id);
                assertEquals(relayed.value(), routed.value(), "value of " + id);
                Map<String, String> relayHeaders = OutboxRelayTest.headers(relayed);
                // A row without a trace has null trace columns: the router sets those headers without a
                // value, which every reader of them (TraceHeaders, CloudEventEnvelope) takes as absent.
                Map<String, String> routedHeaders = new LinkedHashMap<>(routed.headers());
                if (!tracedIds.contains(id)) {
                    assertNull(routedHeaders.remove(TraceHeaders.TRACEPARENT));
                    assertNull(routedHeaders.remove(TraceHeaders.TRACESTATE));
                } else {
                    assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                            relayHeaders.get(TraceHeaders.TRACEPARENT));
                    assertEquals("consort=t1", relayHeaders.get(TraceHeaders.TRACESTATE));
                }
                assertTrue(routedHeaders.values().stream().allMatch(v -> v != null), routedHeaders.toString());
                assertEquals(relayHeaders, routedHeaders, "headers of " + id);
                assertEquals(relayed.headers().toArray().length, routedHeaders.size(), "no header twice: " + id);
            }
        } finally {
            router.close();
        }
    }

    /** The outbox rows of {@code ids}, every column as text (as the connector reads them), in seq order. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(List<UUID> ids) {
        List<Object[]> found = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select id::text, seq, aggregatetype, aggregateid, type, payload::text, headers::text,
                       to_char(created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       topic, key, ce_specversion, ce_source, ce_time, traceparent, tracestate
                from outbox where id = any(cast(:ids as uuid[])) order by seq""")
                .setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList());
        assertEquals(ids.size(), found.size(), "one row per event");
        String[] names = { "id", "seq", "aggregatetype", "aggregateid", "type", "payload", "headers", "created_at",
                "topic", "key", "ce_specversion", "ce_source", "ce_time", "traceparent", "tracestate" };
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] values : found) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], values[i] instanceof Number n ? n.longValue() : values[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The outbox table as Debezium's PostgreSQL connector types it (uuid, json, timestamptz: semantic strings). */
    private static final Schema ROW = SchemaBuilder.struct().name("consort.public.outbox.Value")
            .field("id", Uuid.builder().build())
            .field("seq", Schema.INT64_SCHEMA)
            .field("aggregatetype", Schema.STRING_SCHEMA)
            .field("aggregateid", Schema.STRING_SCHEMA)
            .field("type", Schema.STRING_SCHEMA)
            .field("payload", Json.builder().build())
            .field("headers", Json.builder().build())
            .field("created_at", ZonedTimestamp.builder().build())
            .field("sent_at", ZonedTimestamp.builder().optional().build())
            .field("parked_at", ZonedTimestamp.builder().optional().build())
            .field("park_reason", Schema.OPTIONAL_STRING_SCHEMA)
            .field("topic", Schema.OPTIONAL_STRING_SCHEMA)
            .field("key", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ce_specversion", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ce_source", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ce_time", Schema.OPTIONAL_STRING_SCHEMA)
            .field("traceparent", Schema.OPTIONAL_STRING_SCHEMA)
            .field("tracestate", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .build();

    private static final Envelope ENVELOPE = Envelope.defineSchema().withName("consort.public.outbox.Envelope")
            .withRecord(ROW).withSource(SOURCE).build();

    private static final Schema ROW_KEY = SchemaBuilder.struct().name("consort.public.outbox.Key")
            .field("id", Uuid.builder().build()).build();

    /** The insert of {@code row} as the connector emits it: key the primary key, value an "after"-only envelope, op "c". */
    private static SourceRecord changeEvent(Map<String, Object> row) {
        Struct after = new Struct(ROW);
        row.forEach(after::put);
        Instant now = Instant.now();
        Struct source = new Struct(SOURCE).put("connector", "postgresql").put("name", "consort")
                .put("ts_ms", now.toEpochMilli()).put("db", "chassis").put("schema", "public").put("table", "outbox");
        Struct key = new Struct(ROW_KEY).put("id", row.get("id"));
        return new SourceRecord(Map.of("server", "consort"), Map.of("lsn", 1L), "consort.public.outbox", null,
                ROW_KEY, key, ENVELOPE.schema(), ENVELOPE.create(after, source, now));
    }

    private record Routed(String topic, String key, String value, Map<String, String> headers) {
    }

    /** The settings' transform chain and converters, as a Connect worker would instantiate and apply them. */
    private record Router(List<Transformation<SourceRecord>> transforms, Converter keys, Converter values,
            HeaderConverter headers) {

        @SuppressWarnings("unchecked")
        static Router load(String resource) throws IOException, ReflectiveOperationException {
            Properties settings = new Properties();
            try (InputStream in = OutboxDebeziumSwapTest.class.getResourceAsStream(resource)) {
                settings.load(in);
            }
            List<Transformation<SourceRecord>> chain = new ArrayList<>();
            for (String name : settings.getProperty("transforms").split(",")) {
                String prefix = "transforms." + name.trim() + ".";
                Transformation<SourceRecord> transform = (Transformation<SourceRecord>) instance(
                        settings.getProperty(prefix + "type"));
                transform.configure(withPrefix(settings, prefix));
                chain.add(transform);
            }
            Converter keys = (Converter) instance(settings.getProperty("key.converter"));
            keys.configure(withPrefix(settings, "key.converter."), true);
            Converter values = (Converter) instance(settings.getProperty("value.converter"));
            values.configure(withPrefix(settings, "value.converter."), false);
            HeaderConverter headers = (HeaderConverter) instance(settings.getProperty("header.converter"));
            headers.configure(withPrefix(settings, "header.converter."));
            return new Router(chain, keys, values, headers);
        }

        Routed route(SourceRecord record) {
            for (Transformation<SourceRecord> transform : transforms) {
                record = transform.apply(record);
                assertNotNull(record, "a transform dropped the record");
            }
            String topic = record.topic();
            byte[] key = keys.fromConnectData(topic, record.keySchema(), record.key());
            byte[] value = values.fromConnectData(topic, record.valueSchema(), record.value());
            Map<String, String> routedHeaders = new LinkedHashMap<>();
            for (org.apache.kafka.connect.header.Header header : record.headers()) {
                byte[] bytes = headers.fromConnectHeader(topic, header.key(), header.schema(), header.value());
                routedHeaders.put(header.key(), bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
            }
            return new Routed(topic, key == null ? null : new String(key, StandardCharsets.UTF_8),
                    value == null ? null : new String(value, StandardCharsets.UTF_8), routedHeaders);
        }

        void close() throws IOException {
            for (Transformation<SourceRecord> transform : transforms) {
                transform.close();
            }
            keys.close();
            values.close();
            headers.close();
        }

        private static Object instance(String className) throws ReflectiveOperationException {
            return Class.forName(className).getDeclaredConstructor().newInstance();
        }

        private static Map<String, Object> withPrefix(Properties settings, String prefix) {
            Map<String, Object> config = new HashMap<>();
            for (String name : settings.stringPropertyNames()) {
                if (name.startsWith(prefix) && !name.equals(prefix + "type")) {
                    config.put(name.substring(prefix.length()), settings.getProperty(name));
                }
            }
            return config;
        }
    }
}
