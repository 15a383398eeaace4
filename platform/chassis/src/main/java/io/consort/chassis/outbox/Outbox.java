package io.consort.chassis.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.chassis.events.CloudEvents;
import io.consort.chassis.events.TraceHeaders;
import io.consort.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * <h2>One row per event, in Debezium's shape</h2>
 * Every event is one row: {@code id} (= {@code ce_id}), {@code aggregatetype}, {@code aggregateid}
 * (= {@code ce_subject}), {@code type} (= {@code ce_type}), {@code payload}, and in columns of their own
 * what Debezium's outbox event router routes by and sets as headers: {@code topic}, {@code key},
 * {@code ce_specversion}, {@code ce_source}, {@code ce_time}, {@code traceparent}, {@code tracestate}. The {@code headers}
 * column holds the same headers, routing key and topic as one JSON object: that is what the in-process
 * relay reads (and relays of earlier releases, during a rolling deploy). So the relay can be replaced by
 * Debezium without changing a service; {@code OutboxDebeziumSwapTest} proves that the router, with the
 * settings of docs/events.md, makes the same records of these rows as the relay.
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
 * {@code tracestate}), so the relay sets them on the record as it sets the CloudEvents headers,
 * whenever and from whichever instance it publishes; a consumer's inbox continues the trace. No context
 * current (no request, no consumed event), no trace headers.
 *
 * <h2>Bulk: {@link #emitAll}</h2>
 * {@code emitAll} writes the events of one call as rows like {@link #emit}'s, many at a time: one
 * {@code INSERT ... SELECT FROM unnest(arrays)} per {@link #ROWS_PER_STATEMENT} events, so 100,000
 * events cost a handful of statements, not 100,000 round trips. It takes no per-aggregate lock (a
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

    private static final String COLUMNS =
            "id, aggregatetype, aggregateid, type, payload, headers, topic, key, ce_specversion, ce_source, ce_time, traceparent, tracestate";

    private static final String INSERT = "insert into outbox (" + COLUMNS + ")\n" + """
            select ?, ?, ?, ?, cast(? as json), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?
            from (select pg_advisory_xact_lock(?, hashtext(?))) ordering
            """;

    /** The rows of one {@link #emitAll} call, from one array per column, in the arrays' order (their seq order). */
    private static final String INSERT_MANY = "insert into outbox (" + COLUMNS + ")\n" + """
            select e.id, ?, e.aggregateid, ?, cast(e.payload as json), cast(e.headers as jsonb), ?, e.key, ?, ?, ?, ?, ?
            from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                 with ordinality as e(id, aggregateid, key, payload, headers, n)
            order by e.n
            """;

    /**
     * Events per statement of {@link #emitAll}: large enough that per-statement costs vanish beside the
     * rows', small enough that the arrays of one statement stay a few megabytes.
     */
    public static final int ROWS_PER_STATEMENT = 5_000;

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
        requireCarried(type, payload);
        UUID id = UUID.randomUUID();
        Headers shared = Headers.of(CloudEventEnvelope.produce(id, serviceName, type.ceType(), aggregateId.toString()),
                type.topic(), TraceHeaders.current());
        String key = OutboxMessage.keyFor(aggregateId, partnerId);
        String payloadJson;
        String headersJson;
        try {
            payloadJson = objectMapper.writeValueAsString(payload);
            headersJson = objectMapper.writeValueAsString(shared.column(id, aggregateId.toString(), key));
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
                insert.setString(7, type.topic());
                insert.setString(8, key);
                shared.setColumns(insert, 9);
                insert.setInt(14, AGGREGATE_LOCK_CLASS);
                insert.setString(15, aggregateKey);
                insert.executeUpdate();
            }
        });
        return id;
    }

    /**
     * Records events of one type for publication after the current transaction commits, one row each
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
        for (Emission<P> event : events) {
            requireCarried(type, event.payload());
        }
        int count = events.size();
        UUID[] ids = new UUID[count];
        String[] aggregateIds = new String[count];
        String[] keys = new String[count];
        String[] payloads = new String[count];
        String[] headers = new String[count];
        // One ce_time for the call, as one envelope would have given; ce_id and ce_subject per event.
        Headers shared = Headers.of(CloudEventEnvelope.produce(UUID.randomUUID(), serviceName, type.ceType(), ""),
                type.topic(), TraceHeaders.current());
        ObjectWriter payloadWriter = objectMapper.writerFor(type.payloadType());
        ObjectWriter headersWriter = objectMapper.writer();
        try {
            for (int i = 0; i < count; i++) {
                Emission<P> event = events.get(i);
                ids[i] = UUID.randomUUID();
                aggregateIds[i] = event.aggregateId().toString();
                keys[i] = OutboxMessage.keyFor(event.aggregateId(), event.partnerId());
                payloads[i] = payloadWriter.writeValueAsString(event.payload());
                headers[i] = headersWriter.writeValueAsString(shared.column(ids[i], aggregateIds[i], keys[i]));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize the payloads of " + type.ceType(), e);
        }

        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_MANY)) {
                for (int from = 0; from < count; from += ROWS_PER_STATEMENT) {
                    int to = Math.min(count, from + ROWS_PER_STATEMENT);
                    insert.setString(1, type.aggregateType());
                    insert.setString(2, type.ceType());
                    insert.setString(3, type.topic());
                    shared.setColumns(insert, 4);
                    insert.setArray(9, connection.createArrayOf("uuid", Arrays.copyOfRange(ids, from, to)));
                    insert.setArray(10, connection.createArrayOf("text", Arrays.copyOfRange(aggregateIds, from, to)));
                    insert.setArray(11, connection.createArrayOf("text", Arrays.copyOfRange(keys, from, to)));
                    insert.setArray(12, connection.createArrayOf("text", Arrays.copyOfRange(payloads, from, to)));
                    insert.setArray(13, connection.createArrayOf("text", Arrays.copyOfRange(headers, from, to)));
                    insert.executeUpdate();
                }
            }
        });
        return Arrays.asList(ids);
    }

    private static <P> void requireCarried(EventType<P> type, Object payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.ceType() + " carries " + type.payloadType().getName()
                    + ", not " + payload.getClass().getName());
        }
    }

    /**
     * What the rows of one call share: the envelope's headers but {@code ce_id} and {@code ce_subject},
     * the topic and the trace context, both as the {@code headers} column's entries and as the columns
     * {@code ce_specversion, ce_source, ce_time, traceparent, tracestate}.
     */
    private record Headers(Map<String, String> envelope, String topic, Map<String, String> trace) {

        static Headers of(CloudEventEnvelope envelope, String topic, Map<String, String> trace) {
            return new Headers(envelope.toHeaders(), topic, trace);
        }

        /** The {@code headers} column of the event {@code id} about {@code subject}, keyed {@code key}. */
        Map<String, String> column(UUID id, String subject, String key) {
            Map<String, String> column = new LinkedHashMap<>(envelope);
            column.put(CloudEvents.CE_ID, id.toString());
            column.put(CloudEvents.CE_SUBJECT, subject);
            column.put(OutboxMessage.KEY, key);
            column.put(OutboxMessage.TOPIC, topic);
            column.putAll(trace);
            return column;
        }

        /** Sets {@code ce_specversion, ce_source, ce_time, traceparent, tracestate} from parameter {@code first} on. */
        void setColumns(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, envelope.get(CloudEvents.CE_SPECVERSION));
            statement.setString(first + 1, envelope.get(CloudEvents.CE_SOURCE));
            statement.setString(first + 2, envelope.get(CloudEvents.CE_TIME));
            statement.setString(first + 3, trace.get(TraceHeaders.TRACEPARENT));
            statement.setString(first + 4, trace.get(TraceHeaders.TRACESTATE));
        }
    }
}
