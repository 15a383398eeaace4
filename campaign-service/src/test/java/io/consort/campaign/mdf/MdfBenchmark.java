package io.consort.campaign.mdf;

import static io.consort.campaign.mdf.MdfResourceTest.REQUESTS;
import static io.consort.campaign.mdf.MdfResourceTest.assertLedgerKeepsItsPromises;
import static io.consort.campaign.mdf.MdfResourceTest.budget;
import static io.consort.campaign.mdf.MdfResourceTest.requestId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.consort.campaign.deal.DealBenchmark;
import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fund-request approvals under contention: REQUESTS requests on ONE budget (so every approval waits for the
 * budget's row lock), approved from THREADS threads over HTTP; approvals per second, then the ledger checked
 * (nothing over-committed). Baseline in the same run: the same number of raw JDBC transactions doing only the
 * lock, the ledger sum and the insert on another budget. Runs only with {@code -Dbench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class MdfBenchmark {

    static final int REQUEST_COUNT = Integer.getInteger("bench.requests", 1_000);
    static final int THREADS = Integer.getInteger("bench.threads", 16);

    @Inject
    AgroalDataSource db;

    @Test
    void approvalsUnderContention() throws Exception {
        UUID partner = UUID.randomUUID();
        // Room for half of the requests: the other half must be refused.
        String budget = budget(partner, Integer.toString(REQUEST_COUNT * 10 / 2), "EUR");
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < REQUEST_COUNT; i++) {
            requests.add(requestId(partner, budget, "10"));
        }
        String token = TestTokens.user("manager", "channel-manager").expiresAt(DealBenchmark.LONG).sign();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> answers = new ArrayList<>();
            for (String id : requests) {
                answers.add(pool.submit(() -> given().auth().oauth2(token).header("If-Match", "\"0\"")
                        .contentType("application/json").body("{}").post(REQUESTS + "/" + id + "/approve").statusCode()));
            }
            int approved = 0;
            int refused = 0;
            for (Future<Integer> f : answers) {
                int status = f.get();
                if (status == 200) {
                    approved++;
                } else if (status == 422) {
                    refused++;
                } else {
                    throw new AssertionError("approval answered " + status);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertLedgerKeepsItsPromises(db, budget);
            assertEquals(REQUEST_COUNT / 2, approved);

            String rawBudget = budget(UUID.randomUUID(), Integer.toString(REQUEST_COUNT * 10 / 2), "EUR");
            long rawStart = System.nanoTime();
            List<Future<Boolean>> raw = new ArrayList<>();
            for (int i = 0; i < REQUEST_COUNT; i++) {
                raw.add(pool.submit(() -> rawApproval(rawBudget)));
            }
            int rawApproved = 0;
            for (Future<Boolean> f : raw) {
                rawApproved += f.get() ? 1 : 0;
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
            assertEquals(REQUEST_COUNT / 2, rawApproved);

            DealBenchmark.print("=== MDF approvals benchmark%n"
                    + "fund-request approvals over HTTP, one budget, %d threads: %d in %.2f s = %,.0f/s (%d approved, %d "
                    + "refused with 422); ledger checked: never over-committed%n"
                    + "raw baseline, lock + sum + insert over JDBC, %d threads: %d in %.2f s = %,.0f/s%n"
                    + "=== end of MDF approvals benchmark%n",
                    THREADS, REQUEST_COUNT, seconds, REQUEST_COUNT / seconds, approved, refused,
                    THREADS, REQUEST_COUNT, rawSeconds, REQUEST_COUNT / rawSeconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean rawApproval(String budget) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT partner_id FROM mdf_budgets WHERE id = ?::uuid FOR UPDATE");
                    PreparedStatement sum = c.prepareStatement("SELECT coalesce(sum(CASE kind WHEN 'ALLOCATED' THEN amount "
                            + "WHEN 'RELEASED' THEN amount WHEN 'COMMITTED' THEN -amount ELSE 0 END), 0) "
                            + "FROM mdf_ledger_entries WHERE budget_id = ?::uuid")) {
                lock.setString(1, budget);
                ResultSet owner = lock.executeQuery();
                owner.next();
                String partner = owner.getString(1);
                sum.setString(1, budget);
                ResultSet available = sum.executeQuery();
                available.next();
                boolean ok = available.getBigDecimal(1).compareTo(BigDecimal.TEN) >= 0;
                if (ok) {
                    try (Statement insert = c.createStatement()) {
                        insert.executeUpdate("INSERT INTO mdf_ledger_entries (budget_id, partner_id, kind, amount, currency, "
                                + "actor, occurred_at) VALUES ('" + budget + "', '" + partner + "', 'ALLOCATED', -10, 'EUR', "
                                + "'bench', now())");
                    }
                }
                c.commit();
                return ok;
            }
        }
    }
}
