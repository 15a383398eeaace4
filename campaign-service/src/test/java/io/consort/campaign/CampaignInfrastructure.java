package io.consort.campaign;

import io.consort.testkit.ConsortInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Declares, once for the whole module, the real PostgreSQL database and Kafka broker every
 * {@code @QuarkusTest} here runs against; being unrestricted, it applies to every test class, so
 * Quarkus boots once. No other class of this module may carry {@link ConsortInfrastructure}.
 */
@QuarkusTestResource(value = ConsortInfrastructure.class,
        initArgs = @ResourceArg(name = ConsortInfrastructure.SERVICE_ARG, value = "campaign"))
public final class CampaignInfrastructure {

    private CampaignInfrastructure() {
    }
}
