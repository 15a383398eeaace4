package io.consort.campaign.routing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.consort.campaign.Callers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoutingRuleResourceTest {

    @Test
    void vendorsCreateReadAndReviseRulesAsVersions() {
        String region = Rules.region();
        String location = Callers.manager().body(Rules.body(region, 5, "PT48H", Map.of("GOLD", 3)))
                .post("/api/v1/routing-rules").then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).header("Location", startsWith("http"))
                .body("tierWeights.GOLD", equalTo(3)).body("acceptanceSla", equalTo("PT48H"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        Map<String, Object> revised = new HashMap<>(Rules.body(region, 7, "PT24H", Map.of("gold", 4)));
        Callers.manager().body(revised).put("/api/v1/routing-rules/{id}", id).then().statusCode(428);
        Callers.manager().header("If-Match", "\"9\"").body(revised).put("/api/v1/routing-rules/{id}", id)
                .then().statusCode(412);
        Callers.manager().header("If-Match", "\"0\"").body(revised).put("/api/v1/routing-rules/{id}", id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("capacity", equalTo(7))
                .body("tierWeights.GOLD", equalTo(4));

        Callers.manager().get("/api/v1/routing-rules/{id}/versions", id).then().statusCode(200)
                .body("", hasSize(2)).body("[0].rule.capacity", equalTo(5)).body("[1].rule.capacity", equalTo(7));
        Callers.manager().get("/api/v1/routing-rules/{id}", id).then().statusCode(200).header("ETag", equalTo("\"1\""));
        Callers.manager().get("/api/v1/routing-rules?limit=200").then().statusCode(200);
    }

    @Test
    void badRulesAreProblems() {
        String region = Rules.region();
        Map<String, Object> bad = new HashMap<>(Rules.body(region, 5, "forever", Map.of()));
        Callers.manager().body(bad).post("/api/v1/routing-rules").then().statusCode(400)
                .body("errors[0].field", equalTo("acceptanceSla"));
        bad.put("acceptanceSla", "PT0S");
        Callers.manager().body(bad).post("/api/v1/routing-rules").then().statusCode(400);
        bad.put("acceptanceSla", "PT1H");
        bad.put("capacity", 0);
        Callers.manager().body(bad).post("/api/v1/routing-rules").then().statusCode(400);
        Callers.manager().get("/api/v1/routing-rules/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void partnersAndAnonymousCallersCannotTouchRules() {
        Callers.anonymous().get("/api/v1/routing-rules").then().statusCode(401);
        Callers.partnerAdmin(UUID.randomUUID()).get("/api/v1/routing-rules").then().statusCode(403);
        Callers.partnerAdmin(UUID.randomUUID()).body(Rules.body(Rules.region(), 5, "PT1H", Map.of()))
                .post("/api/v1/routing-rules").then().statusCode(403);
        Callers.integrator().get("/api/v1/routing-rules").then().statusCode(403);
    }
}
