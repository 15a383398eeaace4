package io.consort.integration.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/webhooks}: who may subscribe to what, validation, the secret shown once, ETags. */
@QuarkusTest
class SubscriptionResourceTest {

    static final String ACME = "6f1d2c3b-4a59-4e68-8d7c-6b5a49382716";
    static final String GLOBEX = "0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f";
    static final String URL = "http://127.0.0.1:9/hooks";

    static Response create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks");
    }

    static Map<String, Object> body(String url, List<String> types, String partnerId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", url, "eventTypes", types));
        body.put("partnerId", partnerId);
        return body;
    }

    /** A subscription of ACME's, created by an integrator. */
    static String acmeSubscription() {
        return create(body(URL, List.of("deal.*"), ACME)).then().statusCode(201).extract().path("id");
    }

    @Test
    void withoutATokenEveryOperationIs401() {
        given().get("/api/v1/webhooks").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        create(body(URL, List.of("deal.won"), null)).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aChannelManagerIsForbidden() {
        given().get("/api/v1/webhooks").then().statusCode(403).contentType("application/problem+json");
        create(body(URL, List.of("deal.won"), null)).then().statusCode(403);
        given().get("/api/v1/webhooks/{id}/deliveries", UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "acme-user", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerUserIsForbidden() {
        create(body(URL, List.of("deal.won"), null)).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "crm-sync", roles = "integrator")
    void anIntegratorSubscribesAndSeesTheSecretOnlyOnce() {
        Response created = create(body(URL, List.of("deal.*", "partner.activated"), null));
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .header("ETag", "\"0\"")
                .body("secret", startsWith("whsec_"))
                .body("status", equalTo("ACTIVE"))
                .body("eventTypes", equalTo(List.of("deal.*", "partner.activated")))
                .body("partnerId", nullValue())
                .body("createdBy", equalTo("crm-sync"));
        String id = created.path("id");
        given().get(java.net.URI.create(created.header("Location")).getPath()).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("$", not(hasKey("secret")));
        given().queryParam("limit", 200).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(notNullValue())));
    }

    @Test
    @TestSecurity(user = "crm-sync", roles = "integrator")
    void aSubscriptionChangesOnlyWithTheCurrentETag() {
        String id = create(body(URL, List.of("deal.won"), null)).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body(URL + "/v2", List.of("lead.*"), null))
                .put("/api/v1/webhooks/{id}", id).then()
                .statusCode(200).header("ETag", "\"1\"").body("url", endsWith("/v2")).body("eventTypes", equalTo(List.of("lead.*")));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body(URL, List.of("deal.won"), null))
                .put("/api/v1/webhooks/{id}", id).then()
                .statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body(URL, List.of("deal.won"), ACME))
                .put("/api/v1/webhooks/{id}", id).then()
                .statusCode(400).body("errors[0].field", equalTo("partnerId"));
        given().header("If-Match", "\"0\"").delete("/api/v1/webhooks/{id}", id).then().statusCode(412);
        given().header("If-Match", "\"1\"").delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        given().get("/api/v1/webhooks/{id}", id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "crm-sync", roles = "integrator")
    void disablingAndEnablingChangeTheVersion() {
        String id = create(body(URL, List.of("deal.won"), null)).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).post("/api/v1/webhooks/{id}/disable", id).then()
                .statusCode(200).header("ETag", "\"1\"").body("status", equalTo("DISABLED"))
                .body("disabledReason", equalTo("disabled by crm-sync")).body("disabledAt", notNullValue());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").post("/api/v1/webhooks/{id}/enable", id).then()
                .statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").post("/api/v1/webhooks/{id}/enable", id).then()
                .statusCode(200).header("ETag", "\"2\"").body("status", equalTo("ACTIVE"));
    }

    @Test
    @TestSecurity(user = "crm-sync", roles = "integrator")
    void everyBadInputIsAProblemNamingTheField() {
        create(body(URL, List.of("deal.wonn", "deal", "deal.*.*", "*"), null)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("eventTypes[0]", "eventTypes[1]", "eventTypes[2]")))
                .body("errors[0].message", containsString("matches no event type"));
        create(body("ftp://example.com/x", List.of("deal.won"), null)).then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
        create(body("not a url", List.of("deal.won"), null)).then().statusCode(400).body("errors[0].field", equalTo("url"));
        create(body("http://user:pw@127.0.0.1/x", List.of("deal.won"), null)).then().statusCode(400)
                .body("errors[0].message", containsString("user info"));
        create(body(URL, List.of(), null)).then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        given().contentType(ContentType.JSON).body("{\"url\": \"" + URL + "\"}").post("/api/v1/webhooks").then()
                .statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        given().contentType(ContentType.JSON).body("{\"url\": 1, ").post("/api/v1/webhooks").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", URL, "eventTypes", List.of("deal.won"), "colour", "red"))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("colour"));
        given().get("/api/v1/webhooks/{id}", "not-a-uuid").then().statusCode(400);
        given().queryParam("limit", 0).get("/api/v1/webhooks").then().statusCode(400);
        given().queryParam("status", "SLEEPING").get("/api/v1/webhooks").then().statusCode(400);
        String id = create(body(URL, List.of("deal.won"), null)).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).queryParam("grace", "a while").post("/api/v1/webhooks/{id}/rotate-secret", id)
                .then().statusCode(400).body("errors[0].field", equalTo("grace"));
        given().contentType(ContentType.JSON).queryParam("grace", "P30D").post("/api/v1/webhooks/{id}/rotate-secret", id)
                .then().statusCode(400).body("errors[0].field", equalTo("grace"));
    }

    @Test
    @TestSecurity(user = "crm-sync", roles = "integrator")
    void internalAddressesAreRefusedAtSubscribeTime() {
        for (String url : List.of("http://10.0.0.8/hook", "http://192.168.1.20/hook", "http://172.16.3.4/hook",
                "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://100.64.0.1/",
                "http://0.0.0.0:8080/", "http://[::ffff:10.0.0.1]/", "http://224.0.0.1/")) {
            create(body(url, List.of("deal.won"), null)).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("resolves to"));
        }
        create(body("http://no-such-host.invalid/hook", List.of("deal.won"), null)).then()
                .statusCode(400).body("errors[0].message", containsString("does not resolve"));
        // Locally and in tests, http to loopback is allowed.
        create(body("http://localhost:9/hook", List.of("deal.won"), null)).then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "crm-sync", roles = "integrator")
    void createHonoursAnIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body(URL, List.of("deal.won"), null);
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/webhooks").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(URL, List.of("lead.*"), null))
                .post("/api/v1/webhooks").then().statusCode(422);
    }

    @Test
    @TestSecurity(user = "crm-sync", roles = "integrator")
    void theEventTypesAreTheCatalogue() {
        given().get("/api/v1/webhooks/event-types").then().statusCode(200)
                .body("items.name", hasItem("deal.won"))
                .body("items.type", hasItem("consort.tier.changed.v1"))
                .body("items.type", not(hasItem("consort.webhook.ping.v1")));
    }

    @Test
    @TestSecurity(user = "acme-admin", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerAdminSubscribesOnlyForItsOwnPartner() {
        create(body(URL, List.of("deal.*"), null)).then().statusCode(201).body("partnerId", equalTo(ACME));
        create(body(URL, List.of("deal.*"), ACME)).then().statusCode(201).body("partnerId", equalTo(ACME));
        create(body(URL, List.of("deal.*"), GLOBEX)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "globex-admin", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = GLOBEX))
    void anotherPartnersSubscriptionIs404ForEveryOperation() {
        String acme = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.id = UUID.randomUUID();
            s.partnerId = UUID.fromString(ACME);
            s.url = URL;
            s.eventTypes(List.of(EventTypePattern.parse("deal.*")));
            s.status = Subscription.Status.ACTIVE;
            s.secret = io.consort.integration.delivery.StandardWebhooks.newSecret();
            s.createdBy = "test";
            s.createdAt = java.time.Instant.now();
            s.updatedAt = s.createdAt;
            s.persist();
            return s.id.toString();
        });
        given().get("/api/v1/webhooks/{id}", acme).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body(URL, List.of("deal.won"), null))
                .put("/api/v1/webhooks/{id}", acme).then().statusCode(404);
        given().delete("/api/v1/webhooks/{id}", acme).then().statusCode(404);
        for (String action : List.of("enable", "disable", "rotate-secret", "test")) {
            given().contentType(ContentType.JSON).post("/api/v1/webhooks/{id}/" + action, acme).then().statusCode(404);
        }
        given().contentType(ContentType.JSON).queryParam("since", "2026-01-01T00:00:00Z")
                .post("/api/v1/webhooks/{id}/replay", acme).then().statusCode(404);
        given().get("/api/v1/webhooks/{id}/deliveries", acme).then().statusCode(404);
        given().get("/api/v1/webhooks/{id}/deliveries/{d}", acme, UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).post("/api/v1/webhooks/{id}/deliveries/{d}/redeliver", acme, UUID.randomUUID())
                .then().statusCode(404);
        given().queryParam("limit", 200).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", not(hasItem(acme)));
    }
}
