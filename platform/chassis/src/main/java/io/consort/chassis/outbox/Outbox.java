package io.consort.chassis.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
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
 * within one transaction they keep the order of the {@code emit} calls.
 */
@ApplicationScoped
public class Outbox {

    /** First key of the per-aggregate ordering lock; the second is the hash of the aggregate. */
    static final int AGGREGATE_LOCK_CLASS = 0x4f42_0001;

    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, headers)
            select ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb)
            from (select pg_advisory_xact_lock(?, hashtext(?))) ordering
            """;

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
            headersJson = objectMapper.writeValueAsString(OutboxMessage.headersColumn(envelope, type.topic(), key));
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
}
