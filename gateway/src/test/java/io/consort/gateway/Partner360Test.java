package io.consort.gateway;

import static io.consort.gateway.Edge.signedIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 16, partner 360: composed in parallel with the caller's token, degrading per section within the deadline. */
@QuarkusTest
class Partner360Test {

    @Test
    void everySectionComesFromItsServiceWithTheCallersToken() {
        String id = UUID.randomUUID().toString();
        JsonPath view = signedIn().header("X-Request-Id", "p360-" + id).get("/api/v1/partners/" + id + "/360").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("partnerId", equalTo(id))
                .body("complete", equalTo(true))
                .extract().jsonPath();
        // The echo upstreams describe what they were asked: the service, the read, and that the token came along.
        assertSection(view, "profile", "recruitment", "/api/v1/partners/" + id);
        assertSection(view, "scorecard", "performance", "/api/v1/scorecards/" + id);
        assertSection(view, "openLeads", "campaign", "/api/v1/leads?partnerId=" + id + "&state=OFFERED,ACCEPTED&limit=50");
        assertSection(view, "openDeals", "campaign",
                "/api/v1/deal-registrations?partnerId=" + id + "&state=SUBMITTED,IN_REVIEW,ACTION_REQUIRED,APPROVED&limit=50");
        assertSection(view, "mdfBudgets", "campaign", "/api/v1/mdf/budgets?partnerId=" + id);
        assertSection(view, "community", "community", "/api/v1/members/" + id);
        assertTrue(view.getString("sections.profile.data.headers.'x-request-id'[0]").equals("p360-" + id));
    }

    @Test
    void aSlowAndADownServiceAreMarkedUnavailableAndTheRestAnswersWithinTheDeadline() {
        // Warm the test client up first (its first JSON assertion costs more than the deadline).
        signedIn().get("/api/v1/partners/" + UUID.randomUUID() + "/360").then().statusCode(200).body("complete", equalTo(true));
        long started = System.nanoTime();
        io.restassured.response.Response response = signedIn().get("/api/v1/partners/" + UpstreamServers.SLOW_PARTNER + "/360");
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonPath view = response.then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("sections.profile.status", equalTo("available"))
                .body("sections.openLeads.status", equalTo("available"))
                .body("sections.community.status", equalTo("unavailable"))
                .body("sections.community.reason", equalTo("The community service did not answer within 700 ms."))
                .body("sections.community.data", nullValue())
                .body("sections.scorecard.status", equalTo("unavailable"))
                .body("sections.scorecard.reason", containsString("performance"))
                .extract().jsonPath();
        // The deadline is 700 ms; the community service would have taken 2 s.
        assertTrue(millis < 1500, "answered in " + millis + " ms");
        assertTrue(view.getString("sections.profile.data.upstream").equals("recruitment"));
    }

    @Test
    void aPartnerTheProfileDoesNotShowThisCallerIsA404() {
        signedIn().get("/api/v1/partners/" + UpstreamServers.HIDDEN_PARTNER + "/360").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No partner " + UpstreamServers.HIDDEN_PARTNER + " is visible to you."));
        signedIn().get("/api/v1/partners/not-a-uuid/360").then().statusCode(404);
    }

    @Test
    void itNeedsAToken() {
        given().get("/api/v1/partners/" + UUID.randomUUID() + "/360").then().statusCode(401);
    }

    private static void assertSection(JsonPath view, String section, String upstream, String uri) {
        assertTrue("available".equals(view.getString("sections." + section + ".status")), section);
        assertTrue(upstream.equals(view.getString("sections." + section + ".data.upstream")), section);
        assertTrue(uri.equals(view.getString("sections." + section + ".data.uri")), section + ": " + view.getString("sections." + section + ".data.uri"));
        assertTrue(Edge.bearer().equals(view.getString("sections." + section + ".data.headers.authorization[0]")), section);
    }
}
