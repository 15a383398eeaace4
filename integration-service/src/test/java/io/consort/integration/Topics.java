package io.consort.integration;

import io.consort.testkit.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the other services on the real broker: publishes CloudEvents in Kafka binary mode exactly as the
 * outbox relay does (ce_* headers, JSON payload, keyed by partner id else the entity id).
 */
final class Topics {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    private Topics() {
    }

    /** An event published: its id (the webhook-id of its deliveries) and when. */
    record Published(UUID id, Instant time) {
    }

    static Published publish(String topic, String ceType, String key, String payloadJson) {
        UUID id = UUID.randomUUID();
        Instant time = Instant.now();
        sendTogether(List.of(record(topic, id, ceType, key, payloadJson, time)));
        return new Published(id, time);
    }

    /** A record as the outbox relay publishes it: CloudEvents binary mode. */
    static ProducerRecord<String, String> record(String topic, UUID id, String ceType, String key, String payloadJson,
            Instant time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payloadJson);
        Map.of("ce_specversion", "1.0",
                "ce_id", id.toString(),
                "ce_source", "/consort/test",
                "ce_type", ceType,
                "ce_time", time.toString(),
                "ce_subject", key,
                "content-type", "application/json")
                .forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** Sends the records at once, then waits for the broker to have them all (so one poll can read them together). */
    static void sendTogether(List<ProducerRecord<String, String>> records) {
        List<java.util.concurrent.Future<?>> sent = records.stream().<java.util.concurrent.Future<?>>map(PRODUCER::send)
                .toList();
        PRODUCER.flush();
        try {
            for (java.util.concurrent.Future<?> one : sent) {
                one.get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + records.size() + " record(s)", e);
        }
    }

    /** The payload of a {@code consort.deal.won.v1} of events.md for this partner. */
    static String dealWonPayload(UUID partnerId) {
        return """
                {"dealId": "%s", "partnerId": "%s", "customerName": "Initech", "customerDomain": "initech.example",
                 "products": ["Widget Pro"], "amount": {"amount": "1250.00", "currency": "EUR"},
                 "closedOn": "2026-12-01", "leadId": null, "campaignId": null, "occurredAt": "%s"}"""
                .formatted(UUID.randomUUID(), partnerId, Instant.now());
    }

    /** A {@code consort.deal.won.v1} of events.md for this partner. */
    static Published dealWon(UUID partnerId) {
        return publish(io.consort.contracts.Topics.CAMPAIGNS, "consort.deal.won.v1", partnerId.toString(),
                dealWonPayload(partnerId));
    }

    /** A {@code consort.tier.changed.v1} of events.md for this partner. */
    static Published tierChanged(UUID partnerId) {
        return publish(io.consort.contracts.Topics.PERFORMANCE, "consort.tier.changed.v1", partnerId.toString(), """
                {"scorecardId": "%s", "partnerId": "%s", "previousTier": "REGISTERED", "tier": "SILVER",
                 "tierRank": 1, "score": 61, "occurredAt": "%s"}""".formatted(UUID.randomUUID(), partnerId, Instant.now()));
    }

    /** A {@code consort.campaign.published.v1}: about no partner, keyed by the campaign. */
    static Published campaignPublished() {
        UUID campaign = UUID.randomUUID();
        return publish(io.consort.contracts.Topics.CAMPAIGNS, "consort.campaign.published.v1", campaign.toString(), """
                {"campaignId": "%s", "name": "Q1 push", "programIds": [], "tiers": [], "regions": ["EMEA"],
                 "specialisations": [], "budget": null, "startsAt": null, "endsAt": null, "occurredAt": "%s"}"""
                .formatted(campaign, Instant.now()));
    }
}
