package io.consort.systemtests.faults;

import io.consort.systemtests.SuiteStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** What the fault scenarios share: sizes, readiness, the dead-letter count and the figures they print. */
final class FaultKit {

    /** Full sizes (bench/faults/run.sh) or the short ones of the verify build. */
    static final boolean FULL = Boolean.getBoolean("consort.faults.full");
    static final List<String> SERVICES = List.of("recruitment", "community", "campaign", "performance", "integration");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FaultKit() {
    }

    static int size(int shortForm, int fullForm) {
        return FULL ? fullForm : shortForm;
    }

    /** Waits until every service (and the gateway) answers its readiness probe; the time it took. */
    static Duration awaitReady(SuiteStack stack, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        for (String component : List.of("recruitment", "community", "campaign", "performance", "integration")) {
            while (status(stack.service(component) + "/q/health/ready") != 200) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(component + " not ready within " + atMost);
                }
                Thread.sleep(500);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Sends like a well-behaved client: a 503, 409 or 429 with Retry-After (the gateway's open circuit breaker
     * after a restart; a bulk import's Idempotency-Key still claimed by the killed run until the claim's
     * pending timeout; a rate limit) is retried after the time it names, for up to {@code atMost}.
     */
    static HttpResponse<String> sendRetrying(HttpRequest request, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            var retryAfter = answer.headers().firstValue("Retry-After");
            boolean retryable = answer.statusCode() == 503 || answer.statusCode() == 409 || answer.statusCode() == 429;
            if (!retryable || retryAfter.isEmpty() || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(Math.min(30, Math.max(1, Long.parseLong(retryAfter.get().trim()))) * 1000);
        }
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Records on every dead-letter topic ({@code <topic>.dlq.<service>}) of the stack's broker. */
    static long deadLetters(SuiteStack stack) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.contains(".dlq.")).collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return 0;
            }
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetSpec> earliest = latest.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()));
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
            long start = admin.listOffsets(earliest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
            return end - start;
        }
    }

    /** A program of the channel manager's, for the scenario's partners; its id. */
    static String program(SuiteStack stack, String managerToken, String name) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/programs"))
                .header("Authorization", "Bearer " + managerToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"description\":\"bench/faults\","
                        + "\"partnerTypes\":[\"RESELLER\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new AssertionError("creating program " + name + " answered " + created.statusCode() + ": " + created.body());
        }
        return Json.id(created.body());
    }

    /** An NDJSON bulk upsert of {@code lines} new partners named "Faults TAG i" (POST /api/v1/partners/bulk). */
    static HttpRequest partnerImport(SuiteStack stack, String integratorToken, String tag, String programId, int lines) {
        StringBuilder body = new StringBuilder(lines * 200);
        for (int i = 0; i < lines; i++) {
            body.append("{\"system\":\"faults\",\"externalId\":\"").append(tag).append('-').append(i)
                    .append("\",\"programId\":\"").append(programId).append("\",\"name\":\"Faults ").append(tag).append(' ').append(i)
                    .append("\",\"website\":\"https://f").append(i).append('-').append(tag).append(".example\",\"region\":\"EMEA\"}\n");
        }
        return HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/partners/bulk"))
                .header("Authorization", "Bearer " + integratorToken).header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", "faults-" + tag).timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    /** The ids of the partners a {@link #partnerImport} stored, as recruitment's database holds them. */
    static List<UUID> importedPartners(SuiteStack stack, String tag) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = stack.database("recruitment");
                PreparedStatement s = c.prepareStatement("select id from partners where name like ?")) {
            s.setString(1, "Faults " + tag + " %");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Scorecards performance holds for these partners (one each when every onboarding-started arrived once). */
    static long scorecards(SuiteStack stack, List<UUID> partners) throws SQLException {
        try (Connection c = stack.database("performance");
                PreparedStatement s = c.prepareStatement("select count(*) from scorecard where partner_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", partners.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A single-row, single-column count from a service's database. */
    static long count(SuiteStack stack, String service, String sql) throws SQLException {
        try (Connection c = stack.database(service); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** One scenario's figures, in one greppable line. */
    static void report(String scenario, String figures) {
        System.out.printf("%n[faults] %s: %s%n%n", scenario, figures);
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
