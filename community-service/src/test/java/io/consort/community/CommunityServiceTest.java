package io.consort.community;

import io.consort.testkit.ConsortInfrastructure;
import io.consort.testkit.ServiceOperationsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The community service boots on the chassis against a real database and broker: migrated, healthy,
 * documented, measured, and answering problem+json where no resource serves a path.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsortInfrastructure.class,
        initArgs = @ResourceArg(name = ConsortInfrastructure.SERVICE_ARG, value = "community"))
class CommunityServiceTest extends ServiceOperationsContract {

    @Override
    protected String apiTitle() {
        return "Consort community API";
    }
}
