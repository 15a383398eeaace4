package io.consort.campaign.deal;

import static io.consort.campaign.deal.DealFixtures.freshDomain;
import static io.consort.campaign.deal.DealFixtures.manager;
import static io.consort.campaign.deal.DealFixtures.partnerAdmin;
import static io.consort.campaign.deal.DealFixtures.partnerUser;
import static io.consort.campaign.deal.DealFixtures.register;
import static io.consort.campaign.deal.DealFixtures.registerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.consort.campaign.partner.PartnerFacts;
import io.consort.campaign.partner.PartnerStatus;
import io.consort.contracts.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deals and funds as the partner view (recruitment's events) shapes them: who may register, who sees what. */
@QuarkusTest
class DealPartnerViewTest {

    static final UUID PROGRAM = UUID.randomUUID();

    @Test
    void aSuspendedPartnerNeitherRegistersDealsNorRequestsFunds() {
        UUID partner = PartnerFacts.active(PartnerFacts.Profile.of(PROGRAM, "EMEA"), "REGISTERED", 0);
        String budget = given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"partnerId\": \"" + partner + "\", \"period\": \"2030\", \"allocated\": {\"amount\": \"100\", \"currency\": \"EUR\"}}")
                .post("/api/v1/mdf/budgets").then().statusCode(201).extract().path("id");
        register(partner, freshDomain(), "P1").then().statusCode(201);

        PartnerFacts.lifecycle(EventTypes.PARTNER_SUSPENDED.ceType(), partner, PROGRAM, Instant.now());
        PartnerFacts.awaitPartner(partner, p -> p.status() == PartnerStatus.SUSPENDED);

        register(partner, freshDomain(), "P1").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("SUSPENDED"));
        given().auth().oauth2(partnerUser(partner)).contentType("application/json")
                .body("{\"budgetId\": \"" + budget + "\", \"activity\": \"Webinar\", \"plannedDate\": \"2030-02-01\", "
                        + "\"amount\": {\"amount\": \"10\", \"currency\": \"EUR\"}}")
                .post("/api/v1/mdf/requests").then().statusCode(422).body("detail", containsString("SUSPENDED"));
    }

    @Test
    void aParentPartnersAdminSeesItsChildrensDealsAndFundsButAChildsUserSeesOnlyItsOwn() {
        UUID parent = PartnerFacts.active(PartnerFacts.Profile.of(PROGRAM, "EMEA"), "REGISTERED", 0);
        UUID child = PartnerFacts.active(PartnerFacts.Profile.of(PROGRAM, "EMEA").under(parent), "REGISTERED", 0);
        PartnerFacts.awaitPartner(child, p -> parent.equals(p.parentPartnerId()));
        String parentsDeal = registerId(parent, freshDomain(), "P1");
        String childsDeal = registerId(child, freshDomain(), "P1");

        given().auth().oauth2(partnerAdmin(parent)).get("/api/v1/deal-registrations").then().statusCode(200)
                .body("items.id", hasItem(childsDeal)).body("items.id", hasItem(parentsDeal));
        given().auth().oauth2(partnerAdmin(parent)).queryParam("partnerId", child.toString())
                .get("/api/v1/deal-registrations").then().body("items.id", equalTo(java.util.List.of(childsDeal)));
        given().auth().oauth2(partnerAdmin(parent)).get("/api/v1/deal-registrations/" + childsDeal).then().statusCode(200);
        // The parent's admin registers for its child; the child's own user sees nothing of the parent.
        given().auth().oauth2(partnerAdmin(parent)).contentType("application/json")
                .body(DealFixtures.body(freshDomain(), java.util.List.of("P2"), "10", "EUR")
                        .replace("{\"customerName\"", "{\"partnerId\": \"" + child + "\", \"customerName\""))
                .post("/api/v1/deal-registrations").then().statusCode(201).body("partnerId", equalTo(child.toString()));
        given().auth().oauth2(partnerUser(child)).get("/api/v1/deal-registrations").then().statusCode(200)
                .body("items.id", not(hasItem(parentsDeal)));
        given().auth().oauth2(partnerUser(child)).get("/api/v1/deal-registrations/" + parentsDeal).then().statusCode(404);
    }
}
