package io.consort.chassis.outbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.chassis.events.TraceHeaders;
import io.consort.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Writes events to the {@code outbox} table in the caller's transaction; {@link OutboxRelay}
 * publishes them once that transaction has committed. A rolled-back transaction therefore
 * publishes nothing, and a committed one cannot lose its events to a crash.
 *
 * <h2>Why the relay sees each aggregate's events in commit order</h2>
 * The relay publishes unsent rows in {@code seq} order, and {@code seq} (a bigserial) is drawn at
 * insert time, not at commit time; two transactions can commit in the opposite order of their
 * sequence numbers. For events of <em>one</em> aggregate that cannot happen: before inserting,
 * {@link #emit} takes a transaction-scoped advisory lock on (aggregate type, aggregate id), held
 * until commit or rollback. A second writer of the same aggregate blocks on that lock until the
 * first has finished, so it draws its sequence number after the first transaction's rows are
 * committed and visible: per aggregate, seq order is commit order. (Writers of one aggregate
 * usually serialize on the aggregate's row or version anyway; the lock makes the guarantee hold
 * even for a caller that forgot, and for aggregates that are being created.) The pending entity
 * changes are flushed before the lock is taken so that a writer always takes the aggregate's row
 * lock first and the advisory lock second, the same order as every other writer. Events of
 * different aggregates have no order between transactions, as in Debezium's outbox pattern;
 * within one transaction they keep the order of the {@code emit} and {@code emitAll} calls.
 *
 * <h2>Traces</h2>
 * Each row keeps the trace context current when it is written ({@link TraceHeaders}: {@code traceparent},
 * {@code tracestate}) in its {@code headers} column, beside the CloudEvents headers, so the relay sets them
 * on the record as it sets those, whenever and from whichever instance it publishes; a consumer's inbox
 * continues the trace. No context current (no request, no consumed event), no trace headers.
 *
 * <h2>Bulk: {@link #emitAll}</h2>
 * An import of 100,000 records would write, and the relay read and mark sent, 100,000 outbox rows:
 * more database work than storing the records themselves. {@code emitAll} writes the events of one
 * call as batch rows of up to {@link #EVENTS_PER_ROW} events (layout in {@link OutboxMessage}); the
 * relay still publishes one record per event, in emission order. It takes no per-aggregate lock (a
 * transaction cannot hold thousands of them: PostgreSQL's lock table has room for
 * {@code max_locks_per_transaction} per connection), so it is for aggregates whose writers are ordered
 * otherwise: ones this transaction inserted (no other transaction sees them before it commits) or
 * holds the row lock of (updated, or read {@code FOR UPDATE}), so that a writer of the same aggregate
 * waits for this transaction's end before it draws its own sequence number.
 */
@ApplicationScoped
public class Outbox {

    /** First key of the per-aggregate ordering lock; the second is the hash of the aggregate. */
    static final int AGGREGATE_LOCK_CLASS = 0x4f42_0001;

    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, headers)
            select ?, ?, ?, ?, cast(? as json), cast(? as jsonb)
            from (select pg_advisory_xact_lock(?, hashtext(?))) ordering
            """;

    /**
     * Events per batch row. Large enough that per-row costs (insert, the relay's read and mark) vanish
     * beside the events', small enough that a row is a few hundred kilobytes and a failed publication
     * re-sends (consumers' inboxes drop the duplicates) at most this many events.
     */
    public static final int EVENTS_PER_ROW = 1_000;

    private static final String INSERT_BATCH = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, headers)
            values (?, ?, ?, ?, cast(? as json), cast(? as jsonb))
            """;
    /** The {@code aggregateid} of a batch row, which is about many aggregates. */
    static final String MANY_AGGREGATES = "*";

    /** One event of {@link #emitAll}: what {@link #emit} takes, but the type. */
    public record Emission<P>(UUID aggregateId, UUID partnerId, P payload) {
        public Emission {
            Objects.requireNonNull(aggregateId, "aggregateId");
            Objects.requireNonNull(payload, "payload");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "consort.service.name")
    String serviceName;

    /**
     * Records an event for publication after the current transaction commits.
     *
     * @param partnerId the partner the event is about, the record's key; {@code null} for an event
     *     about no partner, keyed by {@code aggregateId} instead
     * @return the event's id, its {@code ce_id}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID emit(EventType<P> type, UUID aggregateId, UUID partnerId, P payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.ceType() + " carries " + type.payloadType().getName()
                    + ", not " + payload.getClass().getName());
        }
        UUID id = UUID.randomUUID();
        CloudEventEnvelope envelope = CloudEventEnvelope.produce(id, serviceName, type.ceType(), aggregateId.toString());
        String key = OutboxMessage.keyFor(aggregateId, partnerId);
        String payloadJson;
        String headersJson;
        try {
            payloadJson = objectMapper.writeValueAsString(payload);
            Map<String, String> headers = OutboxMessage.headersColumn(envelope, type.topic(), key);
            headers.putAll(TraceHeaders.current());
            headersJson = objectMapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize the payload of " + type.ceType(), e);
        }
        String aggregateKey = type.aggregateType() + ':' + aggregateId;

        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, id);
                insert.setString(2, type.aggregateType());
                insert.setString(3, aggregateId.toString());
                insert.setString(4, type.ceType());
                insert.setObject(5, payloadJson, Types.VARCHAR);
                insert.setObject(6, headersJson, Types.VARCHAR);
                insert.setInt(7, AGGREGATE_LOCK_CLASS);
                insert.setString(8, aggregateKey);
                insert.executeUpdate();
            }
        });
        return id;
    }

    /**
     * Records events of one type for publication after the current transaction commits, as batch rows
     * (see the class comment for when the per-aggregate order holds without {@link #emit}'s lock).
     * Each event is published as its own record, exactly as {@link #emit} would publish it, in the
     * order of {@code events}.
     *
     * @return the events' ids, their {@code ce_id}s, in the order of {@code events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> List<UUID> emitAll(EventType<P> type, List<Emission<P>> events) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        for (Emission<P> event : events) {
            if (!type.payloadType().isInstance(event.payload())) {
                throw new IllegalArgumentException(type.ceType() + " carries " + type.payloadType().getName()
                        + ", not " + event.payload().getClass().getName());
            }
            ids.add(UUID.randomUUID());
        }
        List<String[]> rows = new ArrayList<>(events.size() / EVENTS_PER_ROW + 1);
        Map<String, String> trace = TraceHeaders.current();
        try {
            for (int from = 0; from < events.size(); from += EVENTS_PER_ROW) {
                int to = Math.min(events.size(), from + EVENTS_PER_ROW);
                CloudEventEnvelope shared = CloudEventEnvelope.produce(ids.get(from), serviceName, type.ceType(),
                        events.get(from).aggregateId().toString());
                Map<String, Object> headers = OutboxMessage.batchHeadersColumn(shared, type.topic(), to - from);
                headers.putAll(trace);
                rows.add(new String[] { batchPayload(type, events, ids, from, to), objectMapper.writeValueAsString(headers) });
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize the payloads of " + type.ceType(), e);
        }

        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_BATCH)) {
                for (String[] row : rows) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, type.aggregateType());
                    insert.setString(3, MANY_AGGREGATES);
                    insert.setString(4, type.ceType());
                    insert.setObject(5, row[0], Types.VARCHAR);
                    insert.setObject(6, row[1], Types.VARCHAR);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        return ids;
    }

    /**
     * The {@code payload} column of the batch row of {@code events[from, to)}: one JSON text, streamed
     * through one generator, the payloads by one writer that has looked up their serializer once.
     */
    private <P> String batchPayload(EventType<P> type, List<Emission<P>> events, List<UUID> ids, int from, int to)
            throws IOException {
        ObjectWriter payloads = objectMapper.writerFor(type.payloadType())
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        SegmentedStringWriter text = new SegmentedStringWriter(new BufferRecycler());
        try (JsonGenerator json = objectMapper.createGenerator(text)) {
            json.writeStartArray();
            for (int i = from; i < to; i++) {
                Emission<P> event = events.get(i);
                OutboxMessage.startBatchElement(json, ids.get(i), event.aggregateId().toString(),
                        OutboxMessage.keyFor(event.aggregateId(), event.partnerId()));
                payloads.writeValue(json, event.payload());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return text.getAndClear();
    }
}
