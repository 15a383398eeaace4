package io.consort.chassis.testapp;

import io.consort.chassis.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Service code as a Consort service writes it: change the aggregate, emit the event, one transaction. */
@ApplicationScoped
public class ProbeWriter {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Transactional
    public void create(UUID aggregateId) {
        ProbeAggregate aggregate = new ProbeAggregate();
        aggregate.id = aggregateId;
        em.persist(aggregate);
    }

    /** Increments the aggregate's counter and emits an event carrying the new value. */
    @Transactional
    public UUID record(UUID aggregateId, UUID partnerId, String note) {
        ProbeAggregate aggregate = em.find(ProbeAggregate.class, aggregateId, LockModeType.PESSIMISTIC_WRITE);
        aggregate.counter++;
        return outbox.emit(Probe.RECORDED, aggregateId, partnerId, new Probe(aggregateId, aggregate.counter, note));
    }

    /** Emits, then fails: the transaction rolls back and must take the event with it. */
    @Transactional
    public UUID recordThenFail(UUID aggregateId, UUID partnerId, UUID[] emitted) {
        emitted[0] = record(aggregateId, partnerId, "doomed");
        throw new IllegalStateException("the business rule failed after the event was written");
    }
}
