package io.consort.integration;

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
        return "Consort integration API";
    }

    @Test
    void documentsEveryOperationWithAnOperationId() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/v1/webhooks'.post.operationId", org.hamcrest.Matchers.equalTo("createWebhookSubscription"))
                .body("paths.'/api/v1/webhooks/{id}/replay'.post.operationId", notNullValue())
                .body("paths.'/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver'.post.summary", notNullValue());
    }
}
