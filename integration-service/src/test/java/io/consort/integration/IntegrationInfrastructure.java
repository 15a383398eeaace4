package io.consort.integration;

import io.consort.testkit.ConsortInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Declares, once for the whole module, the real PostgreSQL database and Kafka broker every
 * {@code @QuarkusTest} here runs against; being unrestricted, it applies to all test classes, so Quarkus
 * boots once.
 */
@QuarkusTestResource(value = ConsortInfrastructure.class,
        initArgs = @ResourceArg(name = ConsortInfrastructure.SERVICE_ARG, value = "integration"))
public final class IntegrationInfrastructure {

    private IntegrationInfrastructure() {
    }
}
