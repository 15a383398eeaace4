package io.consort.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.consort.contracts.TopicLayout;
import io.consort.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The real infrastructure a service's {@code @QuarkusTest}s run against: a fresh PostgreSQL database
 * for this test run (dropped in {@link #stop()}) and the JVM's shared Kafka broker with every topic of
 * {@link Topics#allWithDeadLetters()} created up front as {@link TopicLayout} lays them out (event topics
 * {@value #TOPIC_PARTITIONS} partitions, dead-letter topics one), so consumers never race topic auto-creation.
 *
 * <p>Init arg {@code service} (required): the service name, e.g. {@code recruitment}; it names the
 * database {@code consort_<service>_t<random>}. See the module README for the annotation to use.
 */
public class ConsortInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_ARG = "service";
    public static final int TOPIC_PARTITIONS = TopicLayout.EVENT_PARTITIONS;

    private String service;
    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get(SERVICE_ARG);
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException(ConsortInfrastructure.class.getSimpleName()
                    + " needs the init arg \"service\", e.g. initArgs = @ResourceArg(name = \"service\", value = \"recruitment\")");
        }
    }

    @Override
    public Map<String, String> start() {
        if (service == null) {
            throw new IllegalStateException("init(...) was not called with the \"service\" arg");
        }
        database = TestDatabases.create(service);
        try {
            EmbeddedKafka kafka = EmbeddedKafka.shared();
            kafka.createTopics(TopicLayout.all(TOPIC_PARTITIONS));

            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.username", database.username());
            config.put("quarkus.datasource.password", database.password());
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("mp.messaging.connector.smallrye-kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("quarkus.kafka.devservices.enabled", "false");
            config.put("quarkus.devservices.enabled", "false");
            // Bearer tokens are verified for real (signature, issuer, audience, expiry) against the
            // testkit's key, so no Keycloak is needed; TestTokens signs them.
            config.put("quarkus.oidc.auth-server-url", "");
            config.put("quarkus.oidc.discovery-enabled", "false");
            config.put("quarkus.oidc.public-key", TestTokens.publicKey());
            config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
            return config;
        } catch (RuntimeException | Error e) {
            database.close();
            database = null;
            throw e;
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(EmbeddedKafka.shared().companion(),
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** Name of the database created by {@link #start()}, or {@code null} before it / after {@link #stop()}. */
    public String databaseName() {
        return database == null ? null : database.name();
    }
}
