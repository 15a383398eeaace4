package io.consort.chassis.testapp;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Points the outbox relay (only the relay) at a broker the test can stop, with producer timeouts
 * short enough that an outage of a few seconds makes sends fail rather than merely wait.
 * The ports are chosen here and passed through system properties, which every class loader of the
 * test JVM sees; the test starts the broker on them.
 */
public class BrokerOutageProfile implements QuarkusTestProfile {
    public static final String PORT = "consort.test.outage.port";
    public static final String CONTROLLER_PORT = "consort.test.outage.controller-port";

    @Override
    public Map<String, String> getConfigOverrides() {
        if (System.getProperty(PORT) == null) {
            System.setProperty(PORT, String.valueOf(RestartableBroker.freePort()));
            System.setProperty(CONTROLLER_PORT, String.valueOf(RestartableBroker.freePort()));
        }
        return Map.of(
                "consort.outbox.producer.\"bootstrap.servers\"", "127.0.0.1:" + System.getProperty(PORT),
                "consort.outbox.producer.\"delivery.timeout.ms\"", "3000",
                "consort.outbox.producer.\"request.timeout.ms\"", "1000",
                "consort.outbox.producer.\"max.block.ms\"", "1000",
                "consort.outbox.producer.\"reconnect.backoff.max.ms\"", "200",
                "consort.outbox.retry.max-backoff", "1s");
    }
}
