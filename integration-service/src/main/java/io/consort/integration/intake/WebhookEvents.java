package io.consort.integration.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.chassis.inbox.IncomingEvent;
import io.consort.integration.delivery.DeliveryQueue;
import io.consort.integration.subscription.EventTypePattern;
import io.consort.integration.subscription.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Stores each consumed event once, as the CloudEvent (JSON structured mode) every delivery of it sends, and
 * queues a delivery for every active subscription that wants it: its type matches one of the subscription's
 * patterns, and the subscription is for every partner or for the event's own partner. An event about no
 * partner goes only to subscriptions for every partner, so a partner's subscriber sees nothing but its own.
 */
@ApplicationScoped
public class WebhookEvents {

    @Inject
    EntityManager entityManager;

    @Inject
    DeliveryQueue queue;

    @Inject
    ObjectMapper mapper;

    /**
     * Stores a batch of consumed events and fans each out to the active subscriptions that want it, in the
     * batch's order (so a partner's deliveries queue in the order its events were consumed): the subscriptions
     * are read once, the events and the deliveries are written with one multi-row statement each. Answers how
     * many deliveries were queued. Runs in the inbox's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int acceptAll(List<IncomingEvent> events) {
        List<Target> active = Subscription.<Subscription>list("status", Subscription.Status.ACTIVE).stream()
                .map(s -> new Target(s.id, s.partnerId, s.patterns()))
                .toList();
        List<StoredEvent> stored = new ArrayList<>(events.size());
        List<DeliveryQueue.Fanout> fanout = new ArrayList<>();
        for (IncomingEvent event : events) {
            UUID partnerId = partnerOf(event.payload());
            String orderKey = Objects.requireNonNullElse(event.key(),
                    Objects.requireNonNullElse(event.subject(), event.id().toString()));
            stored.add(new StoredEvent(event.id(), event.type(), partnerId, orderKey, event.time(), cloudEvent(event)));
            for (Target target : active) {
                if (target.wants(event.type(), partnerId)) {
                    fanout.add(new DeliveryQueue.Fanout(target.id(), event.id(), event.type(), partnerId, orderKey));
                }
            }
        }
        store(stored);
        return queue.enqueue(fanout);
    }

    /** An active subscription as the fan-out sees it. */
    private record Target(UUID id, UUID partnerId, List<EventTypePattern> patterns) {

        /** Its type patterns match; it is for every partner, or for the event's own (never for a partnerless one). */
        boolean wants(String type, UUID eventPartnerId) {
            boolean partnerFits = partnerId == null || partnerId.equals(eventPartnerId);
            return partnerFits && EventTypePattern.anyMatches(patterns, type);
        }
    }

    private record StoredEvent(UUID id, String type, UUID partnerId, String orderKey, OffsetDateTime time,
            String cloudEvent) {
    }

    /** A ping for one subscription, signed and logged like any delivery; answers the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID ping(Subscription subscription, String source) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        ObjectNode data = mapper.createObjectNode()
                .put("subscriptionId", subscription.id.toString())
                .put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(now.toInstant()));
        if (subscription.partnerId != null) {
            data.put("partnerId", subscription.partnerId.toString());
        }
        ObjectNode ce = envelope(id, source, EventTypePattern.PING_TYPE, subscription.id.toString(), now, data);
        store(List.of(new StoredEvent(id, EventTypePattern.PING_TYPE, subscription.partnerId,
                subscription.id.toString(), now, ce.toString())));
        queue.enqueue(List.of(new DeliveryQueue.Fanout(subscription.id, id, EventTypePattern.PING_TYPE,
                subscription.partnerId, subscription.id.toString())));
        return id;
    }

    /** Keeps the events (each once: a redelivered one is already there) in one multi-row insert. */
    private void store(List<StoredEvent> stored) {
        if (stored.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into webhook_event (id, type, partner_id, order_key, occurred_at, received_at, cloud_event)
                    select t.id, t.type, t.partner_id, t.order_key, t.occurred_at::timestamptz, now(), t.cloud_event
                      from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                           as t(id, type, partner_id, order_key, occurred_at, cloud_event)
                    on conflict (id) do nothing""")) {
                Instant now = Instant.now();
                insert.setArray(1, connection.createArrayOf("uuid", stored.stream().map(StoredEvent::id).toArray()));
                insert.setArray(2, connection.createArrayOf("text", stored.stream().map(StoredEvent::type).toArray()));
                insert.setArray(3, connection.createArrayOf("uuid",
                        stored.stream().map(StoredEvent::partnerId).toArray()));
                insert.setArray(4, connection.createArrayOf("text",
                        stored.stream().map(StoredEvent::orderKey).toArray()));
                insert.setArray(5, connection.createArrayOf("text", stored.stream()
                        .map(e -> DateTimeFormatter.ISO_INSTANT.format(e.time() == null ? now : e.time().toInstant()))
                        .toArray()));
                insert.setArray(6, connection.createArrayOf("text",
                        stored.stream().map(StoredEvent::cloudEvent).toArray()));
                insert.executeUpdate();
            }
        });
    }

    private String cloudEvent(IncomingEvent event) {
        return envelope(event.id(), event.source(), event.type(), event.subject(), event.time(), event.payload())
                .toString();
    }

    /** CloudEvents 1.0, JSON format: the attributes, then the payload as {@code data}. */
    private ObjectNode envelope(UUID id, String source, String type, String subject, OffsetDateTime time, JsonNode data) {
        ObjectNode ce = mapper.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id.toString())
                .put("source", source)
                .put("type", type);
        if (subject != null) {
            ce.put("subject", subject);
        }
        if (time != null) {
            ce.put("time", DateTimeFormatter.ISO_INSTANT.format(time.toInstant()));
        }
        ce.put("datacontenttype", "application/json");
        ce.set("data", data);
        return ce;
    }

    /** The payload's {@code partnerId} (events.md: every payload about a partner carries it), or null. */
    static UUID partnerOf(JsonNode payload) {
        JsonNode partner = payload == null ? null : payload.get("partnerId");
        if (partner == null || !partner.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(partner.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
