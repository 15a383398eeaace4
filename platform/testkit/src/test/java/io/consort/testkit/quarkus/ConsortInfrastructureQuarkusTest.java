package io.consort.testkit.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.consort.contracts.Topics;
import io.consort.testkit.ConsortInfrastructure;
import io.consort.testkit.InjectKafkaCompanion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = ConsortInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "testkit"))
class ConsortInfrastructureQuarkusTest {

    @Inject
    DataSource dataSource;

    @Inject
    PartnerEventsProbe probe;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void theApplicationRunsOnAFreshDatabaseOfItsOwn() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT current_database()")) {
            rows.next();
            assertTrue(rows.getString(1).matches("consort_testkit_t[0-9a-f]{8}"), rows.getString(1));
        }
    }

    @Test
    void aRecordPublishedOnASuiteTopicReachesTheApplicationsConsumer() throws Exception {
        assertNotNull(companion, "@InjectKafkaCompanion field was not filled");
        String key = UUID.randomUUID().toString();
        companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.PARTNERS, key, "{\"n\":1}"))
                .awaitCompletion(Duration.ofSeconds(30));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!probe.received().contains(key + "={\"n\":1}") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(probe.received().contains(key + "={\"n\":1}"), probe.received().toString());
    }

    @Test
    void quarkusBootedOnce() {
        assertEquals(1, Integer.getInteger(PartnerEventsProbe.BOOTS));
    }
}
