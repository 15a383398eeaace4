package io.consort.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.consort.testkit.ConsortInfrastructure;
import io.consort.testkit.ServiceOperationsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The campaign service boots on the chassis against a real database and broker: migrated, healthy,
 * documented, measured, and answering problem+json where no resource serves a path.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsortInfrastructure.class,
        initArgs = @ResourceArg(name = ConsortInfrastructure.SERVICE_ARG, value = "campaign"))
class CampaignServiceTest extends ServiceOperationsContract {

    @Override
    protected String apiTitle() {
        return "Consort campaign API";
    }

    /**
     * The chassis denies /api/ endpoints to callers without a token (checked once RESTEasy matched an
     * endpoint, so the 401 is a problem); this service has no endpoint yet, so a path it does not
     * serve is a 404 problem, not Vert.x's plain text.
     */
    @Test
    void anApiPathNoResourceServesIsA404Problem() {
        given().get("/api/v1/no-feature-yet").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://consort.io/problems/not-found"))
                .body("instance", equalTo("/api/v1/no-feature-yet"));
    }
}
