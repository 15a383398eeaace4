package io.consort.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consort.testkit.ApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every documented operation, those added later included: a token without a Consort role is refused
 * (403), and a partner-side caller reaching for items it cannot see (another partner's, gated, or not
 * there) gets 403 or 404, never an item, and its lists (but the member directory) are empty while it has no
 * active membership.
 */
@QuarkusTest
class OperationsSweepTest {

    static String fill(String template) {
        return template.replace("{number}", "1").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    @Test
    void aTokenWithoutAConsortRoleIsRefusedEverywhere() {
        ApiDocument api = ApiDocument.fetch();
        Map<String, Integer> wrong = new TreeMap<>();
        for (ApiDocument.Operation operation : api.operationsUnder("/api/")) {
            Response response = api.call(given().auth().oauth2(Tokens.roleless()), operation, OperationsSweepTest::fill);
            if (response.statusCode() != 403 || !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                wrong.put(operation.name(), response.statusCode());
            }
        }
        assertEquals(Map.of(), wrong, "operations that do not answer a 403 problem to a role-less token");
    }

    @Test
    void aPartnerReachingForWhatItCannotSeeGetsNothing() {
        ApiDocument api = ApiDocument.fetch();
        String partner = Tokens.partnerAdmin("outsider", UUID.randomUUID());
        Map<String, Integer> wrong = new TreeMap<>();
        for (ApiDocument.Operation operation : api.operationsUnder("/api/")) {
            Response response = api.call(given().auth().oauth2(partner), operation, OperationsSweepTest::fill);
            int status = response.statusCode();
            boolean collection = operation.method().equals("GET") && !operation.path().contains("{");
            // The member directory is open to every partner (listed ACTIVE members), the rest is empty to it.
            boolean directory = operation.path().equals("/api/v1/members");
            boolean ok = collection
                    ? status == 200 && (directory || ((List<?>) response.path("items")).isEmpty())
                            || operation.path().endsWith("/search") && status == 400
                    : status == 403 || status == 404;
            if (!ok) {
                wrong.put(operation.name(), status);
            }
        }
        assertEquals(Map.of(), wrong, "operations that gave a partner without membership more than 403/404/empty");
    }
}
