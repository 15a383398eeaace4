package io.consort.community.membership;

import io.consort.chassis.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code prm.partners} and {@code prm.performance} as consumer group {@code community}, each event
 * through the inbox (applied once, with its "processed" mark). A record that still fails after the inbox's
 * retries goes to {@code <topic>.dlq.community}.
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MembershipFacts facts;

    @ConfigProperty(name = "consort.service.name")
    String consumer;

    @Incoming("partners")
    @Blocking
    public void onPartners(ConsumerRecord<String, String> record) {
        inbox.process(consumer, record, event -> facts.apply(event, MembershipFacts.Mode.LIVE));
    }

    @Incoming("performance")
    @Blocking
    public void onPerformance(ConsumerRecord<String, String> record) {
        inbox.process(consumer, record, event -> facts.apply(event, MembershipFacts.Mode.LIVE));
    }
}
