package io.consort.testkit.quarkus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.runtime.StartupEvent;

/** The smallest application that consumes a suite topic, so the test sees what a service would. */
@ApplicationScoped
public class PartnerEventsProbe {

    /** Counted in a system property: it must survive a second Quarkus boot in a new class loader. */
    static final String BOOTS = "consort.testkit.it.boots";

    private final List<String> received = new CopyOnWriteArrayList<>();

    void onStart(@Observes StartupEvent event) {
        System.setProperty(BOOTS, String.valueOf(Integer.getInteger(BOOTS, 0) + 1));
    }

    @Incoming("partners")
    public void on(ConsumerRecord<String, String> record) {
        received.add(record.key() + "=" + record.value());
    }

    public List<String> received() {
        return received;
    }
}
