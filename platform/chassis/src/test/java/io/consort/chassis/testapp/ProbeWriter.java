package io.consort.chassis.testapp;

import io.consort.chassis.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

    /** Many aggregates in one transaction. */
    @Transactional
    public void createAll(List<UUID> aggregateIds) {
        for (UUID id : aggregateIds) {
            create(id);
        }
    }

    /**
     * {@link #record} for many aggregates (an aggregate may come more than once) with one
     * {@link Outbox#emitAll}: each row is locked first, in id order so that such writers cannot
     * deadlock, which is what emitAll's ordering rests on.
     */
    @Transactional
    public List<UUID> recordAll(List<UUID> aggregateIds, Map<UUID, UUID> partnerOf, String note) {
        for (UUID id : new TreeSet<>(aggregateIds)) {
            em.find(ProbeAggregate.class, id, LockModeType.PESSIMISTIC_WRITE);
        }
        List<Outbox.Emission<Probe>> events = new ArrayList<>(aggregateIds.size());
        for (UUID id : aggregateIds) {
            ProbeAggregate aggregate = em.find(ProbeAggregate.class, id);
            aggregate.counter++;
            events.add(new Outbox.Emission<>(id, partnerOf.get(id), new Probe(id, aggregate.counter, note)));
        }
        return outbox.emitAll(Probe.RECORDED, events);
    }

    /** emit, emitAll, emit in one transaction, about the same aggregate among others. */
    @Transactional
    public List<UUID> recordAroundABatch(UUID aggregateId, List<UUID> others, UUID partnerId) {
        List<UUID> ids = new ArrayList<>();
        ids.add(record(aggregateId, partnerId, "before the batch"));
        List<UUID> batch = new ArrayList<>(others);
        batch.add(others.size() / 2, aggregateId);
        Map<UUID, UUID> partnerOf = new HashMap<>();
        batch.forEach(id -> partnerOf.put(id, partnerId));
        ids.addAll(recordAll(batch, partnerOf, "in the batch"));
        ids.add(record(aggregateId, partnerId, "after the batch"));
        return ids;
    }

    /** recordAll, then fails: none of its events may be published. */
    @Transactional
    public List<UUID> recordAllThenFail(List<UUID> aggregateIds, Map<UUID, UUID> partnerOf, List<UUID> emitted) {
        emitted.addAll(recordAll(aggregateIds, partnerOf, "doomed batch"));
        throw new IllegalStateException("the business rule failed after the events were written");
    }

    /** Emits, then fails: the transaction rolls back and must take the event with it. */
    @Transactional
    public UUID recordThenFail(UUID aggregateId, UUID partnerId, UUID[] emitted) {
        emitted[0] = record(aggregateId, partnerId, "doomed");
        throw new IllegalStateException("the business rule failed after the event was written");
    }
}
