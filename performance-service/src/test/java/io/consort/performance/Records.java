package io.consort.performance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * For tests that hand consumer records to the intake themselves ({@code Inbox.processAll} with
 * {@code FactIntake::applyAll}): the records, as the topics carry them, and what an evaluation stores about a
 * partner, to compare.
 */
final class Records {

    private Records() {
    }

    /** Appends a record of {@code topic} with the CloudEvents headers of a {@code ceType} event about the partner. */
    static void add(List<ConsumerRecord<String, String>> records, String topic, String ceType, UUID partner,
            String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, records.size(), partner.toString(), json);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/consort/test",
                "ce_type", ceType, "ce_time", Instant.now().toString(), "ce_subject", partner.toString(),
                "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        records.add(record);
    }

    /** A {@code deal.won} payload, the win happening on its close date. */
    static String won(UUID deal, UUID partner, LocalDate closedOn, String amount) {
        return """
                {"dealId":"%s","partnerId":"%s","customerName":"C","customerDomain":"c.example","products":[],"amount":{"amount":"%s","currency":"EUR"},"closedOn":"%s","leadId":null,"campaignId":null,"occurredAt":"%s"}"""
                .formatted(deal, partner, amount, closedOn, at(closedOn));
    }

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    /** On a thread of its own, as the consumer runs: outside the test's request. */
    static <T> T onOwnThread(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work).join();
    }

    /**
     * What an evaluation stores about the partner: its scorecard (with its version, the ETag), every stored day,
     * its ledgers and tier changes.
     */
    static String state(EntityManager entityManager, UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager.createNativeQuery("""
                select concat_ws(' | ',
                    (select concat_ws(',', tier, tier_rank, score, eligible_tier, downgrade_due_on, cast(contributions as text),
                        explanation, partner_name, region, updated_at, version) from scorecard where partner_id = ?1),
                    (select string_agg(concat_ws(',', day, score, tier, eligible_tier, downgrade_due_on, cast(kpis as text),
                        cast(contributions as text), explanation), ';' order by day) from scorecard_day where partner_id = ?1),
                    (select string_agg(concat_ws(',', line_key, kind, amount, period, day, reason), ';' order by seq)
                        from incentive_entry where partner_id = ?1),
                    (select string_agg(concat_ws(',', line_key, kind, amount, day, reason), ';' order by seq)
                        from attribution_line where partner_id = ?1),
                    (select count(*) from tier_change where partner_id = ?1))""")
                .setParameter(1, partner).getSingleResult()));
    }
}
