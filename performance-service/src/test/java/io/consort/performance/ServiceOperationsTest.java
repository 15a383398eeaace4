package io.consort.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.consort.testkit.ServiceOperationsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What ops and API clients rely on besides the business endpoints. */
@QuarkusTest
class ServiceOperationsTest extends ServiceOperationsContract {

    @Override
    protected String apiTitle() {
        return "Consort performance API";
    }

    @Test
    void documentsTheScorecardOperation() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/v1/scorecards/{partnerId}'.get.summary", notNullValue());
    }
}
