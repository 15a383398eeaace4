package io.consort.gateway;

import static io.consort.gateway.Edge.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 21.1: a service that answers before it has read the request body, and closes, must have its answer
 * reach the client, not a 502. The answer is on the gateway's side of the connection when its write of the
 * body fails; the gateway reads it instead of dropping the connection.
 */
@QuarkusTest
class EarlyAnswerTest {

    @Test
    void anAnswerGivenBeforeTheBodyWasReadReachesTheClient() {
        byte[] body = new byte[512 * 1024];
        Arrays.fill(body, (byte) '{');
        List<String> wrong = new ArrayList<>();
        // Before the fix about every other one of these was a 502 (and a few the breaker's 503).
        int attempts = 16;
        for (int i = 0; i < attempts; i++) {
            Response response = signedIn().contentType("application/json").body(body)
                    .when().request(i % 2 == 0 ? "PUT" : "POST", "/api/v1/test-early/programs/-1/onboarding-plan");
            if (response.statusCode() != 415 || !response.asString().contains("\"detail\":\"early\"")) {
                wrong.add(response.statusCode() + " " + response.asString());
            }
        }
        assertEquals(List.of(), wrong, "every request must get the service's own 415");
    }
}
