package io.consort.testkit.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.consort.testkit.EmbeddedKafka;
import io.quarkus.test.junit.QuarkusTest;

/** Carries no resource annotation: the one on ConsortInfrastructureQuarkusTest must apply here too. */
@QuarkusTest
class UnannotatedQuarkusTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anotherTestClassGetsTheSameInfrastructureWithoutASecondBoot() {
        assertTrue(jdbcUrl.matches("jdbc:postgresql://.*/consort_testkit_t[0-9a-f]{8}"), jdbcUrl);
        assertEquals(EmbeddedKafka.shared().bootstrapServers(), bootstrap);
        assertEquals(1, Integer.getInteger(PartnerEventsProbe.BOOTS));
    }
}
