package io.consort.performance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.performance.domain.DayCounts;
import io.consort.performance.domain.Kpi;
import io.consort.performance.fact.PartnerFacts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live path's per-day totals ({@code partner_day_count}): a duplicate adds nothing, a late fact adds to
 * the day it happened on and the stored days from then on follow, and the totals the database keeps are the
 * ones the domain computes from the facts ({@link DayCounts#of}, the full evaluation's).
 */
@QuarkusTest
class DayCountsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    PartnerFacts facts;

    @Inject
    EntityManager entityManager;

    @Test
    void aDuplicateAddsNothingAndALateFactLandsOnItsDay() {
        UUID partner = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner, new PartnerOnboardingStarted(partner,
                UUID.randomUUID(), "Initrode", "RESELLER", "EMEA", at(today.minusDays(30))));
        UUID offered = UUID.randomUUID();
        String lead = assigned(partner, at(today.minusDays(2)));
        PartnersTopic.publishJson(Topics.CAMPAIGNS, "consort.lead.assigned.v1", offered, partner.toString(), lead);
        PartnersTopic.publishJson(Topics.CAMPAIGNS, "consort.lead.assigned.v1", offered, partner.toString(), lead);
        PartnersTopic.publishJson(Topics.CAMPAIGNS, "consort.lead.rejected.v1", UUID.randomUUID(), partner.toString(), """
                {"leadId": "%s", "partnerId": "%s", "campaignId": null, "outcome": "TIMED_OUT", "reason": null,
                 "offeredAt": "%s", "occurredAt": "%s"}""".formatted(UUID.randomUUID(), partner,
                at(today.minusDays(3)), at(today.minusDays(2))));
        await().atMost(PATIENCE).until(() -> count(partner, today.minusDays(2), Kpi.LEADS_TIMED_OUT) == 1);
        assertEquals(1, count(partner, today.minusDays(2), Kpi.LEADS_OFFERED), "the duplicate added nothing");
        awaitDayKpi(partner, today, Kpi.LEADS_OFFERED, "1");

        // Late: happened ten days ago, arrives now; the same event again under the same id adds nothing.
        UUID late = UUID.randomUUID();
        String lateLead = assigned(partner, at(today.minusDays(10)));
        PartnersTopic.publishJson(Topics.CAMPAIGNS, "consort.lead.assigned.v1", late, partner.toString(), lateLead);
        PartnersTopic.publishJson(Topics.CAMPAIGNS, "consort.lead.assigned.v1", late, partner.toString(), lateLead);
        await().atMost(PATIENCE).until(() -> count(partner, today.minusDays(10), Kpi.LEADS_OFFERED) == 1);
        awaitDayKpi(partner, today, Kpi.LEADS_OFFERED, "2");
        awaitDayKpi(partner, today.minusDays(10), Kpi.LEADS_OFFERED, "1");
        awaitDayKpi(partner, today.minusDays(3), Kpi.LEADS_OFFERED, "1");
        awaitDayKpi(partner, today.minusDays(11), Kpi.LEADS_OFFERED, "0");
        assertEquals(1, count(partner, today.minusDays(2), Kpi.LEADS_OFFERED));
    }

    @Test
    void theStoredTotalsAreTheDomainsTotalsOfEveryRecordedFact() {
        @SuppressWarnings("unchecked")
        List<UUID> partners = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select distinct partner_id from partner_fact").getResultList());
        for (UUID partner : partners) {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("lock table partner_fact in share mode").executeUpdate();
                assertEquals(DayCounts.of(facts.all(partner)), facts.history(partner).counts(), "partner " + partner);
            });
        }
    }

    private static String assigned(UUID partner, Instant at) {
        return """
                {"leadId": "%s", "partnerId": "%s", "campaignId": null, "acceptBy": "%s", "attempt": 1,
                 "reason": "region", "occurredAt": "%s"}""".formatted(UUID.randomUUID(), partner, at.plusSeconds(86400), at);
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    private int count(UUID partner, LocalDate day, Kpi kpi) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<?>) entityManager.createNativeQuery("""
                select count from partner_day_count where partner_id = ?1 and day = ?2 and kpi = ?3""")
                .setParameter(1, partner).setParameter(2, day).setParameter(3, kpi.name()).getResultList())
                .stream().mapToInt(n -> ((Number) n).intValue()).sum());
    }

    private void awaitDayKpi(UUID partner, LocalDate day, Kpi kpi, String value) {
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(value, QuarkusTransaction.requiringNew().call(() ->
                ((List<?>) entityManager.createNativeQuery("""
                        select kpis ->> ?3 from scorecard_day where partner_id = ?1 and day = ?2""")
                        .setParameter(1, partner).setParameter(2, day).setParameter(3, kpi.name()).getResultList())
                        .stream().findFirst().orElse(null)), kpi + " on " + day));
    }
}
