package io.consort.campaign.mdf;

import static io.consort.campaign.deal.DealFixtures.freshDomain;
import static io.consort.campaign.deal.DealFixtures.manager;
import static io.consort.campaign.deal.DealFixtures.partnerAdmin;
import static io.consort.campaign.deal.DealFixtures.partnerUser;
import static io.consort.campaign.deal.DealFixtures.registerId;
import static io.consort.campaign.mdf.MdfResourceTest.BUDGETS;
import static io.consort.campaign.mdf.MdfResourceTest.REQUESTS;
import static io.consort.campaign.mdf.MdfResourceTest.act;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.consort.campaign.deal.DealFixtures;
import io.consort.campaign.partner.PartnerFacts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A program's MDF allocation rules: kept with an ETag, turned into budgets once per period, enforced on requests and claims. */
@QuarkusTest
class MdfAllocationRulesTest {

    static final String RULES = """
            {"currency": "EUR",
             "tiers": [{"tier": "GOLD", "fixed": {"amount": "10000", "currency": "EUR"}, "revenuePercent": "2.5",
                        "revenueCap": {"amount": "500", "currency": "EUR"}},
                       {"tier": "SILVER", "fixed": {"amount": "4000", "currency": "EUR"}, "revenuePercent": "0"}],
             "reimbursementPercent": "50", "minLeadDays": %d, "eligibleActivityTypes": ["EVENT", "WEBINAR"],
             "maxRequestPercent": "40"}""";

    @Inject
    AgroalDataSource db;

    static String rulesPath(UUID program) {
        return "/api/v1/mdf/programs/" + program + "/allocation-rules";
    }

    static Response put(String token, UUID program, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put(rulesPath(program));
    }

    @Test
    void rulesAreKeptWithAnETagAndOnlyTheVendorSetsThem() {
        UUID program = UUID.randomUUID();
        UUID member = PartnerFacts.active(PartnerFacts.Profile.of(program, "EMEA"), "REGISTERED", 0);
        UUID outsider = PartnerFacts.active(PartnerFacts.Profile.of(UUID.randomUUID(), "EMEA"), "REGISTERED", 0);
        given().auth().oauth2(manager()).get(rulesPath(program)).then().statusCode(404).contentType("application/problem+json");
        given().get(rulesPath(program)).then().statusCode(401);
        put(partnerAdmin(member), program, null, RULES.formatted(14)).then().statusCode(403);
        put(manager(), program, "\"0\"", RULES.formatted(14)).then().statusCode(412);
        put(manager(), program, null, RULES.formatted(14).replace("\"reimbursementPercent\": \"50\"", "\"reimbursementPercent\": \"0\""))
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("reimbursement"));
        put(manager(), program, null, RULES.formatted(14).replaceFirst("\"currency\": \"EUR\"}, \"revenuePercent\"",
                "\"currency\": \"USD\"}, \"revenuePercent\"")).then().statusCode(400).body("errors[0].field", equalTo("tiers[0].fixed"));
        put(manager(), program, null, RULES.formatted(14).replace("\"minLeadDays\": 14", "\"minLeadDays\": 400")).then().statusCode(400);
        put(manager(), program, null, RULES.formatted(14).replace("\"EVENT\"", "\"event\"")).then().statusCode(400);
        put(manager(), program, null, "{\"currency\": \"EUR\"").then().statusCode(400);

