package io.consort.recruitment.partner;

import static io.consort.recruitment.PartnerJourney.approvedPartner;
import static io.consort.recruitment.PartnerJourney.createProgram;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.testkit.ApiDocument;
import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation the service documents under {@code /api/v1/partners/{partner}/...}, called by another partner's
 * admin (the strongest partner-side role) on this partner's id, answers 404 (not yours) or 403 (not for
 * partners at all), never anything that shows or changes the partner. Driven by the OpenAPI document, so
 * an endpoint added later is swept too.
 */
@QuarkusTest
class PartnerTenancySweepTest {

    @Test
    void anotherPartnersAdminGets404Or403OnEveryPartnerScopedOperation() {
        String program = createProgram();
        String victim = approvedPartner(program);
        String intruder = approvedPartner(program);
        String token = TestTokens.user("ivy", "partner-admin").partner(UUID.fromString(intruder)).sign();

        ApiDocument api = ApiDocument.fetch();
        Set<String> swept = new TreeSet<>();
        Set<String> leaks = new TreeSet<>();
        for (ApiDocument.Operation operation : api.operationsUnder("/api/v1/partners/{")) {
            Response response = api.call(given().auth().oauth2(token).header("If-Match", "\"0\""), operation,
                    template -> ApiDocument.randomIds(template.replaceFirst("\\{[^}]+}", victim)));
            swept.add(operation.name());
            if (response.statusCode() != 404 && response.statusCode() != 403) {
                leaks.add(operation.name() + " -> " + response.statusCode());
            }
        }
        assertTrue(swept.size() >= 10, "swept only " + swept);
        assertEquals(Set.of(), leaks, "operations that answered another partner's admin with neither 404 nor 403");
    }
}
