package io.consort.recruitment.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.consort.recruitment.prospect.ProspectBatchWriterAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * (a) Bulk import of 100,000 prospects through {@code POST /api/v1/prospects/bulk} beside a raw
 * {@code COPY} of the same rows into a table of the same shape (same columns, defaults and indexes),
 * in the same run, with the CPU time each took (this JVM, the database); (b) recommendations over the
 * 100,000 prospects, p50/p95 over 50 calls. The partners' writes: {@link PartnerWritesBenchmark}.
 * Tagged "bench": excluded from the build, run by bench/recruitment/run.sh.
 */
@QuarkusTest
@Tag("bench")
class RecruitmentBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    static final int CALLS = Integer.getInteger("bench.calls", 50);
    static final int WARMUPS = Integer.getInteger("bench.warmups", 3);
    static final String[] REGIONS = { "EMEA", "NORTH_AMERICA", "LATAM", "APAC", "DACH", "NORDICS" };
    static final String[] INDUSTRIES = { "FINANCE", "RETAIL", "HEALTHCARE", "MANUFACTURING", "PUBLIC_SECTOR",
            "ENERGY", "TELECOM", "EDUCATION", "LOGISTICS", "MEDIA", "INSURANCE", "AUTOMOTIVE" };
    static final String[] SPECIALISATIONS = { "CLOUD_SECURITY", "NETWORK", "IDENTITY", "ENDPOINT", "SIEM",
            "DATA_PROTECTION", "DEVOPS", "ERP", "CRM", "ANALYTICS", "AI_ML", "STORAGE", "BACKUP", "VOIP",
            "IOT", "MOBILITY", "MIGRATION", "MANAGED_SERVICES", "TRAINING", "COMPLIANCE" };
    static final String[] BANDS = { "UNDER_1M", "M1_10", "M10_50", "M50_250", "M250_1000", "OVER_1B" };
    static final String[] CERTIFICATIONS = { "ISO_27001", "SOC2", "ISO_9001", "PCI_DSS", "HIPAA", "CISSP_TEAM",
            "AWS_PARTNER", "AZURE_PARTNER" };

    @Inject
    AgroalDataSource dataSource;

    record Row(String name, String website, String region, List<String> industries, List<String> specialisations,
            int employees, String band, List<String> certifications) {
    }

    static List<Row> rows(int n, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = "Company " + seed + "-" + i;
            rows.add(new Row(name, "https://company-" + seed + "-" + i + ".example", REGIONS[random.nextInt(REGIONS.length)],
                    pick(random, INDUSTRIES, 1 + random.nextInt(3)), pick(random, SPECIALISATIONS, 1 + random.nextInt(4)),
                    1 + random.nextInt(5000), BANDS[random.nextInt(BANDS.length)],
                    pick(random, CERTIFICATIONS, random.nextInt(4))));
        }
        return rows;
    }

    static List<String> pick(Random random, String[] from, int count) {
        List<String> all = new ArrayList<>(Arrays.asList(from));
        java.util.Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, count));
    }

    static byte[] ndjson(List<Row> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 300);
        for (Row r : rows) {
            out.append("{\"companyName\":\"").append(r.name()).append("\",\"website\":\"").append(r.website())
                    .append("\",\"region\":\"").append(r.region()).append("\",\"industries\":").append(json(r.industries()))
                    .append(",\"specialisations\":").append(json(r.specialisations()))
                    .append(",\"employeeCount\":").append(r.employees())
                    .append(",\"revenueBand\":\"").append(r.band()).append("\",\"certifications\":")
                    .append(json(r.certifications())).append("}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String json(List<String> codes) {
        return codes.isEmpty() ? "[]" : "[\"" + String.join("\",\"", codes) + "\"]";
    }

    /** A plain JDK client: RestAssured's own overhead on a 30 MB body would be measured as the API's. */
    long importThroughApi(byte[] body) throws Exception {
        return bulkThroughApi("/api/v1/prospects/bulk", body, "CREATED");
    }

    /** Sends an NDJSON body to a bulk endpoint; the nanoseconds until the last result line, each {@code status}. */
    long bulkThroughApi(String path, byte[] body, String status) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - started;
        assertEquals(200, response.statusCode(), response.body());
        String answer = response.body();
        long matching = answer.lines().filter(l -> l.contains("\"" + status + "\"")).count();
        assertEquals(answer.lines().count(), matching, "every line " + status + "; first: "
                + answer.lines().findFirst().orElse(""));
        return nanos;
    }

    Cpu lastCopyCpu;

    long rawCopy(List<Row> rows) throws Exception {
        StringBuilder csv = new StringBuilder(rows.size() * 250);
        String now = Instant.now().toString();
        for (Row r : rows) {
            // The same values the import stores: the domain as the import derives it, version 0, the origin.
            ProspectBatchWriterAccess.row(csv, UUID.randomUUID(), r.name(), r.website(), r.website().substring(8),
                    r.region(), r.industries(), r.specialisations(), r.employees(), r.band(), r.certifications(),
                    "manager", now);
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS prospects_copy_bench");
                s.execute("CREATE TABLE prospects_copy_bench (LIKE prospects INCLUDING ALL)");
            }
            Cpu before = cpu();
            long started = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY prospects_copy_bench ("
                    + ProspectBatchWriterAccess.COLUMNS + ") FROM STDIN WITH (FORMAT csv)", new ByteArrayInputStream(bytes));
            long nanos = System.nanoTime() - started;
            lastCopyCpu = cpu().minus(before);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE prospects_copy_bench");
            }
            return nanos;
        }
    }

    /**
     * CPU time spent so far, by whom: this JVM, and within it the outbox relay (its thread and its
     * producer's), the in-JVM Kafka broker and the JIT compilers; and the PostgreSQL backends of this
     * run's database, the relay's connection among them (read from /proc, so only when the server runs
     * on this machine). The difference of two snapshots says what a phase cost: on two cores the import
     * shares them with the relay publishing its events.
     */
    record Cpu(long jvm, long relay, long broker, long jit, long db, long dbRelay) {

        Cpu minus(Cpu o) {
            boolean noDb = db < 0 || o.db < 0;
            return new Cpu(jvm - o.jvm, relay - o.relay, broker - o.broker, jit - o.jit, noDb ? -1 : db - o.db,
                    noDb ? -1 : dbRelay - o.dbRelay);
        }

        String describe() {
            return String.format("JVM %.2f s (outbox relay %.2f, Kafka broker %.2f, JIT compilers %.2f), PostgreSQL %s",
                    jvm / 1e9, relay / 1e9, broker / 1e9, jit / 1e9, db < 0 ? "n/a"
                            : String.format("%.2f s (the relay's connection %.2f)", db / 1e9, dbRelay / 1e9));
        }
    }

    Cpu cpu() throws Exception {
        return cpu(dataSource);
    }

    static Cpu cpu(AgroalDataSource dataSource) throws Exception {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long relay = 0;
        long broker = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long used = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (used < 0) {
                continue;
            }
            String name = info.getThreadName();
            if (name.contains("consort-outbox-relay")) {
                relay += used;
            } else if (name.startsWith("data-plane-kafka") || name.startsWith("kafka-") || name.contains("raft")
                    || name.startsWith("quorum-controller") || name.startsWith("group-coordinator")
                    || name.startsWith("ReplicaFetcher") || name.startsWith("LogDirFailureHandler")) {
                broker += used;
            }
        }
        long jit = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                long[] used = procCpu(task.resolve("stat"));
                if (used != null && used[1] == 1) {
                    jit += used[0];
                }
            }
        } catch (java.io.IOException e) {
            jit = -1;
        }
        long db = 0;
        long dbRelay = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid, application_name FROM pg_stat_activity "
                        + "WHERE datname = current_database()")) {
            while (rs.next()) {
                long[] used = procCpu(Path.of("/proc", rs.getString(1), "stat"));
                if (used == null) {
                    return new Cpu(jvm, relay, broker, jit, -1, -1);
                }
                db += used[0];
                if ("consort-outbox-relay".equals(rs.getString(2))) {
                    dbRelay += used[0];
                }
            }
        }
        return new Cpu(jvm, relay, broker, jit, db, dbRelay);
    }

    /** utime + stime of a /proc stat file in nanoseconds, and 1 if it is a JIT compiler thread; null if unreadable. */
    static long[] procCpu(Path stat) {
        try {
            String text = Files.readString(stat);
            String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return new long[] { ticks * 10_000_000L, name.contains("CompilerThre") ? 1 : 0 }; // USER_HZ = 100
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    void forgetWarmUp() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE prospect_external_ids, prospects");
            s.execute("UPDATE prospect_generation SET generation = generation + 1");
        }
    }

    void checkpoint() throws Exception {
        checkpoint(dataSource);
    }

    void awaitOutboxDrained() throws Exception {
        awaitOutboxDrained(dataSource);
    }

    /** Each measurement starts without dirty buffers of the one before it to write out. */
    static void checkpoint(AgroalDataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    /** Waits until the relay has published every event (the next measurement starts quiet). */
    static void awaitOutboxDrained(AgroalDataSource dataSource) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void importAndRecommend() throws Exception {
        // Warm-ups at full size (bench.warmups, 3): the JIT compiles the import's path, the relay's and the
        // in-JVM broker's, which a 10,000-line warm-up left to the measured run (the compiler threads then
        // took 2 s of the two cores during it; after three full imports still about 1 s). Their prospects
        // are removed after each, so the measured import starts from the same empty table as the COPY.
        for (int i = 0; i < WARMUPS; i++) {
            importThroughApi(ndjson(rows(ROWS, 1)));
            rawCopy(rows(ROWS, 2));
            awaitOutboxDrained();
            forgetWarmUp();
        }

        List<Row> rows = rows(ROWS, 3);
        byte[] body = ndjson(rows);
        checkpoint();
        Cpu before = cpu();
        long apiNanos = importThroughApi(body);
        Cpu importCpu = cpu().minus(before);
        before = cpu();
        awaitOutboxDrained(); // COPY gets the same quiet start the import had
        Cpu drainCpu = cpu().minus(before);
        List<Row> copyRows = rows(ROWS, 4);
        checkpoint();
        long copyNanos = rawCopy(copyRows);
        Cpu copyCpu = lastCopyCpu;
        double apiRate = ROWS / (apiNanos / 1e9);
        double copyRate = ROWS / (copyNanos / 1e9);

        awaitOutboxDrained();
        String programId = given().contentType(ContentType.JSON).body(Map.of(
                "name", "Bench " + UUID.randomUUID(), "partnerTypes", List.of("RESELLER"),
                "idealProfile", Map.of(
                        "regions", Map.of("values", List.of("EMEA", "DACH"), "weight", 30),
                        "industries", Map.of("values", List.of("FINANCE", "INSURANCE"), "weight", 15),
                        "specialisations", Map.of("values", List.of("CLOUD_SECURITY", "IDENTITY", "SIEM"), "weight", 25),
                        "companySize", Map.of("minEmployees", 50, "maxEmployees", 1000, "weight", 10),
                        "revenueBands", Map.of("values", List.of("M10_50", "M50_250"), "weight", 10),
                        "certifications", Map.of("values", List.of("ISO_27001", "SOC2"), "weight", 10))))
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
        long coldStarted = System.nanoTime();
        int scored = given().queryParam("limit", 20).when().get("/api/v1/programs/{id}/recommendations", programId)
                .then().statusCode(200).extract().path("prospectsScored");
        long coldNanos = System.nanoTime() - coldStarted;
        long[] calls = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            given().queryParam("limit", 20).when().get("/api/v1/programs/{id}/recommendations", programId)
                    .then().statusCode(200);
            calls[i] = System.nanoTime() - started;
        }
        Arrays.sort(calls);

        System.out.println("=== Recruitment benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + ROWS + " rows) ===");
        System.out.printf("bulk import via API: %d rows in %.2f s = %.0f rows/s%n", ROWS, apiNanos / 1e9, apiRate);
        System.out.printf("raw COPY, same rows:  %d rows in %.2f s = %.0f rows/s%n", ROWS, copyNanos / 1e9, copyRate);
        System.out.printf("ratio API/COPY:       %.1f %%%n", 100 * apiRate / copyRate);
        System.out.println("CPU during the import:  " + importCpu.describe());
        System.out.println("CPU after it, until the relay had published every event: " + drainCpu.describe());
        System.out.println("CPU during the COPY:    " + copyCpu.describe());
        System.out.printf("recommendations over %d prospects, limit 20: first call (loads the projection) %.1f ms; "
                + "%d calls p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", scored, coldNanos / 1e6, CALLS,
                calls[CALLS / 2] / 1e6, calls[(int) Math.ceil(CALLS * 0.95) - 1] / 1e6, calls[CALLS - 1] / 1e6);
        System.out.println("=== end of recruitment benchmark ===");
    }
}