        String etag = put(manager(), program, null, RULES.formatted(14)).then().statusCode(201)
                .header("Location", endsWith(rulesPath(program))).header("ETag", equalTo("\"0\""))
                .body("tiers[0].fixed.amount", equalTo("10000.00")).body("tiers[0].revenuePercent", equalTo("2.5"))
                .body("tiers[1].revenueCap", nullValue()).body("reimbursementPercent", equalTo("50"))
                .extract().header("ETag");
        put(manager(), program, null, RULES.formatted(7)).then().statusCode(428);
        put(manager(), program, "\"99\"", RULES.formatted(7)).then().statusCode(412);
        String next = put(manager(), program, etag, RULES.formatted(7)).then().statusCode(200).body("minLeadDays", equalTo(7))
                .header("Location", nullValue()).extract().header("ETag");
        put(manager(), program, etag, RULES.formatted(7)).then().statusCode(412);
        given().auth().oauth2(partnerUser(member)).get(rulesPath(program)).then().statusCode(200)
                .header("ETag", equalTo(next)).body("eligibleActivityTypes", equalTo(List.of("EVENT", "WEBINAR")));
        given().auth().oauth2(partnerUser(outsider)).get(rulesPath(program)).then().statusCode(404);
    }

    @Test
    void anAllocationRunOpensEachTiersBudgetOnceAndTheRulesHoldOnRequestsAndClaims() throws SQLException {
        UUID program = UUID.randomUUID();
        UUID gold = PartnerFacts.active(PartnerFacts.Profile.of(program, "EMEA"), "GOLD", 2);
        UUID silver = PartnerFacts.active(PartnerFacts.Profile.of(program, "EMEA"), "SILVER", 1);
        UUID registered = PartnerFacts.active(PartnerFacts.Profile.of(program, "EMEA"), "REGISTERED", 0);
        UUID elsewhere = PartnerFacts.active(PartnerFacts.Profile.of(UUID.randomUUID(), "EMEA"), "GOLD", 2);
        // Gold won 30,000 EUR in 2031-Q1 (2.5 % = 750, capped at 500) and 99,000 in 2030-Q4 (not the prior period).
        win(gold, "2031-02-10", "30000");
        win(gold, "2030-12-31", "99000");
        put(manager(), program, null, RULES.formatted(14)).then().statusCode(201);
        String allocate = "/api/v1/mdf/programs/" + program + "/allocate";

        given().auth().oauth2(partnerAdmin(gold)).contentType("application/json").body("{\"period\": \"2031-Q2\"}")
                .post(allocate).then().statusCode(403);
        given().auth().oauth2(manager()).contentType("application/json").body("{\"period\": \"2031-Q5\"}")
                .post(allocate).then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(manager()).contentType("application/json").body("{\"period\": \"2031-Q2\"}")
                .post("/api/v1/mdf/programs/" + UUID.randomUUID() + "/allocate").then().statusCode(404);

        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(manager()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"period\": \"2031-Q2\"}").post(allocate);
        first.then().statusCode(200).body("revenuePeriod", equalTo("2031-Q1")).body("allocated", hasSize(2))
                .body("allocated.find { it.partnerId == '" + gold + "' }.amount.amount", equalTo("10500.00"))
                .body("allocated.find { it.partnerId == '" + gold + "' }.basis", containsString("(capped)"))
                .body("allocated.find { it.partnerId == '" + silver + "' }.amount.amount", equalTo("4000.00"))
                .body("skipped", hasSize(1)).body("skipped[0].partnerId", equalTo(registered.toString()));
        given().auth().oauth2(manager()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"period\": \"2031-Q2\"}").post(allocate).then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).body(equalTo(first.asString()));
        given().auth().oauth2(manager()).contentType("application/json").body("{\"period\": \"2031-Q2\"}").post(allocate)
                .then().statusCode(200).body("allocated", hasSize(0)).body("skipped", hasSize(3))
                .body("skipped.find { it.partnerId == '" + gold + "' }.reason", containsString("already has a budget"));
        assertEquals(1, count("SELECT count(*) FROM mdf_ledger_entries e JOIN mdf_budgets b ON b.id = e.budget_id "
                + "WHERE b.partner_id = ?::uuid AND b.period = '2031-Q2' AND e.kind = 'ALLOCATED'", gold));
        assertEquals(0, count("SELECT count(*) FROM mdf_budgets WHERE partner_id = ?::uuid", elsewhere));

        String budget = given().auth().oauth2(partnerUser(gold)).queryParam("period", "2031-Q2").get(BUDGETS).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].programId", equalTo(program.toString()))
                .body("items[0].allocated.amount", equalTo("10500.00")).extract().path("items[0].id");
        given().auth().oauth2(partnerUser(gold)).get(BUDGETS + "/" + budget + "/statement").then().statusCode(200)
                .body("lines[0].note", containsString("allocation rules version 0"));

        // requests: 14 days' lead time, EVENT or WEBINAR, at most 40 % of 10,500 = 4,200
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        request(gold, budget, "WEBINAR", today.plusDays(13), "100").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("minLeadDays"));
        request(gold, budget, null, today.plusDays(30), "100").then().statusCode(422).body("detail", containsString("eligibleActivityTypes"));
        request(gold, budget, "PRINT", today.plusDays(30), "100").then().statusCode(422).body("detail", containsString("eligibleActivityTypes"));
        request(gold, budget, "webinar", today.plusDays(30), "100").then().statusCode(400);
        request(gold, budget, "WEBINAR", today.plusDays(30), "4200.01").then().statusCode(422)
                .body("detail", containsString("maxRequestPercent")).body("detail", containsString("4200.00 EUR"));
        String request = request(gold, budget, "WEBINAR", today.plusDays(14), "4200").then().statusCode(201)
                .body("activityType", equalTo("WEBINAR")).extract().path("id");
        act(manager(), REQUESTS, request, "return", "{\"note\": \"sooner?\"}").then().statusCode(200);
        act(partnerUser(gold), REQUESTS, request, "resubmit", "{\"plannedDate\": \"" + today.plusDays(3) + "\"}").then()
                .statusCode(422).body("detail", containsString("minLeadDays"));
        act(partnerUser(gold), REQUESTS, request, "resubmit", "{\"activityType\": \"EVENT\"}").then().statusCode(200);
        act(manager(), REQUESTS, request, "approve", null).then().statusCode(200);

        // claims: the vendor pays at most 50 % of the invoiced cost
        claim(gold, request, "1000", null, "INV-1").then().statusCode(422).body("detail", containsString("reimbursementPercent"));
        claim(gold, request, "1000", "1999.98", "INV-1").then().statusCode(422).body("detail", containsString("999.99 EUR"));
        claim(gold, request, "1000", "2000", "INV-1").then().statusCode(201).body("invoiceTotal.amount", equalTo("2000.00"));
        given().auth().oauth2(partnerUser(gold)).contentType("application/json")
                .body("{\"requestId\": \"" + request + "\", \"amount\": {\"amount\": \"10\", \"currency\": \"EUR\"}, "
                        + "\"invoiceTotal\": {\"amount\": \"100\", \"currency\": \"USD\"}, \"invoiceNumber\": \"INV-2\", "
                        + "\"proofLinks\": [\"https://files.example.com/r.pdf\"]}")
                .post(MdfResourceTest.CLAIMS).then().statusCode(422).body("detail", containsString("USD"));
    }

    @Test
    void everyVersionOfTheRulesIsKeptAsItReadSoAnAllocationCanBeAuditedAgainstIt() throws SQLException {
        UUID program = UUID.randomUUID();
        UUID gold = PartnerFacts.active(PartnerFacts.Profile.of(program, "EMEA"), "GOLD", 2);
        UUID outsider = PartnerFacts.active(PartnerFacts.Profile.of(UUID.randomUUID(), "EMEA"), "GOLD", 2);
        String versions = rulesPath(program) + "/versions";
        given().auth().oauth2(manager()).get(versions).then().statusCode(404).contentType("application/problem+json");
        String v0 = put(manager(), program, null, RULES.formatted(14)).then().statusCode(201).extract().header("ETag");
        String v1 = put(manager(), program, v0, RULES.formatted(7).replace("\"10000\"", "\"12000\"")).then().statusCode(200)
                .extract().header("ETag");
        put(manager(), program, v1, RULES.formatted(3)).then().statusCode(200).header("ETag", equalTo("\"2\""));

        given().auth().oauth2(partnerUser(gold)).get(versions).then().statusCode(200)
                .body("version", equalTo(List.of(0, 1, 2))).body("minLeadDays", equalTo(List.of(14, 7, 3)))
                .body("collect { it.tiers[0].fixed.amount }", equalTo(List.of("10000.00", "12000.00", "10000.00")))
                .body("updatedBy", equalTo(List.of("manager", "manager", "manager")));
        given().auth().oauth2(partnerUser(outsider)).get(versions).then().statusCode(404);
        given().auth().oauth2(partnerUser(outsider)).get(versions + "/1").then().statusCode(404);
        given().auth().oauth2(manager()).get(versions + "/3").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(manager()).get(versions + "/-1").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager()).get(versions + "/one").then().contentType("application/problem+json");
        given().get(versions + "/1").then().statusCode(401);

        // the current version allocates, and its ledger note names it: that version reads back what was applied
        given().auth().oauth2(manager()).contentType("application/json").body("{\"period\": \"2032-Q1\"}")
                .post("/api/v1/mdf/programs/" + program + "/allocate").then().statusCode(200).body("rulesVersion", equalTo(2));
        put(manager(), program, "\"2\"", RULES.formatted(3).replace("\"10000\"", "\"15000\"")).then().statusCode(200);
        String budget = given().auth().oauth2(partnerUser(gold)).queryParam("period", "2032-Q1").get(BUDGETS).then()
                .statusCode(200).body("items[0].allocated.amount", equalTo("10000.00")).extract().path("items[0].id");
        String note = given().auth().oauth2(partnerUser(gold)).get(BUDGETS + "/" + budget + "/statement").then().statusCode(200)
                .body("lines[0].kind", equalTo("ALLOCATED")).extract().path("lines[0].note");
        Matcher named = Pattern.compile("allocation rules version ([0-9]+) of program " + program).matcher(note);
        assertTrue(named.find(), note);
        given().auth().oauth2(partnerUser(gold)).get(versions + "/" + named.group(1)).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("version", equalTo(2)).body("minLeadDays", equalTo(3))
                .body("tiers[0].fixed.amount", equalTo("10000.00"));
        given().auth().oauth2(manager()).get(rulesPath(program)).then().body("tiers[0].fixed.amount", equalTo("15000.00"));

        // history is not rewritten
        try (Connection c = db.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE mdf_allocation_rule_versions SET min_lead_days = 0 WHERE program_id = ?::uuid")) {
            update.setString(1, program.toString());
            assertThrows(SQLException.class, update::executeUpdate);
        }
        assertEquals(4, count("SELECT count(*) FROM mdf_allocation_rule_versions WHERE program_id = ?::uuid", program));
    }

    @Test
    void approvalsAreCheckedAgainstTheRulesAsTheyAreWhenTheyAreGiven() throws SQLException {
        UUID program = UUID.randomUUID();
        UUID gold = PartnerFacts.active(PartnerFacts.Profile.of(program, "EMEA"), "GOLD", 2);
        String v0 = put(manager(), program, null, RULES.formatted(0)).then().statusCode(201).extract().header("ETag");
        String budget = given().auth().oauth2(manager()).contentType("application/json")
                .body("{\"partnerId\": \"" + gold + "\", \"programId\": \"" + program + "\", \"period\": \"2033\", "
                        + "\"allocated\": {\"amount\": \"10000\", \"currency\": \"EUR\"}}")
                .post(BUDGETS).then().statusCode(201).extract().path("id");
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        String webinar = request(gold, budget, "WEBINAR", later, "4000").then().statusCode(201).extract().path("id");
        String event = request(gold, budget, "EVENT", later, "1000").then().statusCode(201).extract().path("id");

        // the allocation is cut after the submission: 40 % of 8,000 is 3,200, so the 4,000 asked is too much now
        act(manager(), BUDGETS, budget, "allocations", "{\"amount\": {\"amount\": \"-2000\", \"currency\": \"EUR\"}}")
                .then().statusCode(200);
        act(manager(), REQUESTS, webinar, "approve", null).then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("allocation rule maxRequestPercent:")).body("detail", containsString("3200.00 EUR"));
        act(manager(), REQUESTS, webinar, "approve", "{\"amount\": {\"amount\": \"3200.01\", \"currency\": \"EUR\"}}")
                .then().statusCode(422).body("detail", startsWith("allocation rule maxRequestPercent:"));
        given().auth().oauth2(manager()).get(REQUESTS + "/" + webinar).then().body("state", equalTo("SUBMITTED"));
        assertEquals(0, count("SELECT count(*) FROM mdf_ledger_entries WHERE request_id = ?::uuid", UUID.fromString(webinar)));
        act(manager(), REQUESTS, webinar, "approve", "{\"amount\": {\"amount\": \"3200\", \"currency\": \"EUR\"}}")
                .then().statusCode(200).body("approved.amount", equalTo("3200.00"));

        // a claim submitted under version 0 (50 % of its invoice), then the program funds 25 % and no more events
        String claim = claim(gold, webinar, "1600", "3200", "INV-7").then().statusCode(201).extract().path("id");
        put(manager(), program, v0, RULES.formatted(0).replace("\"reimbursementPercent\": \"50\"", "\"reimbursementPercent\": \"25\"")
                .replace("[\"EVENT\", \"WEBINAR\"]", "[\"WEBINAR\"]")).then().statusCode(200).header("ETag", equalTo("\"1\""));
        act(manager(), REQUESTS, event, "approve", null).then().statusCode(422)
                .body("detail", startsWith("allocation rule eligibleActivityTypes:")).body("detail", containsString("EVENT"));
        act(manager(), MdfResourceTest.CLAIMS, claim, "approve", null).then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("allocation rule reimbursementPercent:")).body("detail", containsString("800.00 EUR"));
        given().auth().oauth2(manager()).get(MdfResourceTest.CLAIMS + "/" + claim).then().body("state", equalTo("SUBMITTED"));
        act(manager(), MdfResourceTest.CLAIMS, claim, "approve", "{\"amount\": {\"amount\": \"800\", \"currency\": \"EUR\"}}")
                .then().statusCode(200).body("approved.amount", equalTo("800.00"));

        // each spending entry names the rules version it was checked against
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget + "/statement").then().statusCode(200)
                .body("lines.kind", equalTo(List.of("ALLOCATED", "ALLOCATED", "COMMITTED", "CLAIMED")))
                .body("lines[2].note", equalTo("checked against allocation rules version 0 of program " + program))
                .body("lines[3].note", equalTo("checked against allocation rules version 1 of program " + program))
                .body("budget.committed.amount", equalTo("3200.00")).body("budget.claimed.amount", equalTo("800.00"));
        MdfResourceTest.assertLedgerKeepsItsPromises(db, budget);
    }

    static void win(UUID partner, String closedOn, String amount) {
        String deal = registerId(partner, freshDomain(), "P1");
        DealFixtures.approved(deal);
        DealFixtures.act(partnerUser(partner), deal, "win", "{\"closedOn\": \"" + closedOn + "\", \"amount\": {\"amount\": \""
                + amount + "\", \"currency\": \"EUR\"}}").then().statusCode(200);
    }

    static Response request(UUID partner, String budget, String type, LocalDate planned, String amount) {
        return given().auth().oauth2(partnerUser(partner)).contentType("application/json")
                .body("{\"budgetId\": \"" + budget + "\", \"activity\": \"Launch\", "
                        + (type == null ? "" : "\"activityType\": \"" + type + "\", ") + "\"plannedDate\": \"" + planned
                        + "\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}}")
                .post(REQUESTS);
    }

    static Response claim(UUID partner, String request, String amount, String invoiceTotal, String invoice) {
        return given().auth().oauth2(partnerUser(partner)).contentType("application/json")
                .body("{\"requestId\": \"" + request + "\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}, "
                        + (invoiceTotal == null ? "" : "\"invoiceTotal\": {\"amount\": \"" + invoiceTotal + "\", \"currency\": \"EUR\"}, ")
                        + "\"invoiceNumber\": \"" + invoice + "\", \"proofLinks\": [\"https://files.example.com/r.pdf\"]}")
                .post(MdfResourceTest.CLAIMS);
    }

    long count(String sql, UUID partner) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, partner.toString());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
