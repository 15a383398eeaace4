package io.consort.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed, open-loop traffic through the gateway with real Keycloak tokens: a partner portal's reads, a
 * channel manager's reviews, public applications, CRM upserts, prospect NDJSON bulk imports and deal
 * registrations. Requests start at a fixed rate whatever the answers' latency (open loop: a slow
 * suite shows up as latency and a growing in-flight count, not as a politely lowered rate), up to a
 * cap of requests in flight; a request that cannot start because the cap is reached is counted as
 * "dropped" rather than silently skipped.
 *
 * <p>Plain JDK (java.net.http, platform threads) so that it runs from {@code bench/load/run.sh} with
 * nothing but a JDK 17, and the system tests reuse it as a library (their pom adds this source root).
 */
public final class LoadGenerator {

    /** What to drive and how hard. */
    public record Config(String gateway, String keycloak, double ratePerSecond, Duration duration,
            int partners, int bulkLines, int maxInFlight, Map<String, Integer> weights) {

        public static Map<String, Integer> defaultWeights() {
            Map<String, Integer> w = new LinkedHashMap<>();
            w.put("getPartner", 25);           // portal: the partner's own profile
            w.put("getScorecard", 15);         // portal: tier and KPIs
            w.put("listDealRegistrations", 10); // portal: the partner's deals
            w.put("listPartners", 8);          // manager: the partner list
            w.put("submitApplication", 8);     // public: an application (the manager then reviews it)
            w.put("upsertPartnerByExternalId", 18); // CRM sync
            // 0 by default: campaign takes deals only for ACTIVE partners, and the CRM-upserted partners of the
            // setup stay ONBOARDING (the program has no onboarding plan that would complete); --mix turns it on
            // against a stack whose partners are active.
            w.put("createDealRegistration", 0);
            w.put("importProspects", 2);       // NDJSON bulk import of bulkLines prospects
            return w;
        }

        static Config fromArgs(String[] args) {
            Map<String, String> a = new TreeMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            String gateway = a.getOrDefault("gateway", env("PRM_GATEWAY_URL", "http://127.0.0.1:" + env("PRM_GATEWAY_PORT", "8080")));
            String keycloak = a.getOrDefault("keycloak", env("PRM_KEYCLOAK_URL", "http://127.0.0.1:" + env("PRM_KEYCLOAK_PORT", "8180")));
            Map<String, Integer> weights = defaultWeights();
            if (a.containsKey("mix")) { // e.g. getPartner=10,importProspects=0
                for (String part : a.get("mix").split(",")) {
                    String[] kv = part.split("=");
                    if (!weights.containsKey(kv[0])) {
                        throw new IllegalArgumentException("unknown operation " + kv[0] + "; known: " + weights.keySet());
                    }
                    weights.put(kv[0], Integer.parseInt(kv[1]));
                }
            }
            return new Config(gateway, keycloak,
                    Double.parseDouble(a.getOrDefault("rate", "20")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration", "60"))),
                    Integer.parseInt(a.getOrDefault("partners", "50")),
                    Integer.parseInt(a.getOrDefault("bulk-lines", "500")),
                    Integer.parseInt(a.getOrDefault("max-in-flight", "64")),
                    weights);
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }
    }

    /** One answer that was not 2xx (or no answer at all: status 0), kept for the report. */
    public record Failure(String operation, int status, String detail, boolean retryAfter) {
    }

    /** Latencies (microseconds) and outcome counts of one operation. */
    public static final class OperationStats {
        private long[] micros = new long[1024];
        private int count;
        private long errors;

        synchronized void record(long latencyMicros, boolean ok) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = latencyMicros;
            if (!ok) {
                errors++;
            }
        }

        public synchronized int count() {
            return count;
        }

        public synchronized long errors() {
            return errors;
        }

        /** The q-quantile latency in milliseconds (nearest rank). */
        public synchronized double percentileMillis(double q) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(micros, count);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * count) - 1;
            return sorted[Math.max(0, Math.min(count - 1, rank))] / 1000.0;
        }
    }

    /** What a run did. */
    public record Report(Duration elapsed, Map<String, OperationStats> operations, List<Failure> failures,
            long dropped) {

        public long requests() {
            return operations.values().stream().mapToLong(OperationStats::count).sum();
        }

        public long errorAnswers() {
            return failures.size();
        }

        /** The public endpoints' per-address rate limit answering 429 with Retry-After: designed, not an error. */
        public long throttled() {
            return failures.stream().filter(f -> f.status() == 429 && f.retryAfter()).count();
        }

        /** Answers of 5xx, or none at all (status 0: refused, reset, timed out). */
        public long serverErrors() {
            return failures.stream().filter(f -> f.status() >= 500 || f.status() == 0).count();
        }

        public void print(PrintStream out) {
            double seconds = elapsed.toMillis() / 1000.0;
            out.printf("%n%-28s %8s %8s %9s %9s %9s %9s%n", "operation", "count", "errors", "rate/s", "p50 ms", "p95 ms", "p99 ms");
            operations.forEach((name, s) -> out.printf("%-28s %8d %8d %9.1f %9.1f %9.1f %9.1f%n", name, s.count(), s.errors(),
                    s.count() / seconds, s.percentileMillis(0.50), s.percentileMillis(0.95), s.percentileMillis(0.99)));
            out.printf("%-28s %8d %8d %9.1f%n", "total", requests(), errorAnswers(), requests() / seconds);
            out.printf("elapsed %.1f s, not started because %s requests were in flight: %d%n", seconds, "the cap of", dropped);
            if (!failures.isEmpty()) {
                out.println("non-2xx answers (operation, status, detail) and how often:");
                Map<String, Long> grouped = new TreeMap<>();
                for (Failure f : failures) {
                    grouped.merge(f.operation() + " " + f.status() + (f.retryAfter() ? " (Retry-After)" : "") + " " + f.detail(),
                            1L, Long::sum);
                }
                grouped.forEach((k, n) -> out.printf("  %5d x %s%n", n, k));
            }
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern PARTNER_ID = Pattern.compile("\"partnerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Config config;
    private final HttpClient http;
    private final ExecutorService workers;
    private final Map<String, OperationStats> stats = new LinkedHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final List<String> partnerIds = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private String programId;

    public LoadGenerator(Config config) {
        this.config = config;
        this.workers = Executors.newFixedThreadPool(Math.max(4, config.maxInFlight()), r -> {
            Thread t = new Thread(r, "load-worker");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(workers).build();
        config.weights().keySet().forEach(op -> stats.put(op, new OperationStats()));
        stats.put("approveApplication", new OperationStats());
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("""
                    Usage: run.sh [--rate N/s] [--duration S] [--partners N] [--bulk-lines N] [--max-in-flight N]
                                  [--gateway URL] [--keycloak URL] [--mix op=weight,...]
                    Operations: """ + Config.defaultWeights());
            return;
        }
        Config config = Config.fromArgs(args);
        LoadGenerator generator = new LoadGenerator(config);
        System.out.printf("load: %s at %.1f requests/s for %d s through %s (tokens from %s)%n", config.weights().keySet(),
                config.ratePerSecond(), config.duration().toSeconds(), config.gateway(), config.keycloak());
        generator.setUp();
        Report report = generator.run(config.duration());
        report.print(System.out);
        generator.close();
        System.exit(report.serverErrors() == 0 ? 0 : 1);
    }

    /** Tokens, a program accepting applications and {@code partners} partners created through the CRM upsert. */
    public void setUp() throws IOException, InterruptedException {
        refreshTokens();
        String program = "{\"name\":\"Load test program " + runId + "\",\"description\":\"bench/load\","
                + "\"partnerTypes\":[\"RESELLER\"],\"acceptingApplications\":true}";
        HttpResponse<String> created = send(request("/api/v1/programs", "manager")
                .header("Content-Type", "application/json").header("Idempotency-Key", "load-program-" + runId)
                .POST(HttpRequest.BodyPublishers.ofString(program)).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the load test program answered " + created.statusCode() + ": " + created.body());
        }
        programId = match(ID, created.body());
        for (int i = 0; i < config.partners(); i++) {
            HttpResponse<String> partner = send(upsertRequest("setup-" + i));
            if (partner.statusCode() / 100 != 2) {
                throw new IllegalStateException("creating partner " + i + " answered " + partner.statusCode() + ": " + partner.body());
            }
            partnerIds.add(match(ID, partner.body()));
        }
    }

    public String programId() {
        return programId;
    }

    public List<String> partnerIds() {
        return List.copyOf(partnerIds);
    }

    /** Drives the mix for {@code duration} at the configured rate, then waits for what is in flight. */
    public Report run(Duration duration) throws InterruptedException {
        List<String> deck = new ArrayList<>();
        config.weights().forEach((op, w) -> {
            for (int i = 0; i < w; i++) {
                deck.add(op);
            }
        });
        if (deck.isEmpty()) {
            throw new IllegalArgumentException("every operation has weight 0");
        }
        Semaphore inFlight = new Semaphore(config.maxInFlight());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            try {
                refreshTokens();
            } catch (Exception e) {
                failures.add(new Failure("token", 0, e.toString(), false));
            }
        }, 240, 240, TimeUnit.SECONDS);
        long periodNanos = (long) (1_000_000_000L / config.ratePerSecond());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Random random = new Random(runId.hashCode());
        for (long next = start; next < end; next += periodNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String op = deck.get(random.nextInt(deck.size()));
            if (!inFlight.tryAcquire()) {
                dropped.incrementAndGet();
                continue;
            }
            workers.execute(() -> {
                try {
                    perform(op);
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(config.maxInFlight()); // everything answered (each request has a timeout)
        inFlight.release(config.maxInFlight());
        ticker.shutdownNow();
        Report report = new Report(Duration.ofNanos(System.nanoTime() - start), snapshot(), List.copyOf(failures), dropped.get());
        return report;
    }

    private Map<String, OperationStats> snapshot() {
        Map<String, OperationStats> copy = new LinkedHashMap<>();
        stats.forEach((k, v) -> {
            if (v.count() > 0) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    public void close() {
        workers.shutdownNow();
    }

    private void perform(String op) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String partner = partnerIds.get(r.nextInt(partnerIds.size()));
        switch (op) {
            case "getPartner" -> timed(op, request("/api/v1/partners/" + partner, "manager").GET().build());
            case "getScorecard" -> timed(op, request("/api/v1/scorecards/" + partner, "manager").GET().build());
            case "listDealRegistrations" -> timed(op, request("/api/v1/deal-registrations?partnerId=" + partner + "&limit=20", "manager").GET().build());
            case "listPartners" -> timed(op, request("/api/v1/partners?limit=20", "manager").GET().build());
            case "upsertPartnerByExternalId" -> timed(op, upsertRequest(r.nextInt(4) == 0 ? "setup-" + r.nextInt(config.partners())
                    : "crm-" + sequence.incrementAndGet()));
            case "submitApplication" -> submitAndApprove();
            case "createDealRegistration" -> timed(op, dealRequest(partner));
            case "importProspects" -> timed(op, prospectsRequest());
            default -> throw new IllegalStateException(op);
        }
    }

    private void submitAndApprove() {
        long n = sequence.incrementAndGet();
        String body = "{\"programId\":\"" + programId + "\",\"companyName\":\"Applicant " + runId + "-" + n + " GmbH\","
                + "\"website\":\"https://applicant-" + runId + "-" + n + ".example\",\"contactName\":\"Ada Load\","
                + "\"contactEmail\":\"ada@applicant-" + runId + "-" + n + ".example\",\"region\":\"EMEA\"}";
        HttpResponse<String> submitted = timed("submitApplication", HttpRequest.newBuilder(URI.create(config.gateway() + "/api/v1/applications"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (submitted != null && submitted.statusCode() == 201) {
            timed("approveApplication", request("/api/v1/applications/" + match(ID, submitted.body()) + "/approve", "manager")
                    .header("Idempotency-Key", "load-approve-" + runId + "-" + n)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }
    }

    private HttpRequest upsertRequest(String externalId) {
        String body = "{\"programId\":\"" + programId + "\",\"name\":\"CRM partner " + runId + " " + externalId + "\","
                + "\"website\":\"https://crm-" + runId + "-" + externalId + ".example\",\"region\":\"EMEA\"}";
        return request("/api/v1/partners/by-external-id/loadgen/" + runId + "-" + externalId, "integrator")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest dealRequest(String partnerId) {
        long n = sequence.incrementAndGet();
        String body = "{\"partnerId\":\"" + partnerId + "\",\"customerName\":\"Customer " + runId + "-" + n + " AG\","
                + "\"customerDomain\":\"customer-" + runId + "-" + n + ".example\",\"products\":[\"ANALYTICS-PRO\"],"
                + "\"amount\":{\"amount\":\"" + (1000 + n % 90000) + ".00\",\"currency\":\"EUR\"},"
                + "\"expectedCloseDate\":\"" + LocalDate.now().plusDays(60) + "\"}";
        return request("/api/v1/deal-registrations", "manager").header("Content-Type", "application/json")
                .header("Idempotency-Key", "load-deal-" + runId + "-" + n).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest prospectsRequest() {
        long batch = sequence.incrementAndGet();
        return request("/api/v1/prospects/bulk", "integrator").header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", "load-prospects-" + runId + "-" + batch)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(prospectLines(runId + "-" + batch, config.bulkLines()))).build();
    }

    /** {@code lines} NDJSON prospects whose company names carry {@code tag}, so a test can count them. */
    public static String prospectLines(String tag, int lines) {
        StringBuilder body = new StringBuilder(lines * 160);
        for (int i = 0; i < lines; i++) {
            body.append("{\"companyName\":\"Prospect ").append(tag).append(' ').append(i)
                    .append("\",\"website\":\"https://p").append(i).append('-').append(tag).append(".example\",\"region\":\"EMEA\",")
                    .append("\"employeeCount\":").append(10 + i % 500).append(",\"externalIds\":{\"loadgen\":\"")
                    .append(tag).append('-').append(i).append("\"}}\n");
        }
        return body.toString();
    }

    private HttpRequest.Builder request(String path, String who) {
        return HttpRequest.newBuilder(URI.create(config.gateway() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(who));
    }

    private HttpResponse<String> timed(String op, HttpRequest request) {
        long t0 = System.nanoTime();
        HttpResponse<String> answer = null;
        try {
            answer = send(request);
        } catch (IOException e) {
            stats.get(op).record((System.nanoTime() - t0) / 1000, false);
            failures.add(new Failure(op, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), false));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        boolean ok = answer.statusCode() / 100 == 2;
        stats.get(op).record((System.nanoTime() - t0) / 1000, ok);
        if (!ok) {
            String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
            failures.add(new Failure(op, answer.statusCode(), body.substring(0, Math.min(200, body.length())),
                    answer.headers().firstValue("Retry-After").isPresent()));
        }
        return answer;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void refreshTokens() throws IOException, InterruptedException {
        tokens.put("manager", token("grant_type=password&client_id=consort-portal&username=manager&password=manager-pw"));
        tokens.put("integrator", token("grant_type=client_credentials&client_id=consort-integrator&client_secret=integrator-secret"));
    }

    private String token(String form) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(config.keycloak() + "/realms/prm/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher m = TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token (" + form.replaceAll("(password|secret)=[^&]*", "$1=***") + "): "
                    + answer.statusCode() + " " + answer.body());
        }
        return m.group(1);
    }

    private static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p.pattern() + " in " + body);
        }
        return m.group(1);
    }

    static String partnerIdOf(String body) {
        return match(PARTNER_ID, body);
    }
}
