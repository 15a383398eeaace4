package io.consort.integration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.testkit.ApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every documented operation refuses the roles that may not manage webhooks with a 403 problem. */
@QuarkusTest
class RoleSweepTest {

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aChannelManagerIsRefusedEverywhere() {
        assertEveryOperationIs403();
    }

    @Test
    @TestSecurity(user = "acme-user", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "6f1d2c3b-4a59-4e68-8d7c-6b5a49382716"))
    void aPartnerUserIsRefusedEverywhere() {
        assertEveryOperationIs403();
    }

    private static void assertEveryOperationIs403() {
        ApiDocument api = ApiDocument.fetch();
        Set<String> wrong = new TreeSet<>();
        int swept = 0;
        for (ApiDocument.Operation operation : api.operationsUnder("/api/")) {
            Response response = api.call(given(), operation,
                    ApiDocument::randomIds);
            swept++;
            if (response.statusCode() != 403 || !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                wrong.add(operation.name() + " -> " + response.statusCode());
            }
        }
        assertTrue(swept >= 13, "operations swept: " + swept);
        assertEquals(Set.of(), wrong, "operations that do not answer a 403 problem");
    }
}
