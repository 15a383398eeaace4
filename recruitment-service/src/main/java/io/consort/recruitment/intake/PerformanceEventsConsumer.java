package io.consort.recruitment.intake;

import io.consort.chassis.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code prm.performance} as consumer group {@code recruitment}. A record that still fails after
 * the inbox's retries makes this method throw, and the channel's dead-letter strategy parks it on
 * {@code prm.performance.dlq.recruitment}.
 */
@ApplicationScoped
public class PerformanceEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    PerformanceEvents events;

    @ConfigProperty(name = "consort.service.name")
    String consumer;

    @Incoming("performance")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(consumer, record, events::apply);
    }
}
