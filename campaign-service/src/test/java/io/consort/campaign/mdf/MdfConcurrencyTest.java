package io.consort.campaign.mdf;

import static io.consort.campaign.deal.DealFixtures.manager;
import static io.consort.campaign.mdf.MdfResourceTest.BUDGETS;
import static io.consort.campaign.mdf.MdfResourceTest.CLAIMS;
import static io.consort.campaign.mdf.MdfResourceTest.REQUESTS;
import static io.consort.campaign.mdf.MdfResourceTest.act;
import static io.consort.campaign.mdf.MdfResourceTest.assertLedgerKeepsItsPromises;
import static io.consort.campaign.mdf.MdfResourceTest.budget;
import static io.consort.campaign.mdf.MdfResourceTest.requestId;
import static io.consort.campaign.mdf.MdfResourceTest.submitClaim;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Many managers approving at once: the ledger is never over-committed, over-claimed or paid twice. */
@QuarkusTest
class MdfConcurrencyTest {

    static final Pattern REMAINING = Pattern.compile("([0-9]+\\.[0-9]{2}) EUR remains");

    @Inject
    AgroalDataSource db;

    @Test
    void fiftyConcurrentApprovalsNeverOverCommitAndEachRefusalNamesTheRemainingBalance() throws Exception {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "1000", "EUR");
        // one token for all: the 50 threads race the approvals, not the signing of 50 tokens
        String manager = manager();
        List<String> requests = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = requestId(partner, budget, "30");
            requests.add(id);
            etags.add(given().auth().oauth2(manager).get(REQUESTS + "/" + id).header("ETag"));
        }
        // All 50 queue on the budget's row lock while 16 hold the pool's connections; the other 34 wait for one
        // (the test profile's acquisition timeout, application.properties), so each is decided: 200 or 422, never
        // a 503 for a connection the burst kept busy.
        List<Response> answers = concurrently(50, i -> given().auth().oauth2(manager).header("If-Match", etags.get(i))
                .contentType("application/json").body("{}").post(REQUESTS + "/" + requests.get(i) + "/approve"));

        List<Response> approved = answers.stream().filter(r -> r.statusCode() == 200).toList();
        List<Response> refused = answers.stream().filter(r -> r.statusCode() == 422).toList();
        assertEquals(50, approved.size() + refused.size(), answers.stream().map(r -> r.statusCode() + " " + r.asString())
                .filter(s -> !s.startsWith("200") && !s.startsWith("422")).toList().toString());
        assertEquals(33, approved.size(), "1000 EUR holds 33 approvals of 30 EUR");
        for (Response r : refused) {
            assertTrue(r.contentType().startsWith("application/problem+json"));
            Matcher m = REMAINING.matcher(r.<String>path("detail"));
            assertTrue(m.find(), r.asString());
            assertTrue(new BigDecimal(m.group(1)).compareTo(new BigDecimal("30")) < 0, "refused with " + m.group(1) + " left");
        }
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget).then()
                .body("committed.amount", equalTo("990.00")).body("available.amount", equalTo("10.00"));
        assertLedgerKeepsItsPromises(db, budget);
    }

    @Test
    void concurrentClaimApprovalsStayWithinTheRequestAndConcurrentPaymentsPayOnce() throws Exception {
        UUID partner = UUID.randomUUID();
        String budget = budget(partner, "5000", "EUR");
        String request = requestId(partner, budget, "1000");
        act(manager(), REQUESTS, request, "approve", null).then().statusCode(200);
        List<String> claims = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = submitClaim(partner, request, "150", "INV-" + i).then().statusCode(201).extract().path("id");
            claims.add(id);
            etags.add(given().auth().oauth2(manager()).get(CLAIMS + "/" + id).header("ETag"));
        }
        List<Response> answers = concurrently(10, i -> given().auth().oauth2(manager()).header("If-Match", etags.get(i))
                .contentType("application/json").body("{}").post(CLAIMS + "/" + claims.get(i) + "/approve"));
        List<Integer> approvedIdx = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Response r = answers.get(i);
            if (r.statusCode() == 200) {
                approvedIdx.add(i);
            } else {
                assertEquals(422, r.statusCode(), r.asString());
                assertTrue(r.<String>path("detail").contains("100.00 EUR"), r.asString());
            }
        }
        assertEquals(6, approvedIdx.size(), "1000 EUR holds 6 claims of 150 EUR");

        // Two payments of every approved claim at once: one pays, the other is a 409.
        List<String> payable = approvedIdx.stream().map(claims::get).toList();
        List<String> payEtags = payable.stream()
                .map(id -> given().auth().oauth2(manager()).get(CLAIMS + "/" + id).header("ETag")).toList();
        List<Response> payments = concurrently(payable.size() * 2, i -> given().auth().oauth2(manager())
                .header("If-Match", payEtags.get(i / 2)).contentType("application/json").body("{\"paymentReference\": \"T-" + i + "\"}")
                .post(CLAIMS + "/" + payable.get(i / 2) + "/pay"));
        for (int i = 0; i < payable.size(); i++) {
            List<Integer> statuses = List.of(payments.get(2 * i).statusCode(), payments.get(2 * i + 1).statusCode());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertTrue(statuses.contains(409) || statuses.contains(412), statuses.toString());
        }
        given().auth().oauth2(manager()).get(BUDGETS + "/" + budget).then()
                .body("claimed.amount", equalTo("900.00")).body("paid.amount", equalTo("900.00"))
                .body("committed.amount", equalTo("1000.00"));
        assertLedgerKeepsItsPromises(db, budget);
    }

    interface Call {
        Response run(int i);
    }

    static List<Response> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.run(index);
                };
                futures.add(pool.submit(task));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
