package io.consort.integration.delivery;

import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.integration.intake.WebhookEvents;
import io.consort.integration.subscription.EventTypePattern;
import io.consort.integration.subscription.Subscription;
import io.consort.integration.subscription.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** A subscription's delivery log, redelivery, replay and ping; always through a subscription the caller may see. */
@ApplicationScoped
public class Deliveries {

    @Inject
    Subscriptions subscriptions;

    @Inject
    DeliveryQueue queue;

    @Inject
    WebhookEvents events;

    @Inject
    Dispatcher dispatcher;

    @Inject
    CallerScope caller;

    public Page<Delivery> log(UUID subscriptionId, PageRequest page, Delivery.Status status) {
        subscriptions.visible(subscriptionId);
        return KeysetQuery.of(Delivery.class)
                .whereEqual("subscriptionId", subscriptionId)
                .whereEqual("status", status)
                .fetch(page, d -> d.createdAt, d -> d.id);
    }

    public Delivery get(UUID subscriptionId, UUID deliveryId) {
        subscriptions.visible(subscriptionId);
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
            throw Problems.notFound("delivery", deliveryId);
        }
        return delivery;
    }

    /** Queues one delivery again, due now (409 while it is being sent). */
    @Transactional
    public Delivery redeliver(UUID subscriptionId, UUID deliveryId) {
        Subscription subscription = active(subscriptionId);
        Delivery delivery = get(subscription.id, deliveryId);
        if (queue.redeliver(delivery.id) == 0) {
            throw Problems.conflict("delivery " + deliveryId + " is being sent right now; look again in a moment");
        }
        Delivery.getEntityManager().refresh(delivery);
        dispatcher.wakeAfterCommit();
        return delivery;
    }

    /** Queues every stored event since {@code since} that the subscription matches. */
    @Transactional
    public int replay(UUID subscriptionId, Instant since) {
        Subscription subscription = active(subscriptionId);
        int queued = queue.replay(subscription.id, subscription.partnerId,
                subscription.patterns().stream().map(EventTypePattern::regex).toList(), since);
        dispatcher.wakeAfterCommit();
        return queued;
    }

    /** Sends a ping event through the queue: signed and logged like any delivery. */
    @Transactional
    public Delivery ping(UUID subscriptionId) {
        Subscription subscription = active(subscriptionId);
        UUID eventId = events.ping(subscription, "/consort/integration");
        dispatcher.wakeAfterCommit();
        return Delivery.find("subscriptionId = ?1 and eventId = ?2", subscription.id, eventId).firstResult();
    }

    private Subscription active(UUID subscriptionId) {
        Subscription subscription = subscriptions.visible(subscriptionId);
        if (subscription.status != Subscription.Status.ACTIVE) {
            throw Problems.conflict("subscription " + subscriptionId + " is disabled (" + subscription.disabledReason
                    + "); enable it first");
        }
        return subscription;
    }
}
