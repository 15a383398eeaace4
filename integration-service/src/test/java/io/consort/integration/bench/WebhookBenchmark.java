package io.consort.integration.bench;

import static io.restassured.RestAssured.given;

import io.consort.integration.Receiver;
import io.consort.testkit.EmbeddedKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries: events published on the real broker, consumed, queued in PostgreSQL, signed and POSTed
 * to receivers in this JVM. Two phases of the same size: four fast receivers alone, then the same four beside
 * a slow one (each answer after {@code bench.slow-ms}). Printed per phase: deliveries per second to the fast
 * receivers and the time from publishing an event to its arrival (p50, p99, max); the slow receiver's count.
 * Baselines of the same run: the Kafka hop alone (a plain consumer of the same events, publish → poll), and
 * raw HTTP (the JDK client POSTing the same bodies to a fast receiver, as many at once as the dispatcher may).
 * Tagged "bench": excluded from the build, run by bench/webhooks/run.sh.
 */
@QuarkusTest
@Tag("bench")
@TestSecurity(user = "bench", roles = "integrator")
class WebhookBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 2000);
    static final int PARTNERS = Integer.getInteger("bench.partners", 50);
    static final int FAST = 4;
    static final long SLOW_MS = Long.getLong("bench.slow-ms", 800);
    static final String TOPIC = io.consort.contracts.Topics.CAMPAIGNS;

    final Receiver receiver = Receiver.shared();
    final Map<String, Long> publishedAt = new ConcurrentHashMap<>();

    @Test
    void deliveriesPerSecondAndLatencyWithAndWithoutASlowReceiver() throws Exception {
        StringBuilder out = new StringBuilder("\n=== Webhook benchmark: " + EVENTS + " deal.won events per phase, "
                + PARTNERS + " partners, " + FAST + " fast receivers, cores " + Runtime.getRuntime().availableProcessors()
                + ", load " + load() + " ===\n");
        try (KafkaProducer<String, String> producer = producer()) {
            // Warm-up: a phase of a tenth of the size, not reported.
            phase(producer, "warm-up", EVENTS / 10, false, new StringBuilder());
            phase(producer, "fast receivers alone", EVENTS, false, out);
            phase(producer, "beside a slow receiver (" + SLOW_MS + " ms an answer)", EVENTS, true, out);
        }
        out.append(rawHttp());
        out.append("load after: ").append(load()).append('\n');
        out.append("=== end of webhook benchmark ===\n");
        System.out.println(out);
    }

    private void phase(KafkaProducer<String, String> producer, String name, int events, boolean withSlow, StringBuilder out)
            throws Exception {
        List<String> fast = new ArrayList<>();
        List<UUID> subscriptions = new ArrayList<>();
        for (int i = 0; i < FAST; i++) {
            String url = receiver.endpoint("bench-fast-" + i);
            fast.add(url);
            subscriptions.add(subscribe(url));
        }
        String slow = null;
        if (withSlow) {
            slow = receiver.endpoint("bench-slow", n -> new Receiver.Answer(204, SLOW_MS, ""));
            subscriptions.add(subscribe(slow));
        }
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(UUID.randomUUID());
        }
        // The baseline hop: a plain consumer of the same events, publish -> poll.
        List<Long> kafkaHop = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean consuming = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = new Thread(() -> rawConsumer(kafkaHop, consuming, assigned), "bench-raw-consumer");
        consumer.start();
        assigned.await(30, TimeUnit.SECONDS);

        List<String> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            ids.add(publish(producer, partners.get(i % PARTNERS)));
        }
        producer.flush();
        long published = System.nanoTime();
        long deadline = published + Duration.ofMinutes(5).toNanos();
        while (fast.stream().mapToInt(url -> receiver.received(url).size()).sum() < events * FAST
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long lastFast = fast.stream().flatMap(url -> receiver.received(url).stream())
                .mapToLong(Receiver.Received::receivedAtNanos).max().orElse(System.nanoTime());
        consuming.set(false);
        consumer.join();

        List<Long> latencies = new ArrayList<>();
        for (String url : fast) {
            for (Receiver.Received r : receiver.received(url)) {
                Long sent = publishedAt.get(r.header("webhook-id"));
                if (sent != null) {
                    latencies.add(r.receivedAtNanos() - sent);
                }
            }
        }
        int delivered = latencies.size();
        double seconds = (lastFast - start) / 1e9;
        out.append(String.format("%n-- %s --%n", name));
        out.append(String.format("published %d events in %.2f s (%.0f/s)%n", events, (published - start) / 1e9,
                events / ((published - start) / 1e9)));
        out.append(String.format("fast receivers: %d of %d deliveries in %.2f s from the first publish = %.0f deliveries/s%n",
                delivered, events * FAST, seconds, delivered / seconds));
        out.append("  event on Kafka -> delivered:   ").append(percentiles(latencies)).append('\n');
        out.append("  baseline, Kafka hop alone:     ").append(percentiles(new ArrayList<>(kafkaHop))).append('\n');
        if (slow != null) {
            out.append(String.format("slow receiver: %d of %d delivered meanwhile (at most 16 in flight x %d ms each)%n",
                    receiver.received(slow).size(), events, SLOW_MS));
        }
        for (UUID s : subscriptions) {
            given().delete("/api/v1/webhooks/{id}", s).then().statusCode(204);
        }
    }

    private String rawHttp() throws Exception {
        String url = receiver.endpoint("bench-raw");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        String body = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/consort/campaign\","
                + "\"type\":\"consort.deal.won.v1\",\"data\":" + dealWon(UUID.randomUUID()) + "}";
        int requests = EVENTS * FAST;
        Semaphore inFlight = new Semaphore(16);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(requests);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            inFlight.acquire();
            long sent = System.nanoTime();
            client.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1))
                    .header("content-type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenCompleteAsync((r, e) -> {
                        times.add(System.nanoTime() - sent);
                        inFlight.release();
                        done.countDown();
                    }, pool);
        }
        done.await(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return String.format("%n-- baseline, raw HTTP: the JDK client POSTing %d CloudEvent bodies, 16 at a time, to a fast receiver --%n"
                + "%.0f requests/s; request -> answer: %s%n", requests, requests / seconds, percentiles(times));
    }

    private void rawConsumer(List<Long> hops, AtomicBoolean running, CountDownLatch assigned) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            assigned.countDown();
            while (running.get()) {
                consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                    var id = r.headers().lastHeader("ce_id");
                    Long sent = id == null ? null : publishedAt.get(new String(id.value(), StandardCharsets.UTF_8));
                    if (sent != null) {
                        hops.add(System.nanoTime() - sent);
                    }
                });
            }
        }
    }

    private String publish(KafkaProducer<String, String> producer, UUID partner) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, partner.toString(), dealWon(partner));
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/consort/campaign", "ce_type", "consort.deal.won.v1",
                "ce_time", Instant.now().toString(), "ce_subject", partner.toString(), "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        publishedAt.put(id, System.nanoTime());
        producer.send(record);
        return id;
    }

    private static String dealWon(UUID partner) {
        return "{\"dealId\":\"" + UUID.randomUUID() + "\",\"partnerId\":\"" + partner + "\",\"customerName\":\"Initech\","
                + "\"customerDomain\":\"initech.example\",\"products\":[\"Widget Pro\"],"
                + "\"amount\":{\"amount\":\"1250.00\",\"currency\":\"EUR\"},\"closedOn\":\"2026-12-01\","
                + "\"occurredAt\":\"" + Instant.now() + "\"}";
    }

    private UUID subscribe(String url) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("deal.won")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", ms(sorted, 0.50), ms(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
