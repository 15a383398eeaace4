package io.consort.integration.intake;

import io.consort.chassis.inbox.Inbox;
import io.consort.integration.delivery.Dispatcher;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the four topics as consumer group {@code integration}, generically: any {@code ce_type}, payload kept
 * as it came. Each event is stored and fanned out exactly once (the inbox); the dispatcher is woken once that
 * has committed. A record that still fails after the inbox's retries is parked on
 * {@code <topic>.dlq.integration}.
 */
@ApplicationScoped
public class EventIntake {

    @Inject
    Inbox inbox;

    @Inject
    WebhookEvents events;

    @Inject
    Dispatcher dispatcher;

    @ConfigProperty(name = "consort.service.name")
    String consumer;

    @Incoming("partners")
    @Blocking
    public void partners(ConsumerRecord<String, String> record) {
        accept(record);
    }

    @Incoming("community")
    @Blocking
    public void community(ConsumerRecord<String, String> record) {
        accept(record);
    }

    @Incoming("campaigns")
    @Blocking
    public void campaigns(ConsumerRecord<String, String> record) {
        accept(record);
    }

    @Incoming("performance")
    @Blocking
    public void performance(ConsumerRecord<String, String> record) {
        accept(record);
    }

    private void accept(ConsumerRecord<String, String> record) {
        AtomicInteger queued = new AtomicInteger();
        inbox.process(consumer, record, event -> queued.set(events.accept(event)));
        if (queued.get() > 0) {
            dispatcher.wake();
        }
    }
}
