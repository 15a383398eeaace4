package io.consort.recruitment.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.problem.ProblemException;
import io.consort.recruitment.PartnerTopic;
import io.consort.recruitment.support.IllegalTransitionException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** ONBOARDING → ACTIVE → SUSPENDED ⇄ ACTIVE → TERMINATED through the actions, and their events. */
@QuarkusTest
class PartnerLifecycleResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OWN = "0c0c0c0c-0000-4000-8000-000000000021";

    @Inject
    PartnerFixtures fixtures;

    @Inject
    PartnerLifecycle lifecycle;

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aPartnerGoesThroughItsLifeAndEachStepReachesKafka() throws Exception {
        UUID id = fixtures.onboard("Lifecycle " + UUID.randomUUID(), "EMEA");
        fixtures.activate(id);
        given().when().get("/api/v1/partners/{id}", id).then().body("state", equalTo("ACTIVE"));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", " Overdue training "))
                .when().post("/api/v1/partners/{id}/suspend", id)
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("state", equalTo("SUSPENDED"))
                .body("stateReason", equalTo("Overdue training"))
                .body("stateChangedAt", notNullValue());
        given().when().post("/api/v1/partners/{id}/reinstate", id)
                .then().statusCode(200).body("state", equalTo("ACTIVE")).body("stateReason", equalTo(null));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Agreement not renewed"))
                .when().post("/api/v1/partners/{id}/terminate", id)
                .then().statusCode(200).body("state", equalTo("TERMINATED")).header("ETag", equalTo("\"4\""));

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(id.toString(), 5, Duration.ofSeconds(30));
        assertEquals(List.of("consort.partner.onboarding-started.v1", "consort.partner.activated.v1",
                "consort.partner.suspended.v1", "consort.partner.reinstated.v1", "consort.partner.terminated.v1"),
                records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());
        JsonNode activated = JSON.readTree(records.get(1).value());
        assertEquals("onboarding", activated.get("activatedBy").asText());
        JsonNode suspended = JSON.readTree(records.get(2).value());
        assertEquals("Overdue training", suspended.get("reason").asText());
        assertEquals("manager", suspended.get("suspendedBy").asText());
        assertEquals(id.toString(), records.get(4).key());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anIllegalTransitionIs409AndATerminatedPartnerStaysAsItWas() {
        UUID id = fixtures.onboard("Illegal " + UUID.randomUUID(), "EMEA");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/partners/{id}/suspend", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().when().post("/api/v1/partners/{id}/reinstate", id).then().statusCode(409);
        // Terminating needs no onboarding to have finished.
        given().contentType(ContentType.JSON).body(Map.of("reason", "Never started"))
                .when().post("/api/v1/partners/{id}/terminate", id)
                .then().statusCode(200).body("state", equalTo("TERMINATED"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/api/v1/partners/{id}/terminate", id)
                .then().statusCode(409);
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(Map.of("name", "Revived"))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(409).contentType("application/problem+json");
        assertThrows(IllegalTransitionException.class, () -> fixtures.activate(id));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aStaleIfMatchIs412AndAMissingReasonIs400() {
        UUID id = fixtures.onboard("Stale " + UUID.randomUUID(), "EMEA");
        fixtures.activate(id);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("reason", "late"))
                .when().post("/api/v1/partners/{id}/suspend", id)
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/api/v1/partners/{id}/suspend", id)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/partners/{id}/terminate", id)
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/partners/{id}", id).then().body("state", equalTo("ACTIVE"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/partners/{id}/suspend", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void anIntegratorMayNotChangeAPartnersState() {
        UUID id = fixtures.onboard("Integrated " + UUID.randomUUID(), "EMEA");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/partners/{id}/terminate", id)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "dana", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = OWN))
    void aPartnerAdminMayNotChangeEvenItsOwnState() {
        fixtures.onboard(UUID.fromString(OWN), "Own Corp", "EMEA");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/partners/{id}/terminate", OWN)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().post("/api/v1/partners/{id}/reinstate", OWN).then().statusCode(403);
    }

    @Test
    void actionsNeedAToken() {
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/partners/{id}/suspend", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void activationIsForOnboardingPartnersOnlyAndUnknownPartnersAre404() {
        UUID id = fixtures.onboard("Activated " + UUID.randomUUID(), "EMEA");
        assertEquals(PartnerState.ACTIVE, lifecycle.activate(id, "onboarding").state());
        assertThrows(IllegalTransitionException.class, () -> lifecycle.activate(id, "onboarding"));
        assertEquals(404, assertThrows(ProblemException.class,
                () -> lifecycle.activate(UUID.randomUUID(), "onboarding")).status());
    }
}
