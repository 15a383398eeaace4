package io.consort.campaign.partner;

import io.consort.chassis.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code prm.partners} and {@code prm.performance} as consumer group {@code campaign} through the
 * chassis inbox (effect and "processed" mark in one transaction). A record that still fails after the
 * inbox's retries is parked by the channel on {@code <topic>.dlq.campaign}.
 */
@ApplicationScoped
public class PartnerEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    PartnerEvents events;

    @ConfigProperty(name = "consort.service.name")
    String consumer;

    @Incoming("partners")
    @Blocking
    public void onPartners(ConsumerRecord<String, String> record) {
        inbox.process(consumer, record, events::apply);
    }

    @Incoming("performance")
    @Blocking
    public void onPerformance(ConsumerRecord<String, String> record) {
        inbox.process(consumer, record, events::apply);
    }
}
