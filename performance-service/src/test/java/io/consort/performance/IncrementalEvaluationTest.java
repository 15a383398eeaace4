package io.consort.performance;

import static io.consort.performance.Records.add;
import static io.consort.performance.Records.at;
import static io.consort.performance.Records.onOwnThread;
import static io.consort.performance.Records.state;
import static io.consort.performance.Records.won;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.consort.chassis.inbox.Inbox;
import io.consort.chassis.inbox.IncomingEvent;
import io.consort.contracts.Topics;
import io.consort.performance.domain.Fact;
import io.consort.performance.fact.HistoryCache;
import io.consort.performance.fact.PartnerFacts;
import io.consort.performance.intake.FactIntake;
import io.consort.performance.standing.Standings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The incremental state an evaluation keeps between batches — a partner's history cached up to the facts it has
 * read ({@link HistoryCache}), and the digest of what its ledgers should hold, so they are read only when that
 * changes — at its boundaries: after each batch the cached history is the one a full read gives, and evaluating
 * the partner again from nothing (cache dropped, ledger digest forgotten, every day from the opening rewritten)
 * changes no stored day, no scorecard and adds no ledger line. The batches: the opening with certifications (one
 * of them expiring by its {@code expiresAt}), facts in order after the evaluated day, a late win before the
 * evaluated day together with a duplicate record, and a {@code certification.expired}.
 */
@QuarkusTest
class IncrementalEvaluationTest {

    @Inject
    Inbox inbox;

    @Inject
    FactIntake intake;

    @Inject
    Standings standings;

    @Inject
    PartnerFacts facts;

    @Inject
    HistoryCache cache;

    @Inject
    EntityManager entityManager;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void eachBatchEndsWhereAnEvaluationFromNothingDoes() {
        UUID p = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        UUID expiring = UUID.randomUUID();
        UUID kept = UUID.randomUUID();

        List<ConsumerRecord<String, String>> opening = new ArrayList<>();
        add(opening, Topics.PARTNERS, "consort.partner.onboarding-started.v1", p, """
                {"partnerId":"%s","programId":"%s","name":"Incremental","partnerType":"RESELLER","region":"EMEA","occurredAt":"%s"}"""
                .formatted(p, program, at(today.minusDays(60))));
        add(opening, Topics.PARTNERS, "consort.certification.earned.v1", p, certification(expiring, p, "u1",
                today.minusDays(50), at(today.minusDays(5))));
        add(opening, Topics.PARTNERS, "consort.certification.earned.v1", p, certification(kept, p, "u2",
                today.minusDays(45), null));
        apply(opening, opening.size());
        assertCachedIsFull(p);
        assertFromNothingChangesNothing(p);

        // in order: after the last evaluated day (today's facts)
        List<ConsumerRecord<String, String>> inOrder = new ArrayList<>();
        add(inOrder, Topics.CAMPAIGNS, "consort.deal.won.v1", p, won(UUID.randomUUID(), p, today, "150000.00"));
        add(inOrder, Topics.CAMPAIGNS, "consort.lead.accepted.v1", p, """
                {"leadId":"%s","partnerId":"%s","campaignId":null,"offeredAt":"%s","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), p, at(today).minusSeconds(3600), at(today)));
        apply(inOrder, inOrder.size());
        assertCachedIsFull(p);
        assertFromNothingChangesNothing(p);

        // late: a win 30 days before the evaluated day, and a record delivered twice
        List<ConsumerRecord<String, String>> late = new ArrayList<>();
        add(late, Topics.CAMPAIGNS, "consort.deal.won.v1", p, won(UUID.randomUUID(), p, today.minusDays(30), "90000.00"));
        add(late, Topics.PARTNERS, "consort.certification.earned.v1", p, certification(UUID.randomUUID(), p, "u3",
                today.minusDays(20), null));
        late.add(late.get(late.size() - 1));
        apply(late, late.size() - 1);
        assertCachedIsFull(p);
        assertFromNothingChangesNothing(p);

        // the certification kept so far expires by its event
        List<ConsumerRecord<String, String>> expired = new ArrayList<>();
        add(expired, Topics.PARTNERS, "consort.certification.expired.v1", p, """
                {"certificationId":"%s","partnerId":"%s","userId":"u2","moduleId":"%s","name":"Pro","expiresAt":"%s","occurredAt":"%s"}"""
                .formatted(kept, p, kept, at(today.minusDays(1)), at(today.minusDays(1))));
        assertEquals("[2]", certificationsHeldToday(p), "u2's and the late u3's; u1's ran out by its expiresAt");
        apply(expired, 1);
        assertCachedIsFull(p);
        assertFromNothingChangesNothing(p);
        assertEquals("[1]", certificationsHeldToday(p), "u2's expired by its event: only the late u3's is held");
    }

    /** The history the next batch starts from is exactly what reading every fact again gives. */
    private void assertCachedIsFull(UUID partner) {
        HistoryCache.Entry entry = cache.get(partner);
        assertNotNull(entry, "the committed batch kept the partner's history");
        PartnerFacts.History full = QuarkusTransaction.requiringNew().call(() -> facts.history(partner));
        assertEquals(ids(full.facts()), ids(entry.facts()));
        assertEquals(full.latest(), entry.latest());
    }

    /** Evaluating the partner from nothing — its history read whole, its ledgers read whole — changes nothing. */
    private void assertFromNothingChangesNothing(UUID partner) {
        String incremental = state(entityManager, partner);
        cache.use("dropped by " + getClass().getSimpleName() + " " + UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update scorecard set ledger_digest = null where partner_id = ?1")
                .setParameter(1, partner).executeUpdate());
        onOwnThread(() -> {
            QuarkusTransaction.requiringNew().run(() -> standings.reevaluate(partner, today.minusDays(60), Instant.now()));
            return null;
        });
        assertEquals(incremental, state(entityManager, partner));
    }

    private void apply(List<ConsumerRecord<String, String>> records, int expected) {
        List<IncomingEvent> events = records.stream().map(IncomingEvent::from).toList();
        assertEquals(expected, (int) onOwnThread(() -> inbox.processAll("performance-incremental-test", events,
                intake::applyAll)));
    }

    private static List<UUID> ids(List<Fact> facts) {
        return facts.stream().map(Fact::eventId).toList();
    }

    private String certificationsHeldToday(UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager.createNativeQuery("""
                select '[' || coalesce(kpis ->> 'CERTIFICATIONS', '') || ']' from scorecard_day
                where partner_id = ?1 and day = ?2""").setParameter(1, partner).setParameter(2, today)
                .getSingleResult()));
    }
    private static String certification(UUID id, UUID partner, String user, LocalDate on, Instant expiresAt) {
        return """
                {"certificationId":"%s","partnerId":"%s","userId":"%s","moduleId":"%s","completionId":"%s","name":"Pro","expiresAt":%s,"occurredAt":"%s"}"""
                .formatted(id, partner, user, id, id, expiresAt == null ? "null" : "\"" + expiresAt + "\"", at(on));
    }

}
