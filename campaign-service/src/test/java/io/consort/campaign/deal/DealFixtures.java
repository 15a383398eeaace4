package io.consort.campaign.deal;

import static io.restassured.RestAssured.given;

import io.consort.testkit.TestTokens;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Tokens and registrations for the deal tests. */
public final class DealFixtures {

    private DealFixtures() {
    }

    public static String manager() {
        return TestTokens.user("manager", "channel-manager").sign();
    }

    public static String partnerUser(UUID partnerId) {
        return TestTokens.user("pat-" + partnerId.toString().substring(0, 8), "partner-user").partner(partnerId).sign();
    }

    public static String partnerAdmin(UUID partnerId) {
        return TestTokens.user("ada-" + partnerId.toString().substring(0, 8), "partner-admin").partner(partnerId).sign();
    }

    /** A customer domain no other test uses. */
    public static String freshDomain() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 12) + ".example.com";
    }

    public static String body(String domain, List<String> products, String amount, String currency) {
        return """
                {"customerName": "Customer of %s", "customerDomain": "%s", "products": [%s],
                 "amount": {"amount": "%s", "currency": "%s"}, "expectedCloseDate": "%s"}"""
                .formatted(domain, domain, String.join(",", products.stream().map(p -> "\"" + p + "\"").toList()), amount,
                        currency, LocalDate.now(ZoneOffset.UTC).plusMonths(3));
    }

    /** Registers as the partner's user and returns the answer (201 expected). */
    public static Response register(UUID partnerId, String domain, String... products) {
        return given().auth().oauth2(partnerUser(partnerId)).contentType("application/json")
                .body(body(domain, List.of(products), "48000.00", "EUR"))
                .post("/api/v1/deal-registrations");
    }

    public static String registerId(UUID partnerId, String domain, String... products) {
        Response r = register(partnerId, domain, products);
        r.then().statusCode(201);
        return r.path("id");
    }

    public static Response act(String token, String id, String action, String body) {
        String etag = given().auth().oauth2(token).get("/api/v1/deal-registrations/" + id).then().statusCode(200)
                .extract().header("ETag");
        var request = given().auth().oauth2(token).header("If-Match", etag);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post("/api/v1/deal-registrations/" + id + "/" + action);
    }

    public static void approved(String id) {
        act(manager(), id, "approve", null).then().statusCode(200);
    }
}
