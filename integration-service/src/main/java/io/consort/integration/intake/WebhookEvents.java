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
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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

    /** Stores and fans out; answers how many deliveries were queued. Runs in the inbox's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int accept(IncomingEvent event) {
        UUID partnerId = partnerOf(event.payload());
        String orderKey = Objects.requireNonNullElse(event.key(),
                Objects.requireNonNullElse(event.subject(), event.id().toString()));
        store(event.id(), event.type(), partnerId, orderKey, event.time(), cloudEvent(event));
        List<UUID> targets = subscribers(event.type(), partnerId);
        return queue.enqueue(event.id(), event.type(), partnerId, orderKey, targets);
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
        store(id, EventTypePattern.PING_TYPE, subscription.partnerId, subscription.id.toString(), now, ce.toString());
        queue.enqueue(id, EventTypePattern.PING_TYPE, subscription.partnerId, subscription.id.toString(),
                List.of(subscription.id));
        return id;
    }

    private List<UUID> subscribers(String type, UUID partnerId) {
        List<Subscription> candidates = partnerId == null
                ? Subscription.list("status = ?1 and partnerId is null", Subscription.Status.ACTIVE)
                : Subscription.list("status = ?1 and (partnerId is null or partnerId = ?2)", Subscription.Status.ACTIVE,
                        partnerId);
        return candidates.stream()
                .filter(s -> EventTypePattern.anyMatches(s.patterns(), type))
                .map(s -> s.id)
                .toList();
    }

    private void store(UUID id, String type, UUID partnerId, String orderKey, OffsetDateTime time, String cloudEvent) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into webhook_event (id, type, partner_id, order_key, occurred_at, received_at, cloud_event)
                    values (?, ?, ?, ?, ?, now(), ?) on conflict (id) do nothing""")) {
                insert.setObject(1, id);
                insert.setString(2, type);
                insert.setObject(3, partnerId, Types.OTHER);
                insert.setString(4, orderKey);
                insert.setTimestamp(5, Timestamp.from(time == null ? Instant.now() : time.toInstant()));
                insert.setString(6, cloudEvent);
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
