package io.consort.chassis.testapp;

import io.consort.testkit.ConsortInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The one place the chassis tests declare their infrastructure (the annotations apply to every
 * {@code @QuarkusTest} of the module): a fresh PostgreSQL database and the testkit's real broker,
 * plus the probe topics of the outbox/inbox tests.
 */
@QuarkusTestResource(value = ConsortInfrastructure.class,
        initArgs = @ResourceArg(name = ConsortInfrastructure.SERVICE_ARG, value = "chassis"))
@QuarkusTestResource(ProbeTopics.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
