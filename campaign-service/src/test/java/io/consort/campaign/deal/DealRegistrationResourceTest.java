package io.consort.campaign.deal;

import static io.consort.campaign.deal.DealFixtures.act;
import static io.consort.campaign.deal.DealFixtures.approved;
import static io.consort.campaign.deal.DealFixtures.freshDomain;
import static io.consort.campaign.deal.DealFixtures.manager;
import static io.consort.campaign.deal.DealFixtures.partnerUser;
import static io.consort.campaign.deal.DealFixtures.register;
import static io.consort.campaign.deal.DealFixtures.registerId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DealRegistrationResourceTest {

    static final String PATH = "/api/v1/deal-registrations";

    static ConsumerRecord<String, String> event(UUID partnerId, String ceType, String dealId) {
        ConsumerRecord<String, String> record = KafkaRecords.await(Topics.CAMPAIGNS, KafkaRecords.withKey(partnerId.toString())
                .and(KafkaRecords.withCeType(ceType)).and(KafkaRecords.withCeSubject(dealId)), Duration.ofSeconds(30));
        EventSchemas.assertValid(ceType, record.value());
        return record;
    }

    @Test
    void aPartnerRegistersADealWithItsDomainNormalisedAndTheFactIsPublished() {
        UUID partner = UUID.randomUUID();
        String label = "müller-" + UUID.randomUUID().toString().substring(0, 6);
        Response r = given().auth().oauth2(partnerUser(partner)).contentType("application/json")
                .body(DealFixtures.body("https://WWW." + label.toUpperCase() + ".de/kontakt", List.of("analytics-pro", "ANALYTICS-PRO"),
                        "48000", "EUR"))
                .post(PATH);
        r.then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .header("ETag", notNullValue())
                .body("partnerId", equalTo(partner.toString()))
                .body("state", equalTo("SUBMITTED"))
                .body("customerDomain", equalTo(java.net.IDN.toASCII(label + ".de")))
                .body("products", equalTo(List.of("ANALYTICS-PRO")))
                .body("amount.amount", equalTo("48000.00"))
                .body("amount.currency", equalTo("EUR"))
                .body("conflicts", hasSize(0));
        String id = r.path("id");
        given().auth().oauth2(partnerUser(partner)).get(r.header("Location")).then().statusCode(200)
                .header("ETag", equalTo(r.header("ETag")));
        ConsumerRecord<String, String> event = event(partner, EventTypes.DEAL_REGISTERED.ceType(), id);
        assertTrue(event.value().contains("\"amount\":\"48000.00\""), event.value());
    }

    @Test
    void aConflictAtSubmissionNamesTheRuleAndTheEndButNeverTheOtherPartner() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String domain = freshDomain();
        String firstId = registerId(first, domain, "ANALYTICS-PRO", "CLOUD-BACKUP");

        Response pending = register(second, "www." + domain.toUpperCase(), "cloud-backup");
        pending.then().statusCode(201)
                .body("conflicts", hasSize(1))
                .body("conflicts[0].rule", equalTo("PENDING_REGISTRATION"))
                .body("conflicts[0].products", equalTo(List.of("CLOUD-BACKUP")))
                .body("conflicts[0].endsAt", notNullValue())
                .body("conflicts[0].partnerId", nullValue())
                .body("conflicts[0].dealId", nullValue());
        assertFalse(pending.asString().contains(first.toString()), "the other partner is named: " + pending.asString());
        assertFalse(pending.asString().contains(firstId), "the other registration is named: " + pending.asString());

        approved(firstId);
        String protectedUntil = given().auth().oauth2(manager()).get(PATH + "/" + firstId).path("protectedUntil");
        Response check = given().auth().oauth2(partnerUser(second)).contentType("application/json")
                .body("{\"customerDomain\": \"" + domain + "\", \"products\": [\"ANALYTICS-PRO\"]}")
                .post(PATH + "/conflict-check");
        check.then().statusCode(200)
                .body("customerDomain", equalTo(domain))
                .body("conflicts", hasSize(1))
                .body("conflicts[0].rule", equalTo("APPROVED_PROTECTION"))
                .body("conflicts[0].explanation", containsString("approved"))
                .body("conflicts[0].endsAt", equalTo(protectedUntil))
                .body("conflicts[0].partnerId", nullValue());
        assertFalse(check.asString().contains(first.toString()));

        // The vendor sees the same conflict with who holds it, and the rivals side by side.
        String secondId = pending.path("id");
        given().auth().oauth2(manager()).get(PATH + "/" + secondId + "/review").then().statusCode(200)
                .body("registration.id", equalTo(secondId))
                .body("registration.conflicts[0].partnerId", equalTo(first.toString()))
                .body("registration.conflicts[0].rule", equalTo("APPROVED_PROTECTION"))
                .body("conflicting", hasSize(1))
                .body("conflicting[0].rule", equalTo("APPROVED_PROTECTION"))
                .body("conflicting[0].registration.id", equalTo(firstId))
                .body("conflicting[0].registration.partnerId", equalTo(first.toString()))
                .body("conflicting[0].registration.state", equalTo("APPROVED"));
        // The second one cannot be approved while the first is protected: 409 saying why.
        act(manager(), secondId, "approve", null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("protected until"))
                .body("detail", containsString("at most one registration per customer and product"));
    }

    @Test
    void theSamePartnerOrAnotherProductIsNoConflict() {
        UUID partner = UUID.randomUUID();
        String domain = freshDomain();
        registerId(partner, domain, "A1");
        register(partner, domain, "A1").then().statusCode(201).body("conflicts", hasSize(0));
        register(UUID.randomUUID(), domain, "B2").then().statusCode(201).body("conflicts", hasSize(0));
    }

    @Test
    void aListPageShowsEachPendingRegistrationsOwnConflictsFromOneQueryForThePage() {
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String x = freshDomain();
        String y = freshDomain();
        String onX = registerId(mine, x, "P1");
        String onY = registerId(mine, y, "P2");
        String decided = registerId(mine, y, "P2");
        // The page's candidate query covers domains {x, y} and products {P1, P2}: these rivals are all in it,
        // and only the second is one of onY's conflicts (x/P2 is another product of onX, another domain of onY).
        registerId(other, x, "P2");
        registerId(other, y, "P2");
        act(manager(), decided, "reject", "{\"reason\": \"duplicate\"}").then().statusCode(200);

        Response list = given().auth().oauth2(manager()).queryParam("partnerId", mine.toString()).get(PATH);
        list.then().statusCode(200).body("items.id", equalTo(List.of(onX, onY, decided)))
                .body("items[0].conflicts", hasSize(0))
                .body("items[1].conflicts", hasSize(1))
                .body("items[1].conflicts[0].rule", equalTo("PENDING_REGISTRATION"))
                .body("items[1].conflicts[0].partnerId", equalTo(other.toString()))
                .body("items[2].conflicts", hasSize(0));
        // The same as each registration's own answer.
        for (int i = 0; i < 2; i++) {
            String id = list.path("items[" + i + "].id");
            List<Object> single = given().auth().oauth2(manager()).get(PATH + "/" + id).path("conflicts");
            assertEquals(single, list.path("items[" + i + "].conflicts"), id);
        }
        // The partner's own view of its list hides who holds the conflict.
        given().auth().oauth2(partnerUser(mine)).get(PATH).then().statusCode(200)
                .body("items[1].conflicts", hasSize(1)).body("items[1].conflicts[0].partnerId", nullValue());
    }

    @Test
    void theWholeReviewPathWithIfMatchAndTheEventsOfEachDecision() {
        UUID partner = UUID.randomUUID();
        String token = partnerUser(partner);
        String id = registerId(partner, freshDomain(), "ANALYTICS-PRO");

        // If-Match: missing is 428, stale is 412.
        given().auth().oauth2(manager()).post(PATH + "/" + id + "/start-review").then().statusCode(428)
                .contentType("application/problem+json");
        given().auth().oauth2(manager()).header("If-Match", "\"99\"").post(PATH + "/" + id + "/start-review").then()
                .statusCode(412).contentType("application/problem+json");

        act(manager(), id, "start-review", null).then().statusCode(200).body("state", equalTo("IN_REVIEW"));
        act(manager(), id, "request-action", "{\"note\": \"Name the purchasing contact\"}").then().statusCode(200)
                .body("state", equalTo("ACTION_REQUIRED")).body("reviewNote", equalTo("Name the purchasing contact"));
        act(manager(), id, "approve", null).then().statusCode(409).body("detail", containsString("ACTION_REQUIRED"));
        act(token, id, "resubmit", "{\"note\": \"Jane Roe, procurement\"}").then().statusCode(200)
                .body("state", equalTo("IN_REVIEW"));
        // A partner cannot approve its own registration.
        act(token, id, "approve", null).then().statusCode(403).contentType("application/problem+json");
        Instant before = Instant.now();
        Response approval = act(manager(), id, "approve", null);
        approval.then().statusCode(200).body("state", equalTo("APPROVED")).body("decidedBy", equalTo("manager"));
        Instant until = Instant.parse(approval.path("protectedUntil"));
        assertTrue(!until.isBefore(before.plus(Duration.ofDays(90)).minusSeconds(5))
                && !until.isAfter(Instant.now().plus(Duration.ofDays(90))), "protected for 90 days: " + until);
        event(partner, EventTypes.DEAL_APPROVED.ceType(), id);

        act(token, id, "extend-protection", null).then().statusCode(200).body("protectionExtended", equalTo(true))
                .body("protectedUntil", equalTo(until.plus(Duration.ofDays(30)).toString()));
        act(token, id, "extend-protection", null).then().statusCode(409)
                .body("detail", containsString("already extended once"));
        act(token, id, "withdraw", null).then().statusCode(409);

        act(token, id, "win", "{\"closedOn\": \"2027-01-15\", \"amount\": {\"amount\": \"50000\", \"currency\": \"USD\"}}")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("EUR"));
        act(token, id, "win", "{\"closedOn\": \"2027-01-15\", \"amount\": {\"amount\": \"51000.5\", \"currency\": \"EUR\"}}")
                .then().statusCode(200).body("state", equalTo("WON")).body("amount.amount", equalTo("51000.50"))
                .body("closedOn", equalTo("2027-01-15"));
        ConsumerRecord<String, String> won = event(partner, EventTypes.DEAL_WON.ceType(), id);
        assertTrue(won.value().contains("\"51000.50\""), won.value());
        act(token, id, "lose", "{}").then().statusCode(409).body("detail", containsString("WON"));
    }

    @Test
    void rejectionLossAndWithdrawalArePublishedOrRecorded() {
        UUID partner = UUID.randomUUID();
        String rejected = registerId(partner, freshDomain(), "P1");
        act(manager(), rejected, "reject", "{\"reason\": \"direct account\"}").then().statusCode(200)
                .body("state", equalTo("REJECTED")).body("reason", equalTo("direct account"));
        event(partner, EventTypes.DEAL_REJECTED.ceType(), rejected);
        act(manager(), rejected, "reject", "{\"reason\": \"\"}").then().statusCode(400);

        String lost = registerId(partner, freshDomain(), "P1");
        approved(lost);
        act(partnerUser(partner), lost, "lose", "{\"reason\": \"competitor\"}").then().statusCode(200)
                .body("state", equalTo("LOST")).body("reason", equalTo("competitor"));
        event(partner, EventTypes.DEAL_LOST.ceType(), lost);

        String withdrawn = registerId(partner, freshDomain(), "P1");
        act(partnerUser(partner), withdrawn, "withdraw", null).then().statusCode(200).body("state", equalTo("WITHDRAWN"));
    }

    @Test
    void listsFilterByPartnerAndStateAndAPartnerSeesOnlyItsOwn() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        String a = registerId(mine, freshDomain(), "P1");
        String b = registerId(mine, freshDomain(), "P1");
        approved(b);
        String c = registerId(theirs, freshDomain(), "P1");

        given().auth().oauth2(manager()).queryParam("partnerId", mine.toString()).get(PATH).then().statusCode(200)
                .body("items.id", equalTo(List.of(a, b))).body("nextCursor", nullValue());
        given().auth().oauth2(manager()).queryParam("partnerId", mine.toString()).queryParam("state", "APPROVED").get(PATH)
                .then().statusCode(200).body("items.id", equalTo(List.of(b)));
        given().auth().oauth2(manager()).queryParam("partnerId", mine.toString()).queryParam("state", "SUBMITTED,APPROVED")
                .get(PATH).then().statusCode(200).body("items.id", equalTo(List.of(a, b)));
        given().auth().oauth2(manager()).queryParam("partnerId", mine.toString()).queryParam("state", "SUBMITTED")
                .queryParam("state", "APPROVED").queryParam("limit", 1).get(PATH).then().statusCode(200)
                .body("items.id", equalTo(List.of(a))).body("nextCursor", notNullValue());
        given().auth().oauth2(manager()).queryParam("state", "NOPE").get(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("state"));

        // A partner asking for another partner's list gets nothing of it; its own list holds its own only.
        given().auth().oauth2(partnerUser(theirs)).queryParam("partnerId", mine.toString()).get(PATH).then()
                .statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(partnerUser(theirs)).get(PATH).then().statusCode(200).body("items.id", equalTo(List.of(c)));
        given().auth().oauth2(partnerUser(theirs)).get(PATH + "/" + a).then().statusCode(404)
                .contentType("application/problem+json");
        // And cannot act on it either.
        given().auth().oauth2(partnerUser(theirs)).header("If-Match", "\"0\"").post(PATH + "/" + a + "/withdraw").then()
                .statusCode(404);
        // Nor register for it.
        given().auth().oauth2(partnerUser(theirs)).contentType("application/json")
                .body(DealFixtures.body(freshDomain(), List.of("P1"), "10", "EUR").replace("{\"customerName\"",
                        "{\"partnerId\": \"" + mine + "\", \"customerName\""))
                .post(PATH).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String token = partnerUser(UUID.randomUUID());
        record Case(String body, String field) {
        }
        for (Case c : List.of(
                new Case(DealFixtures.body("not a domain", List.of("P1"), "10", "EUR"), "customerDomain"),
                new Case(DealFixtures.body("localhost", List.of("P1"), "10", "EUR"), "customerDomain"),
                new Case(DealFixtures.body(freshDomain(), List.of("two words"), "10", "EUR"), "products"),
                new Case(DealFixtures.body(freshDomain(), List.of("P1"), "10", "eur"), "amount"),
                new Case(DealFixtures.body(freshDomain(), List.of("P1"), "10", "XYZ"), "amount"),
                new Case(DealFixtures.body(freshDomain(), List.of("P1"), "10.001", "EUR"), "amount"),
                new Case(DealFixtures.body(freshDomain(), List.of("P1"), "-5", "EUR"), "amount"),
                new Case(DealFixtures.body(freshDomain(), List.of("P1"), "10", "EUR").replaceAll("\"expectedCloseDate\": \"[^\"]+\"",
                        "\"expectedCloseDate\": \"2001-01-01\""), "expectedCloseDate"),
                new Case(DealFixtures.body(freshDomain(), List.of(), "10", "EUR"), "products"))) {
            given().auth().oauth2(token).contentType("application/json").body(c.body()).post(PATH).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field.flatten()", org.hamcrest.Matchers.hasItem(startsWith(c.field())));
        }
        given().auth().oauth2(token).contentType("application/json").body("{\"customerName\": ").post(PATH).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json")
                .body(DealFixtures.body(freshDomain(), List.of("P1"), "abc", "EUR")).post(PATH).then()
                .statusCode(400).contentType("application/problem+json");
        // A vendor registering must say for which partner.
        given().auth().oauth2(manager()).contentType("application/json")
                .body(DealFixtures.body(freshDomain(), List.of("P1"), "10", "EUR")).post(PATH).then()
                .statusCode(400).body("errors[0].field", equalTo("partnerId"));
        given().auth().oauth2(manager()).get(PATH + "/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(manager()).get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anIntegratorReadsButDoesNotDecide() {
        String id = registerId(UUID.randomUUID(), freshDomain(), "P1");
        String integrator = TestTokens.user("crm-sync", "integrator").sign();
        given().auth().oauth2(integrator).get(PATH + "/" + id).then().statusCode(200);
        given().auth().oauth2(integrator).header("If-Match", "\"0\"").post(PATH + "/" + id + "/approve").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(partnerUser(UUID.randomUUID())).get(PATH + "/" + id + "/review").then().statusCode(403);
    }

    @Test
    void aRetriedApprovalWithTheSameIdempotencyKeyApprovesOnce() {
        UUID partner = UUID.randomUUID();
        String id = registerId(partner, freshDomain(), "P1");
        String etag = given().auth().oauth2(manager()).get(PATH + "/" + id).header("ETag");
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(manager()).header("If-Match", etag).header("Idempotency-Key", key)
                .contentType("application/json").body("{}").post(PATH + "/" + id + "/approve");
        first.then().statusCode(200);
        given().auth().oauth2(manager()).header("If-Match", etag).header("Idempotency-Key", key)
                .contentType("application/json").body("{}").post(PATH + "/" + id + "/approve").then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("protectedUntil", equalTo(first.path("protectedUntil")));
        event(partner, EventTypes.DEAL_APPROVED.ceType(), id);
        List<ConsumerRecord<String, String>> approvals = KafkaRecords.current(Topics.CAMPAIGNS,
                KafkaRecords.withCeType(EventTypes.DEAL_APPROVED.ceType()).and(KafkaRecords.withCeSubject(id)));
        assertEquals(1, approvals.size());
    }
}
