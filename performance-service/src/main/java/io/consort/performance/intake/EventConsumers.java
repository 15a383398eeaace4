package io.consort.performance.intake;

import io.consort.chassis.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code prm.partners}, {@code prm.community} and {@code prm.campaigns} as consumer group
 * {@code performance}. A record that still fails after the inbox's retries makes the method throw,
 * and the channel's dead-letter strategy parks it on {@code <topic>.dlq.performance}.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    Inbox inbox;

    @Inject
    FactIntake intake;

    @ConfigProperty(name = "consort.service.name")
    String consumer;

    @Incoming("partners")
    @Blocking
    public void partners(ConsumerRecord<String, String> record) {
        inbox.process(consumer, record, intake::apply);
    }

    @Incoming("community")
    @Blocking
    public void community(ConsumerRecord<String, String> record) {
        inbox.process(consumer, record, intake::apply);
    }

    @Incoming("campaigns")
    @Blocking
    public void campaigns(ConsumerRecord<String, String> record) {
        inbox.process(consumer, record, intake::apply);
    }
}
