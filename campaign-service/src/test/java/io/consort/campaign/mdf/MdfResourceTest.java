package io.consort.campaign.mdf;

import static io.consort.campaign.deal.DealFixtures.manager;
import static io.consort.campaign.deal.DealFixtures.partnerUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MdfResourceTest {

    static final String BUDGETS = "/api/v1/mdf/budgets";
    static final String REQUESTS = "/api/v1/mdf/requests";
    static final String CLAIMS = "/api/v1/mdf/claims";

    @Inject
    AgroalDataSource db;

    @Inject
    MdfService service;

    static String period() {
        // A period of its own per budget: one budget per partner and period, and partners are fresh per test.
        return (LocalDate.now(ZoneOffset.UTC).getYear() + 1) + "";
    }

    static String budget(UUID partner, String amount, String currency) {
        Response r = given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"partnerId\": \"" + partner + "\", \"period\": \"" + period() + "\", \"allocated\": {\"amount\": \""
                        + amount + "\", \"currency\": \"" + currency + "\"}, \"note\": \"yearly\"}")
                .post(BUDGETS);
        r.then().statusCode(201).header("Location", containsString(BUDGETS + "/")).header("ETag", notNullValue());
        return r.path("id");
    }

    static Response submitRequest(UUID partner, String budgetId, String amount, String currency) {
        return given().auth().oauth2(partnerUser(partner)).contentType("application/json")
                .body("{\"budgetId\": \"" + budgetId + "\", \"activity\": \"Joint webinar\", \"plannedDate\": \""
                        + LocalDate.now(ZoneOffset.UTC).plusMonths(1) + "\", \"amount\": {\"amount\": \"" + amount
                        + "\", \"currency\": \"" + currency + "\"}}")
                .post(REQUESTS);
    }

    static String requestId(UUID partner, String budgetId, String amount) {
        Response r = submitRequest(partner, budgetId, amount, "EUR");
        r.then().statusCode(201);
        return r.path("id");
    }

    static Response act(String token, String path, String id, String action, String body) {
        String etag = given().auth().oauth2(token).get(path + "/" + id).then().statusCode(200).extract().header("ETag");
        // Actions whose body is optional still take JSON: an empty object asks for the defaults.
        return given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                .body(body == null ? "{}" : body).post(path + "/" + id + "/" + action);
    }

    static Response submitClaim(UUID partner, String requestId, String amount, String invoice) {
        return given().auth().oauth2(partnerUser(partner)).contentType("application/json")
                .body("{\"requestId\": \"" + requestId + "\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}, "
                        + "\"invoiceNumber\": \"" + invoice + "\", \"proofLinks\": [\"https://files.example.com/report.pdf\"]}")
                .post(CLAIMS);
    }

    @Test
    void aBudgetsFiguresFollowItsLedgerFromAllocationToPaymentAndTheStatementAddsUp() {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "10000", "EUR");
        given().auth().oauth2(partnerUser(partner)).queryParam("partnerId", partner.toString()).get(BUDGETS).then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].allocated.amount", equalTo("10000.00"))
                .body("items[0].available.amount", equalTo("10000.00"))
                .body("items[0].committed.amount", equalTo("0.00"));

        String request = requestId(partner, budget, "4000");
        submitRequest(partner, budget, "100", "USD").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("EUR"));
        act(manager(), REQUESTS, request, "approve", "{\"amount\": {\"amount\": \"4000.01\", \"currency\": \"EUR\"}}")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        Response approval = act(manager(), REQUESTS, request, "approve", "{\"amount\": {\"amount\": \"3500\", \"currency\": \"EUR\"}}");
        approval.then().statusCode(200).body("state", equalTo("APPROVED")).body("approved.amount", equalTo("3500.00"))
                .body("expiresAt", notNullValue());
        ConsumerRecord<String, String> approved = KafkaRecords.await(Topics.CAMPAIGNS, KafkaRecords.withKey(partner.toString())
                .and(KafkaRecords.withCeType(EventTypes.MDF_REQUEST_APPROVED.ceType())), Duration.ofSeconds(30));
        EventSchemas.assertValid(EventTypes.MDF_REQUEST_APPROVED.ceType(), approved.value());
        act(manager(), REQUESTS, request, "approve", null).then().statusCode(409);

        String claim = submitClaim(partner, request, "2000", "INV-1").then().statusCode(201).extract().path("id");
        submitClaim(partner, request, "10", "INV-1").then().statusCode(409).body("detail", containsString("INV-1"));
        submitClaim(partner, request, "3500.01", "INV-2").then().statusCode(422)
                .body("detail", containsString("3500.00 EUR"));
        String second = submitClaim(partner, request, "1500", "INV-2").then().statusCode(201).extract().path("id");
        act(manager(), CLAIMS, claim, "approve", "{\"amount\": {\"amount\": \"1800\", \"currency\": \"EUR\"}}").then()
                .statusCode(200).body("approved.amount", equalTo("1800.00"));
        act(manager(), CLAIMS, claim, "pay", "{\"paymentReference\": \"SEPA-1\"}").then().statusCode(200)
                .body("state", equalTo("PAID")).body("paidAt", notNullValue());
        act(manager(), CLAIMS, claim, "pay", "{\"paymentReference\": \"SEPA-2\"}").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("PAID"));
        ConsumerRecord<String, String> paid = KafkaRecords.await(Topics.CAMPAIGNS, KafkaRecords.withKey(partner.toString())
                .and(KafkaRecords.withCeType(EventTypes.MDF_CLAIM_PAID.ceType())), Duration.ofSeconds(30));
        EventSchemas.assertValid(EventTypes.MDF_CLAIM_PAID.ceType(), paid.value());
        act(manager(), CLAIMS, second, "reject", "{\"note\": \"no proof of attendance\"}").then().statusCode(200)
                .body("state", equalTo("REJECTED"));

        given().auth().oauth2(partnerUser(partner)).get(BUDGETS + "/" + budget).then().statusCode(200)
                .body("allocated.amount", equalTo("10000.00"))
                .body("committed.amount", equalTo("3500.00"))
                .body("claimed.amount", equalTo("1800.00"))
                .body("paid.amount", equalTo("1800.00"))
                .body("available.amount", equalTo("6500.00"));
        given().auth().oauth2(partnerUser(partner)).get(REQUESTS + "/" + request).then().statusCode(200)
                .body("claimed.amount", equalTo("1800.00"));
        given().auth().oauth2(partnerUser(partner)).get(BUDGETS + "/" + budget + "/statement").then().statusCode(200)
                .body("lines.kind", equalTo(List.of("ALLOCATED", "COMMITTED", "CLAIMED", "PAID")))
                .body("lines.available.amount", equalTo(List.of("10000.00", "6500.00", "6500.00", "6500.00")))
                .body("budget.available.amount", equalTo("6500.00"))
                .body("budget.paid.amount", equalTo("1800.00"));
    }

    @Test
    void allocationsMoveOnlyDownToWhatIsCommittedAndAReturnedRequestIsResubmitted() {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "1000", "EUR");
        String request = requestId(partner, budget, "800");
        act(manager(), REQUESTS, request, "return", "{\"note\": \"add the agenda\"}").then().statusCode(200)
                .body("state", equalTo("RETURNED"));
        act(partnerUser(partner), REQUESTS, request, "resubmit", "{\"amount\": {\"amount\": \"700\", \"currency\": \"EUR\"}}")
                .then().statusCode(200).body("state", equalTo("SUBMITTED")).body("requested.amount", equalTo("700.00"));
        act(partnerUser(partner), REQUESTS, request, "approve", null).then().statusCode(403);
        act(manager(), REQUESTS, request, "approve", null).then().statusCode(200);
        act(manager(), BUDGETS, budget, "allocations", "{\"amount\": {\"amount\": \"-300.01\", \"currency\": \"EUR\"}}")
                .then().statusCode(422).body("detail", containsString("300.00 EUR remains available"));
        act(manager(), BUDGETS, budget, "allocations", "{\"amount\": {\"amount\": \"-300\", \"currency\": \"EUR\"}}")
                .then().statusCode(200).body("allocated.amount", equalTo("700.00")).body("available.amount", equalTo("0.00"));
        act(manager(), BUDGETS, budget, "allocations", "{\"amount\": {\"amount\": \"5\", \"currency\": \"USD\"}}")
                .then().statusCode(422);
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"partnerId\": \"" + partner + "\", \"period\": \"" + period() + "\", \"allocated\": {\"amount\": \"1\", \"currency\": \"EUR\"}}")
                .post(BUDGETS).then().statusCode(409);
        given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"partnerId\": \"" + partner + "\", \"period\": \"2027-Q5\", \"allocated\": {\"amount\": \"1\", \"currency\": \"EUR\"}}")
                .post(BUDGETS).then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(partnerUser(partner)).contentType("application/json")
                .body("{\"partnerId\": \"" + partner + "\", \"period\": \"2030\", \"allocated\": {\"amount\": \"1\", \"currency\": \"EUR\"}}")
                .post(BUDGETS).then().statusCode(403);
    }

    @Test
    void anExpiredRequestReleasesWhatWasNotClaimed() throws SQLException {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "1000", "EUR");
        String request = requestId(partner, budget, "600");
        act(manager(), REQUESTS, request, "approve", null).then().statusCode(200);
        String claim = submitClaim(partner, request, "250", "INV-9").then().statusCode(201).extract().path("id");
        act(manager(), CLAIMS, claim, "approve", null).then().statusCode(200);
        expire(request);
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget).then()
                .body("committed.amount", equalTo("250.00")).body("available.amount", equalTo("750.00"));
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget + "/statement").then()
                .body("lines.kind", equalTo(List.of("ALLOCATED", "COMMITTED", "CLAIMED", "RELEASED")))
                .body("lines[3].amount.amount", equalTo("350.00"));
        submitClaim(partner, request, "10", "INV-10").then().statusCode(409);
    }

    @Test
    void claimsPendingWhenTheRequestExpiresStayDecidableAndOnlyTheUnclaimedRestIsReleased() throws SQLException {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "1000", "EUR");
        String request = requestId(partner, budget, "600");
        act(manager(), REQUESTS, request, "approve", null).then().statusCode(200);
        String approved = submitClaim(partner, request, "100", "INV-A").then().statusCode(201).extract().path("id");
        act(manager(), CLAIMS, approved, "approve", null).then().statusCode(200);
        String pending = submitClaim(partner, request, "250", "INV-P").then().statusCode(201).extract().path("id");
        String doomed = submitClaim(partner, request, "50", "INV-D").then().statusCode(201).extract().path("id");
        expire(request);
        // 600 approved − 100 claimed − 300 pending: 200 released now, 300 stays committed for the pending claims
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget).then()
                .body("committed.amount", equalTo("400.00")).body("available.amount", equalTo("600.00"));
        submitClaim(partner, request, "10", "INV-LATE").then().statusCode(409);

        act(manager(), CLAIMS, doomed, "reject", "{\"note\": \"no proof\"}").then().statusCode(200);
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget).then().body("committed.amount", equalTo("400.00"));
        act(manager(), CLAIMS, pending, "approve", "{\"amount\": {\"amount\": \"250.01\", \"currency\": \"EUR\"}}")
                .then().statusCode(400);
        act(manager(), CLAIMS, pending, "approve", "{\"amount\": {\"amount\": \"200\", \"currency\": \"EUR\"}}")
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        act(manager(), CLAIMS, pending, "pay", null).then().statusCode(200).body("state", equalTo("PAID"));
        // the last pending claim decided: the rest (the rejected 50 and the 50 not granted) goes back
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget).then()
                .body("committed.amount", equalTo("300.00")).body("claimed.amount", equalTo("300.00"))
                .body("available.amount", equalTo("700.00"));
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget + "/statement").then()
                .body("lines.kind", equalTo(List.of("ALLOCATED", "COMMITTED", "CLAIMED", "RELEASED", "CLAIMED", "RELEASED", "PAID")))
                .body("lines[3].amount.amount", equalTo("200.00")).body("lines[3].claimId", equalTo(null))
                .body("lines[5].amount.amount", equalTo("100.00")).body("lines[5].claimId", equalTo(pending));
        assertLedgerKeepsItsPromises(db, budget);
    }

    @Test
    void anExpiredRequestWhosePendingClaimIsRejectedReleasesAllOfIt() throws SQLException {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "1000", "EUR");
        String request = requestId(partner, budget, "600");
        act(manager(), REQUESTS, request, "approve", null).then().statusCode(200);
        String pending = submitClaim(partner, request, "600", "INV-P").then().statusCode(201).extract().path("id");
        expire(request);
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget).then().body("committed.amount", equalTo("600.00"));
        act(manager(), CLAIMS, pending, "reject", "{\"note\": \"late invoice\"}").then().statusCode(200);
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget).then()
                .body("committed.amount", equalTo("0.00")).body("available.amount", equalTo("1000.00"));
        assertLedgerKeepsItsPromises(db, budget);
    }

    void expire(String request) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE mdf_requests SET expires_at = now() WHERE id = ?::uuid")) {
            u.setString(1, request);
            assertEquals(1, u.executeUpdate());
        }
        assertTrue(service.expireDue(MdfService.now(), 500) >= 1);
        given().auth().oauth2(manager()).get(REQUESTS + "/" + request).then().body("state", equalTo("EXPIRED"));
    }

    @Test
    void theLedgerIsAppendOnly() throws SQLException {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "1000", "EUR");
        try (Connection c = db.getConnection()) {
            for (String sql : List.of("UPDATE mdf_ledger_entries SET amount = 1000000 WHERE budget_id = ?::uuid",
                    "DELETE FROM mdf_ledger_entries WHERE budget_id = ?::uuid")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, budget);
                    SQLException e = assertThrows(SQLException.class, s::executeUpdate, sql);
                    assertTrue(e.getMessage().contains("append-only"), e.getMessage());
                }
            }
        }
    }

    @Test
    void aRetriedApprovalOrPaymentWithItsIdempotencyKeyGetsTheFirstAnswerAndWritesNothingTwice() throws SQLException {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "1000", "EUR");
        String request = requestId(partner, budget, "400");
        String etag = given().auth().oauth2(manager()).get(REQUESTS + "/" + request).header("ETag");
        String key = UUID.randomUUID().toString();
        Response first = keyed(key, etag, "{}").post(REQUESTS + "/" + request + "/approve");
        first.then().statusCode(200).body("state", equalTo("APPROVED"));
        keyed(key, etag, "{}").post(REQUESTS + "/" + request + "/approve").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body(equalTo(first.asString()));
        keyed(key, etag, "{\"note\": \"another body\"}").post(REQUESTS + "/" + request + "/approve").then().statusCode(422);

        String claim = submitClaim(partner, request, "300", "INV-9").then().statusCode(201).extract().path("id");
        act(manager(), CLAIMS, claim, "approve", null).then().statusCode(200);
        String claimTag = given().auth().oauth2(manager()).get(CLAIMS + "/" + claim).header("ETag");
        String payKey = UUID.randomUUID().toString();
        Response paid = keyed(payKey, claimTag, "{\"paymentReference\": \"SEPA-9\"}").post(CLAIMS + "/" + claim + "/pay");
        paid.then().statusCode(200).body("state", equalTo("PAID"));
        keyed(payKey, claimTag, "{\"paymentReference\": \"SEPA-9\"}").post(CLAIMS + "/" + claim + "/pay").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body(equalTo(paid.asString()));

        try (Connection c = db.getConnection()) {
            assertEquals(0, BigDecimal.ONE.compareTo(sum(c, "SELECT count(*) FROM mdf_ledger_entries WHERE kind = 'COMMITTED' "
                    + "AND request_id = ?::uuid", request)), "one COMMITTED entry");
            assertEquals(0, BigDecimal.ONE.compareTo(sum(c, "SELECT count(*) FROM mdf_ledger_entries WHERE kind = 'PAID' "
                    + "AND claim_id = ?::uuid", claim)), "one PAID entry");
        }
        KafkaRecords.await(Topics.CAMPAIGNS, KafkaRecords.withKey(partner.toString())
                .and(KafkaRecords.withCeType(EventTypes.MDF_CLAIM_PAID.ceType())), Duration.ofSeconds(30));
        assertEquals(1, KafkaRecords.current(Topics.CAMPAIGNS, KafkaRecords.withKey(partner.toString())
                .and(KafkaRecords.withCeType(EventTypes.MDF_REQUEST_APPROVED.ceType()))).size(), "one mdf.request-approved");
        assertEquals(1, KafkaRecords.current(Topics.CAMPAIGNS, KafkaRecords.withKey(partner.toString())
                .and(KafkaRecords.withCeType(EventTypes.MDF_CLAIM_PAID.ceType()))).size(), "one mdf.claim-paid");
        assertLedgerKeepsItsPromises(db, budget);
    }

    static io.restassured.specification.RequestSpecification keyed(String key, String etag, String body) {
        return given().auth().oauth2(manager()).header("Idempotency-Key", key).header("If-Match", etag)
                .contentType("application/json").body(body);
    }

    @Test
    void aPartnerSeesOnlyItsOwnFunds() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        String budget = budget(mine, "1000", "EUR");
        String request = requestId(mine, budget, "100");
        given().auth().oauth2(partnerUser(theirs)).get(BUDGETS + "/" + budget).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(partnerUser(theirs)).get(BUDGETS + "/" + budget + "/statement").then().statusCode(404);
        given().auth().oauth2(partnerUser(theirs)).get(REQUESTS + "/" + request).then().statusCode(404);
        given().auth().oauth2(partnerUser(theirs)).queryParam("partnerId", mine.toString()).get(BUDGETS).then()
                .statusCode(200).body("items", hasSize(0));
        submitRequest(theirs, budget, "10", "EUR").then().statusCode(404);
        given().auth().oauth2(manager()).queryParam("partnerId", mine.toString()).get(BUDGETS).then()
                .body("items", hasSize(1)).body("items[0].id", equalTo(budget));
        given().auth().oauth2(manager()).queryParam("budgetId", budget).queryParam("state", "SUBMITTED").get(REQUESTS)
                .then().statusCode(200).body("items[0].id", equalTo(request));
        given().auth().oauth2(manager()).queryParam("state", "NOPE").get(REQUESTS).then().statusCode(400);
    }

    /** Checks the ledger of a budget from its rows: sums per kind, per request and per claim. */
    static void assertLedgerKeepsItsPromises(AgroalDataSource db, String budget) throws SQLException {
        try (Connection c = db.getConnection()) {
            BigDecimal allocated = sum(c, "SELECT coalesce(sum(amount), 0) FROM mdf_ledger_entries WHERE budget_id = ?::uuid AND kind = 'ALLOCATED'", budget);
            BigDecimal committed = sum(c, "SELECT coalesce(sum(CASE kind WHEN 'COMMITTED' THEN amount ELSE -amount END), 0) "
                    + "FROM mdf_ledger_entries WHERE budget_id = ?::uuid AND kind IN ('COMMITTED', 'RELEASED')", budget);
            assertTrue(committed.compareTo(allocated) <= 0, "over-committed: " + committed + " of " + allocated);
            BigDecimal overClaimed = sum(c, "SELECT count(*) FROM (SELECT r.id FROM mdf_requests r JOIN mdf_ledger_entries e "
                    + "ON e.request_id = r.id AND e.kind = 'CLAIMED' WHERE r.budget_id = ?::uuid GROUP BY r.id, r.approved_amount "
                    + "HAVING sum(e.amount) > r.approved_amount) x", budget);
            assertEquals(0, overClaimed.signum(), "requests claimed beyond their approval");
            BigDecimal paidTwice = sum(c, "SELECT count(*) FROM (SELECT claim_id FROM mdf_ledger_entries WHERE budget_id = ?::uuid "
                    + "AND kind = 'PAID' GROUP BY claim_id HAVING count(*) > 1) x", budget);
            assertEquals(0, paidTwice.signum(), "claims paid twice");
        }
    }

    static BigDecimal sum(Connection c, String sql, String budget) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, budget);
            var rows = s.executeQuery();
            rows.next();
            return rows.getBigDecimal(1);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
