package io.consort.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import io.consort.contracts.Topics;

class ConsortInfrastructureTest {

    @Test
    void startProvidesADatabaseTheBrokerAndEveryTopicAndStopDropsTheDatabase() throws Exception {
        ConsortInfrastructure infrastructure = new ConsortInfrastructure();
        infrastructure.init(Map.of("service", "testkit"));

        Map<String, String> config = infrastructure.start();
        String database = infrastructure.databaseName();
        try {
            assertEquals(TestDatabases.jdbcUrl(database), config.get("quarkus.datasource.jdbc.url"));
            assertEquals(TestDatabases.username(), config.get("quarkus.datasource.username"));
            assertTrue(config.containsKey("quarkus.datasource.password"));
            String bootstrap = EmbeddedKafka.shared().bootstrapServers();
            assertEquals(bootstrap, config.get("kafka.bootstrap.servers"));
            assertEquals(bootstrap, config.get("mp.messaging.connector.smallrye-kafka.bootstrap.servers"));
            assertEquals("false", config.get("quarkus.devservices.enabled"));
            assertEquals("false", config.get("quarkus.kafka.devservices.enabled"));
            assertTrue(TestDatabases.exists(database));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Set<String> topics = admin.listTopics().names().get();
                assertTrue(topics.containsAll(Topics.allWithDeadLetters()), topics.toString());
            }
        } finally {
            infrastructure.stop();
        }
        assertFalse(TestDatabases.exists(database));
    }

    @Test
    void theServiceInitArgIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new ConsortInfrastructure().init(Map.of()));
    }
}
