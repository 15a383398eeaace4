package io.consort.community;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.consort.testkit.ConsortInfrastructure;
import io.consort.testkit.ServiceOperationsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The community service boots on the chassis against a real database and broker: migrated, healthy,
 * documented, measured, and closed to callers without a token.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsortInfrastructure.class,
        initArgs = @ResourceArg(name = ConsortInfrastructure.SERVICE_ARG, value = "community"))
class CommunityServiceTest extends ServiceOperationsContract {

    @Override
    protected String apiTitle() {
        return "Consort community API";
    }

    @Test
    void anApiPathWithoutATokenIs401WithABearerChallenge() {
        given().get("/api/v1/no-feature-yet").then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }
}
