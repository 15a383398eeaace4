package io.consort.recruitment.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Partner writes, as CRM syncs and people make them: (a) the NDJSON bulk upsert by external id
 * ({@code bench.partners} lines, 10,000) created, sent again unchanged, and sent again with every
 * partner changed, beside a raw {@code COPY} of as many rows of the same shape into a table like
 * {@code partners}, same run; (b) single upserts by external id ({@code PUT .../by-external-id/...},
 * every second one a create, the others an update of the partner the one before created) from 1, 4
 * and 16 concurrent clients for {@code bench.seconds} (8) each, writes per second.
 * Tagged "bench": excluded from the build, run by bench/recruitment/run.sh.
 */
@QuarkusTest
@Tag("bench")
class PartnerWritesBenchmark {

    static final int PARTNERS = Integer.getInteger("bench.partners", 10_000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 8);
    static final int WARMUPS = Integer.getInteger("bench.partnerWarmups", 2);

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void partnerWrites() throws Exception {
        String programId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Partner bench " + UUID.randomUUID(), "partnerTypes", List.of("RESELLER")))
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
        String run = Long.toString(System.currentTimeMillis(), 36);

        // Warm-up at the measured size: with 2,000 lines (one batch) the JIT compilers still took 1.5 s of the
        // measured 10,000-line bulk's 2.9 s of JVM CPU.
        for (int i = 0; i < WARMUPS; i++) {
            bulk(partnerNdjson(PARTNERS, programId, run + "w" + i, ""), "CREATED");
            bulk(partnerNdjson(PARTNERS, programId, run + "w" + i, " renamed"), "UPDATED");
        }
        byte[] body = partnerNdjson(PARTNERS, programId, run + "m", "");
        awaitOutboxDrained();
        checkpoint();
        RecruitmentBenchmark.Cpu before = cpu();
        long created = bulk(body, "CREATED");
        RecruitmentBenchmark.Cpu createdCpu = cpu().minus(before);
        before = cpu();
        awaitOutboxDrained();
        RecruitmentBenchmark.Cpu createdDrainCpu = cpu().minus(before);
        checkpoint();
        long unchanged = bulk(body, "UPDATED");
        awaitOutboxDrained();
        checkpoint();
        byte[] renamed = partnerNdjson(PARTNERS, programId, run + "m", " renamed");
        before = cpu();
        long changed = bulk(renamed, "UPDATED");
        RecruitmentBenchmark.Cpu changedCpu = cpu().minus(before);
        before = cpu();
        awaitOutboxDrained();
        RecruitmentBenchmark.Cpu changedDrainCpu = cpu().minus(before);
        checkpoint();
        long copy = rawPartnerCopy(PARTNERS, programId);
        RecruitmentBenchmark.Cpu copyCpu = lastCopyCpu;
        double copyRate = rate(PARTNERS, copy);

        // Single writers: warm the path once, then 1, 4 and 16 clients.
        writers(1, programId, run + "-warm", 3);
        double[] perSecond = new double[3];
        int[] clients = { 1, 4, 16 };
        for (int i = 0; i < clients.length; i++) {
            awaitOutboxDrained();
            perSecond[i] = writers(clients[i], programId, run + "-" + clients[i], SECONDS);
        }

        System.out.println("=== Partner writes benchmark (" + Runtime.getRuntime().availableProcessors() + " cores) ===");
        System.out.printf("bulk upsert, %d lines: created %.0f rows/s (%.1f %% of COPY), unchanged %.0f rows/s, "
                + "changed %.0f rows/s (%.1f %% of COPY)%n", PARTNERS, rate(PARTNERS, created),
                100 * rate(PARTNERS, created) / copyRate, rate(PARTNERS, unchanged), rate(PARTNERS, changed),
                100 * rate(PARTNERS, changed) / copyRate);
        System.out.printf("raw COPY of %d such rows into a table like partners: %.0f rows/s%n", PARTNERS, copyRate);
        System.out.println("CPU of the created bulk:  " + createdCpu.describe());
        System.out.println("  after it, until the relay had published its events: " + createdDrainCpu.describe());
        System.out.println("CPU of the changed bulk:  " + changedCpu.describe());
        System.out.println("  after it, until the relay had published its events: " + changedDrainCpu.describe());
        System.out.println("CPU of the raw COPY:      " + copyCpu.describe());
        for (int i = 0; i < clients.length; i++) {
            System.out.printf("single upserts by external id, %2d clients: %.0f writes/s%n", clients[i], perSecond[i]);
        }
        System.out.println("=== end of partner writes benchmark ===");
    }

    static double rate(int rows, long nanos) {
        return rows / (nanos / 1e9);
    }

