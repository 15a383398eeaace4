package io.consort.campaign.deal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.consort.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * (a) Channel-conflict checks ({@code POST /api/v1/deal-registrations/conflict-check}) with 1,000,000
 * registrations in the table: checks per second and p50/p99, beside the raw baseline of the same candidate query
 * run straight over JDBC in the same run. (b) Rival approvals under contention: pairs of registrations of one
 * customer and product approved at once from many threads, approvals per second, then the invariant checked in
 * the table. Runs only with {@code -Dbench=true} (bench/campaign-deals/run.sh), never in the build.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
public class DealBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int DOMAINS = Integer.getInteger("bench.domains", 300_000);
    static final int CHECKS = Integer.getInteger("bench.checks", 3_000);
    static final int THREADS = Integer.getInteger("bench.threads", 4);
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int PAIRS = Integer.getInteger("bench.pairs", 200);
    static final int PRODUCTS = 40;

    /** Tokens outlive the run (the test default of five minutes does not). */
    public static final Instant LONG = Instant.now().plus(Duration.ofHours(3));

    @Inject
    AgroalDataSource db;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/api/v1/deal-registrations/conflict-check")
    URI checkUri;

    @Test
    void conflictChecksAndRivalApprovals() throws Exception {
        print("=== Campaign deals benchmark%n");
        long loadStart = System.nanoTime();
        load();
        print("loaded %,d registrations over %,d customer domains in %.1f s%n", count(), DOMAINS,
                (System.nanoTime() - loadStart) / 1e9);

        Random random = new Random(7);
        String token = TestTokens.user("bench", "partner-user").partner(UUID.randomUUID()).expiresAt(LONG).sign();
        // The client is Vert.x's, with TCP_NODELAY as a browser or a service sets it. The JDK's HttpClient (used
        // until 2026-12-07) writes a POST's head and body separately without TCP_NODELAY, so Nagle's algorithm held
        // every body until the service's delayed ACK (40 ms or more): it measured the kernel's timers, not the check.
        // Keep-alive, one connection per client thread.
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(THREADS));
        Context context = vertx.getOrCreateContext();
        // Warm-up (-Dbench.warmup=, 300 rounds): JIT, connection pool, plan cache.
        for (int i = 0; i < WARMUP; i++) {
            check(client, context, token, random);
            raw(random);
        }
        // Interleaved, so both see the same machine: the service over HTTP and the raw candidate SQL over JDBC.
        long[] http = new long[CHECKS];
        long[] sql = new long[CHECKS];
        for (int i = 0; i < CHECKS; i++) {
            long t = System.nanoTime();
            check(client, context, token, random);
            http[i] = System.nanoTime() - t;
            t = System.nanoTime();
            raw(random);
            sql[i] = System.nanoTime() - t;
        }
        print("conflict check over HTTP (Vert.x client), 1 client: %,8.0f checks/s  p50 %6.2f ms  p99 %6.2f ms  (goal p99 <= 20 ms)%n",
                1e9 / mean(http), pct(http, 50), pct(http, 99));
        print("raw baseline, the candidate SQL only:            %,8.0f queries/s p50 %6.2f ms  p99 %6.2f ms%n",
                1e9 / mean(sql), pct(sql, 50), pct(sql, 99));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long parallelStart = System.nanoTime();
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                parts.add(pool.submit(() -> {
                    Random r = new Random(100 + seed);
                    long[] times = new long[CHECKS / THREADS];
                    for (int i = 0; i < times.length; i++) {
                        long s = System.nanoTime();
                        check(client, context, token, r);
                        times[i] = System.nanoTime() - s;
                    }
                    return times;
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> part : parts) {
                long[] p = part.get();
                long[] merged = Arrays.copyOf(all, all.length + p.length);
                System.arraycopy(p, 0, merged, all.length, p.length);
                all = merged;
            }
            double seconds = (System.nanoTime() - parallelStart) / 1e9;
            print("conflict check over HTTP (Vert.x client), %d clients:  %,8.0f checks/s  p50 %6.2f ms  p99 %6.2f ms%n",
                    THREADS, all.length / seconds, pct(all, 50), pct(all, 99));

            // (b) Rival approvals: PAIRS customers, two registrations each, both approved at once.
            List<String[]> pairs = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                String domain = "rival-" + UUID.randomUUID().toString().substring(0, 12) + ".example";
                pairs.add(new String[] { DealFixtures.registerId(UUID.randomUUID(), domain, "P1"),
                        DealFixtures.registerId(UUID.randomUUID(), domain, "P1"), domain });
            }
            String managerToken = TestTokens.user("manager", "channel-manager").expiresAt(LONG).sign();
            long approveStart = System.nanoTime();
            List<Future<Integer>> approvals = new ArrayList<>();
            for (String[] pair : pairs) {
                for (int k = 0; k < 2; k++) {
                    String id = pair[k];
                    approvals.add(pool.submit(() -> {
                        Response r = given().auth().oauth2(managerToken).header("If-Match", "\"0\"")
                                .post("/api/v1/deal-registrations/" + id + "/approve");
                        return r.statusCode();
                    }));
                }
            }
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : approvals) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else if (status == 409) {
                    refused++;
                } else {
                    throw new AssertionError("approval answered " + status);
                }
            }
            double approveSeconds = (System.nanoTime() - approveStart) / 1e9;
            int violations = violations();
            print("rival approvals, %d threads: %d attempts in %.2f s = %,.0f/s; %d approved, %d refused "
                    + "with 409; customers+products with more than one APPROVED: %d%n", THREADS, approvals.size(),
                    approveSeconds, approvals.size() / approveSeconds, ok, refused, violations);
            assertEquals(PAIRS, ok);
            assertEquals(PAIRS, refused);
            assertEquals(0, violations);
        } finally {
            pool.shutdownNow();
        }
        print("=== end of campaign deals benchmark%n");
    }

    /** Every figure as soon as it is measured, each line marked for run.sh to pick out of the test log. */
    public static void print(String format, Object... args) {
        System.out.print(String.format(format, args).lines().map(l -> "bench| " + l + "\n").reduce("", String::concat));
        System.out.flush();
    }

    /**
     * One check, waited for. The call runs on a Vert.x context: started from a plain thread, a request's future
     * callbacks can hop threads and its body can arrive before it is asked for.
     */
    private void check(HttpClient client, Context context, String token, Random random) throws Exception {
        int d = random.nextInt(DOMAINS);
        Buffer body = Buffer.buffer("{\"customerDomain\": \"d" + d + ".bench.example\", \"products\": [\"P"
                + random.nextInt(PRODUCTS) + "\", \"P" + random.nextInt(PRODUCTS) + "\"]}");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(checkUri.toString())
                .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json");
        CompletableFuture<String> answer = new CompletableFuture<>();
        context.runOnContext(ignored -> client.request(options)
                .compose(req -> req.send(body).compose(res -> res.body().map(b -> res.statusCode() == 200 ? null
                        : "conflict check answered " + res.statusCode() + ": " + b)))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        answer.complete(ar.result());
                    } else {
                        answer.completeExceptionally(ar.cause());
                    }
                }));
        String failure = answer.get(30, TimeUnit.SECONDS);
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(Double.NaN);
    }

    private void raw(Random random) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT d.id, d.partner_id, d.customer_domain, d.products, d.state, d.protected_until, d.claim_ends_at
                        FROM deal_registrations d
                        WHERE d.id IN (SELECT p.deal_id FROM deal_registration_products p
                                       WHERE p.customer_domain = ? AND p.product = ANY (?))
                          AND d.state IN ('SUBMITTED', 'IN_REVIEW', 'ACTION_REQUIRED', 'APPROVED')""")) {
            s.setString(1, "d" + random.nextInt(DOMAINS) + ".bench.example");
            Array products = c.createArrayOf("text", new Object[] { "P" + random.nextInt(PRODUCTS), "P" + random.nextInt(PRODUCTS) });
            s.setArray(2, products);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
    }

    /** 1,000,000 registrations: one approved per domain (its first), a fifth pending, the rest closed. */
    private void load() throws Exception {
        if (count() >= ROWS) {
            return;
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO deal_registrations (id, partner_id, customer_name, customer_domain, products, amount, currency,
                        expected_close_date, state, claim_ends_at, protection_days, extension_days, protected_until,
                        submitted_by, submitted_at, updated_at)
                    SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(i % 5000), 12, '0'))::uuid,
                           'Customer ' || (i % DOMAINS), 'd' || (i % DOMAINS) || '.bench.example',
                           ARRAY['P' || (i % PRODUCTS), 'P' || ((i * 7 + 3) % PRODUCTS)], 1000 + (i % 50000), 'EUR',
                           current_date + 90,
                           CASE WHEN i < DOMAINS THEN 'APPROVED' WHEN i % 5 = 0 THEN 'SUBMITTED'
                                WHEN i % 5 = 1 THEN 'IN_REVIEW' WHEN i % 5 = 2 THEN 'WON' WHEN i % 5 = 3 THEN 'LOST'
                                ELSE 'EXPIRED' END,
                           now() + interval '60 days', 90, 30,
                           CASE WHEN i < DOMAINS THEN now() + interval '60 days' END,
                           'bench', now() - (i % 1000) * interval '1 minute', now()
                    FROM generate_series(0, ROWCOUNT - 1) AS i"""
                    .replace("DOMAINS", Integer.toString(DOMAINS)).replace("PRODUCTS", Integer.toString(PRODUCTS))
                    .replace("ROWCOUNT", Integer.toString(ROWS)));
            s.execute("ANALYZE deal_registrations");
            s.execute("ANALYZE deal_registration_products");
        }
    }

    private long count() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM deal_registrations")) {
            r.next();
            return r.getLong(1);
        }
    }

    private int violations() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM (SELECT p.customer_domain, p.product FROM deal_registration_products p "
                        + "JOIN deal_registrations d ON d.id = p.deal_id WHERE d.state = 'APPROVED' "
                        + "GROUP BY p.customer_domain, p.product HAVING count(*) > 1) x")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
