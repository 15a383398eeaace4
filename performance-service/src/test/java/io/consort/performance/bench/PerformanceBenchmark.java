package io.consort.performance.bench;

import static io.restassured.RestAssured.given;

import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.contracts.events.DealWon;
import io.consort.contracts.events.Money;
import io.consort.testkit.EmbeddedKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * (a) Events scored per second: {@code bench.events} mixed events (default 1,000,000) over
 * {@code bench.partners} partners on the three topics, from the first record produced until the
 * service has applied the last, beside a raw KafkaConsumer reading the same records in the same run;
 * (b) the time from a {@code deal.won} committed through the chassis outbox (as the campaign service commits
 * one; the relay publishes it to {@code prm.campaigns}) to the new score readable over HTTP, p50/p99;
 * (c) the rebuild of all of it from offset zero. Tagged "bench": run by bench/performance/run.sh.
 */
@QuarkusTest
@Tag("bench")
@TestSecurity(user = "admin", roles = "prm-admin")
class PerformanceBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    static final int PARTNERS = Integer.getInteger("bench.partners", 2_000);
    static final int SAMPLES = Integer.getInteger("bench.samples", 100);

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    private final Random random = new Random(42);

    @Test
    void scoreRebuildAndLatency() throws Exception {
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(UUID.randomUUID());
        }
        UUID program = UUID.randomUUID();
        String loadBefore = loadAverage();
        long before = applied();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            Instant start = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
            for (UUID p : partners) {
                send(producer, Topics.PARTNERS, "consort.partner.onboarding-started.v1", p, """
                        {"partnerId":"%s","programId":"%s","name":"Partner %s","partnerType":"RESELLER","region":"EMEA","occurredAt":"%s"}"""
                        .formatted(p, program, p, start));
            }
            for (int i = PARTNERS; i < EVENTS; i++) {
                UUID p = partners.get(random.nextInt(PARTNERS));
                Instant at = start.plusMillis((long) i * 60_000L / Math.max(1, EVENTS / 1000));
                mixed(producer, p, at);
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        while (applied() - before < EVENTS) {
            Thread.sleep(200);
        }
        double scoredSeconds = (System.nanoTime() - t0) / 1e9;

        long r0 = System.nanoTime();
        long raw = rawRead();
        double rawSeconds = (System.nanoTime() - r0) / 1e9;

        long backlog = unsent();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            UUID p = partners.get(random.nextInt(PARTNERS));
            String etag = given().get("/api/v1/scorecards/{id}", p).then().statusCode(200).extract().header("ETag");
            // As the campaign service commits a win: the deal.won row through the chassis outbox, in the
            // transaction, published to prm.campaigns by the outbox relay once that commits.
            UUID deal = UUID.randomUUID();
            Instant at = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> outbox.emit(EventTypes.DEAL_WON, deal, p, new DealWon(deal, p,
                    "C", "c.example", List.of(), new Money(new BigDecimal("250000.00"), "EUR"),
                    at.atOffset(ZoneOffset.UTC).toLocalDate(), null, null, at)));
            long s = System.nanoTime();
            while (given().header("If-None-Match", etag).get("/api/v1/scorecards/{id}", p).statusCode() == 304) {
                Thread.sleep(1);
            }
            latencies.add((System.nanoTime() - s) / 1_000_000);
        }
        latencies.sort(null);

        long b0 = System.nanoTime();
        given().post("/api/v1/admin/rebuild").then().statusCode(202);
        String state;
        do {
            Thread.sleep(500);
            state = given().get("/api/v1/admin/rebuild").then().extract().path("state");
        } while ("RUNNING".equals(state));
        double rebuildSeconds = (System.nanoTime() - b0) / 1e9;

        System.out.printf("""
                === Performance benchmark (%d events, %d partners, %d cores) ===
                produce (plain KafkaProducer)      %8.1f s
                scored: applied by the service      %8.1f s   %10.0f events/s
                raw KafkaConsumer, same records     %8.1f s   %10.0f events/s (%d records)
                ratio scored / raw                  %8.3f
                outbox rows not yet published when the samples start: %d
                deal.won committed (outbox) -> score readable (HTTP)   p50 %d ms   p99 %d ms   (%d samples)
                rebuild from offset zero            %8.1f s   (%s)
                load average (1, 5, 15 min)         before: %s   after: %s
                === end of performance benchmark ===
                """, EVENTS, PARTNERS, Runtime.getRuntime().availableProcessors(), produceSeconds, scoredSeconds,
                EVENTS / scoredSeconds, rawSeconds, raw / rawSeconds, raw, (EVENTS / scoredSeconds) / (raw / rawSeconds),
                backlog, latencies.get(latencies.size() / 2), latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(latencies.size() * 0.99) - 1)),
                latencies.size(), rebuildSeconds, state, loadBefore, loadAverage());
    }

    private void mixed(KafkaProducer<String, String> producer, UUID p, Instant at) {
        int kind = random.nextInt(10);
        UUID id = UUID.randomUUID();
        switch (kind) {
            case 0, 1 -> send(producer, Topics.CAMPAIGNS, "consort.lead.assigned.v1", p, """
                    {"leadId":"%s","partnerId":"%s","campaignId":null,"acceptBy":"%s","attempt":1,"reason":"region","occurredAt":"%s"}"""
                    .formatted(id, p, at.plusSeconds(86400), at));
            case 2 -> send(producer, Topics.CAMPAIGNS, "consort.lead.accepted.v1", p, """
                    {"leadId":"%s","partnerId":"%s","campaignId":null,"offeredAt":"%s","occurredAt":"%s"}"""
                    .formatted(id, p, at.minusSeconds(3600), at));
            case 3 -> send(producer, Topics.CAMPAIGNS, "consort.deal.registered.v1", p, """
                    {"dealId":"%s","partnerId":"%s","customerName":"C","customerDomain":"c.example","products":[],"amount":{"amount":"10000.00","currency":"EUR"},"expectedCloseDate":"%s","leadId":null,"campaignId":null,"occurredAt":"%s"}"""
                    .formatted(id, p, LocalDate.now(ZoneOffset.UTC), at));
            case 4 -> send(producer, Topics.CAMPAIGNS, "consort.deal.won.v1", p, won(p, at, "10000.00"));
            case 5 -> send(producer, Topics.CAMPAIGNS, "consort.campaign.engagement-recorded.v1", p, """
                    {"engagementId":"%s","campaignId":"%s","partnerId":"%s","kind":"CLICK","leadId":null,"occurredAt":"%s"}"""
                    .formatted(id, UUID.randomUUID(), p, at));
            case 6, 7 -> send(producer, Topics.COMMUNITY, "consort.post.created.v1", p, """
                    {"postId":"%s","threadId":"%s","spaceId":"%s","partnerId":"%s","authorId":"u","occurredAt":"%s"}"""
                    .formatted(id, id, id, p, at));
            case 8 -> send(producer, Topics.PARTNERS, "consort.certification.earned.v1", p, """
                    {"certificationId":"%s","partnerId":"%s","userId":"u%d","moduleId":"%s","completionId":"%s","name":"Pro","expiresAt":null,"occurredAt":"%s"}"""
                    .formatted(id, p, random.nextInt(5), id, id, at));
            default -> send(producer, Topics.CAMPAIGNS, "consort.lead.rejected.v1", p, """
                    {"leadId":"%s","partnerId":"%s","campaignId":null,"outcome":"DECLINED","reason":null,"offeredAt":"%s","occurredAt":"%s"}"""
                    .formatted(id, p, at.minusSeconds(600), at));
        }
    }

    private static String won(UUID p, Instant at, String amount) {
        return """
                {"dealId":"%s","partnerId":"%s","customerName":"C","customerDomain":"c.example","products":[],"amount":{"amount":"%s","currency":"EUR"},"closedOn":"%s","leadId":null,"campaignId":null,"occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), p, amount, at.atOffset(ZoneOffset.UTC).toLocalDate(), at);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String type, UUID key, String json) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key.toString(), json);
        for (var h : Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/consort/bench",
                "ce_type", type, "ce_time", Instant.now().toString(), "content-type", "application/json").entrySet()) {
            r.headers().add(new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        producer.send(r);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Reads the three topics from the start to their end with a plain consumer, touching every record's value. */
    private static long rawRead() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : List.of(Topics.PARTNERS, Topics.COMMUNITY, Topics.CAMPAIGNS)) {
                consumer.partitionsFor(t).forEach(p -> parts.add(new TopicPartition(t, p.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long n = 0;
            long bytes = 0;
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    n++;
                    bytes += r.value().length();
                }
            }
            return bytes >= 0 ? n : -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The outbox rows the relay has not published yet: a sample's deal.won row is published after them. */
    private long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox where sent_at is null").getSingleResult()).longValue());
    }

    private long applied() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox").getSingleResult()).longValue());
    }
}