    static byte[] partnerNdjson(int count, String programId, String seed, String suffix) {
        Random random = new Random(seed.hashCode());
        StringBuilder out = new StringBuilder(count * 300);
        for (int i = 0; i < count; i++) {
            out.append("{\"system\":\"benchcrm\",\"externalId\":\"p-").append(seed).append('-').append(i)
                    .append("\",\"name\":\"Bench Partner ").append(seed).append('-').append(i).append(suffix)
                    .append("\",\"type\":\"RESELLER\",\"region\":\"")
                    .append(RecruitmentBenchmark.REGIONS[random.nextInt(RecruitmentBenchmark.REGIONS.length)])
                    .append("\",\"domain\":\"bp").append(seed).append('-').append(i).append(".example\"")
                    .append(",\"website\":\"https://bp").append(seed).append('-').append(i).append(".example\"")
                    .append(",\"specialisations\":[\"")
                    .append(RecruitmentBenchmark.SPECIALISATIONS[random.nextInt(RecruitmentBenchmark.SPECIALISATIONS.length)])
                    .append("\"],\"industries\":[\"")
                    .append(RecruitmentBenchmark.INDUSTRIES[random.nextInt(RecruitmentBenchmark.INDUSTRIES.length)])
                    .append("\"],\"programId\":\"").append(programId).append("\"}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends an NDJSON body to the partner bulk endpoint; the nanoseconds until the last result line, each {@code status}. */
    long bulk(byte[] body, String status) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                + "/api/v1/partners/bulk")).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - started;
        assertEquals(200, response.statusCode(), response.body());
        long matching = response.body().lines().filter(l -> l.contains("\"" + status + "\"")).count();
        assertEquals(response.body().lines().count(), matching, "every line " + status + "; first: "
                + response.body().lines().filter(l -> !l.contains("\"" + status + "\"")).findFirst().orElse(""));
        return nanos;
    }

    /** {@code clients} threads upserting for {@code seconds}; writes per second (every answer must be 200 or 201). */
    double writers(int clients, String programId, String prefix, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String id = prefix + "-" + c;
            done.add(pool.submit(() -> {
                int writes = 0;
                while (!stop.get()) {
                    String externalId = id + "-" + (writes / 2);
                    String json = "{\"programId\":\"" + programId + "\",\"name\":\"Writer " + externalId + " " + writes
                            + "\",\"domain\":\"w" + externalId.toLowerCase() + ".example\",\"region\":\"EMEA\"}";
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + RestAssured.port + "/api/v1/partners/by-external-id/benchcrm/" + externalId))
                            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != (writes % 2 == 0 ? 201 : 200)) {
                        throw new AssertionError(r.statusCode() + " " + r.body());
                    }
                    writes++;
                }
                return writes;
            }));
        }
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        stop.set(true);
        int writes = 0;
        for (Future<Integer> f : done) {
            writes += f.get();
        }
        long nanos = System.nanoTime() - started;
        pool.shutdown();
        return rate(writes, nanos);
    }

    RecruitmentBenchmark.Cpu lastCopyCpu;

    /** COPY of {@code count} partner rows of the same shape into a table like partners (no trigger, no events). */
    long rawPartnerCopy(int count, String programId) throws Exception {
        StringBuilder csv = new StringBuilder(count * 250);
        String now = Instant.now().toString();
        for (int i = 0; i < count; i++) {
            csv.append(UUID.randomUUID()).append(',').append(programId).append(",\"Copy Partner ").append(i)
                    .append("\",RESELLER,EMEA,cp").append(i).append(".example,ONBOARDING,0,").append(now).append(',')
                    .append(now).append(",manager,manager,manager,https://cp").append(i)
                    .append(".example,{NETWORK},{FINANCE}\n");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS partners_copy_bench (LIKE partners INCLUDING ALL)");
            s.execute("TRUNCATE partners_copy_bench");
            RecruitmentBenchmark.Cpu before = cpu();
            long started = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY partners_copy_bench (id, program_id, name, "
                    + "partner_type, region, domain, state, version, created_at, updated_at, created_by, updated_by, "
                    + "origin, website, specialisations, industries) FROM STDIN WITH (FORMAT csv)",
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
            long nanos = System.nanoTime() - started;
            lastCopyCpu = cpu().minus(before);
            return nanos;
        }
    }

    RecruitmentBenchmark.Cpu cpu() throws Exception {
        return RecruitmentBenchmark.cpu(dataSource);
    }

    void checkpoint() throws Exception {
        RecruitmentBenchmark.checkpoint(dataSource);
    }

    void awaitOutboxDrained() throws Exception {
        RecruitmentBenchmark.awaitOutboxDrained(dataSource);
    }
}
