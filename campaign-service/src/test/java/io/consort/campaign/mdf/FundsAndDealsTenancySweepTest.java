package io.consort.campaign.mdf;

import static io.consort.campaign.deal.DealFixtures.freshDomain;
import static io.consort.campaign.deal.DealFixtures.manager;
import static io.consort.campaign.deal.DealFixtures.partnerAdmin;
import static io.consort.campaign.deal.DealFixtures.registerId;
import static io.consort.campaign.mdf.MdfResourceTest.REQUESTS;
import static io.consort.campaign.mdf.MdfResourceTest.act;
import static io.consort.campaign.mdf.MdfResourceTest.budget;
import static io.consort.campaign.mdf.MdfResourceTest.requestId;
import static io.consort.campaign.mdf.MdfResourceTest.submitClaim;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.campaign.partner.PartnerFacts;
import io.consort.testkit.ApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every deal-registration and MDF operation on one item, called by another partner's admin (the strongest
 * partner-side role) with this partner's ids, answers 404 (not yours) or 403 (not for partners), never anything
 * that shows or changes it. Driven by the OpenAPI document, so an endpoint added later is swept too.
 */
@QuarkusTest
class FundsAndDealsTenancySweepTest {

    @Test
    void anotherPartnersAdminGets404Or403OnEveryItemOperation() {
        UUID program = UUID.randomUUID();
        UUID victim = PartnerFacts.active(PartnerFacts.Profile.of(program, "EMEA"), "GOLD", 2);
        String deal = registerId(victim, freshDomain(), "P1");
        String budget = budget(victim, "1000", "EUR");
        String request = requestId(victim, budget, "100");
        act(manager(), REQUESTS, request, "approve", null).then().statusCode(200);
        given().auth().oauth2(manager()).contentType("application/json").body(MdfAllocationRulesTest.RULES.formatted(0))
                .put("/api/v1/mdf/programs/" + program + "/allocation-rules").then().statusCode(201);
        String claim = submitClaim(victim, request, "50", "INV-1").then().statusCode(201).extract().path("id");
        Map<String, String> ids = Map.of("/api/v1/deal-registrations/{", deal, "/api/v1/mdf/budgets/{", budget,
                "/api/v1/mdf/requests/{", request, "/api/v1/mdf/claims/{", claim,
                "/api/v1/mdf/programs/{", program.toString());
        String intruder = partnerAdmin(UUID.randomUUID());

        ApiDocument api = ApiDocument.fetch();
        Set<String> swept = new TreeSet<>();
        Set<String> leaks = new TreeSet<>();
        ids.forEach((prefix, id) -> {
            for (ApiDocument.Operation operation : api.operationsUnder(prefix)) {
                Response response = api.call(given().auth().oauth2(intruder).header("If-Match", "\"0\""), operation,
                        // the item's id first; a further variable (a rule version) names one that exists: 0
                        template -> template.replaceFirst("\\{[^}]+}", id).replaceAll("\\{[^}]+}", "0"));
                swept.add(operation.name());
                if (response.statusCode() != 404 && response.statusCode() != 403) {
                    leaks.add(operation.name() + " -> " + response.statusCode());
                }
            }
        });
        assertTrue(swept.size() >= 25, "swept only " + swept);
        assertEquals(Set.of(), leaks, "operations that answered another partner's admin with neither 404 nor 403");
    }
}
