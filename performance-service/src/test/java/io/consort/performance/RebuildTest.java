package io.consort.performance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.contracts.events.CertificationEarned;
import io.consort.contracts.events.PartnerActivated;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/admin/rebuild: after a realistic history — duplicates, events out of order across
 * days and topics, a late win, a loss, a profile that arrives before the onboarding start — the
 * models rebuilt from offset zero equal the live ones, row for row, and the ledgers get no line.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
@TestSecurity(user = "admin", roles = "prm-admin")
class RebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    EntityManager entityManager;

    @Test
    void theRebuiltModelsEqualTheLiveOnes() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID program = UUID.randomUUID();
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        Instant start = today.minusDays(40).atTime(9, 0).toInstant(ZoneOffset.UTC);

        // globex: activation (with its profile) arrives before its onboarding start
        PartnersTopic.publish(EventTypes.PARTNER_ACTIVATED, globex, new PartnerActivated(globex, program, "Globex",
                "MSP", "APAC", "manager", start.plusSeconds(86400 * 5)));
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, globex,
                new PartnerOnboardingStarted(globex, program, "Globex", "MSP", "APAC", start));
        // acme: started, certified (one certification delivered twice), deals won out of order, one lost
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, acme,
                new PartnerOnboardingStarted(acme, program, "Acme", "RESELLER", "EMEA", start));
        UUID certEvent = UUID.randomUUID();
        CertificationEarned cert = new CertificationEarned(UUID.randomUUID(), acme, "ana", UUID.randomUUID(),
                UUID.randomUUID(), "Pro", null, start.plusSeconds(86400 * 2));
        PartnersTopic.publish(EventTypes.CERTIFICATION_EARNED, certEvent, acme, cert);
        PartnersTopic.publish(EventTypes.CERTIFICATION_EARNED, certEvent, acme, cert);
        PartnersTopic.publish(EventTypes.CERTIFICATION_EARNED, acme, new CertificationEarned(UUID.randomUUID(), acme, "ben",
                UUID.randomUUID(), UUID.randomUUID(), "Pro", null, start.plusSeconds(86400 * 3)));
        UUID dealA = UUID.randomUUID();
        UUID dealB = UUID.randomUUID();
        UUID wonA = UUID.randomUUID();
        String wonAJson = won(dealA, acme, "150000.00", today.minusDays(5));
        campaign("consort.deal.won.v1", wonA, acme, wonAJson);
        campaign("consort.deal.won.v1", wonA, acme, wonAJson);
        campaign("consort.deal.won.v1", UUID.randomUUID(), acme, won(dealB, acme, "80000.00", today.minusDays(30)));
        campaign("consort.lead.assigned.v1", UUID.randomUUID(), acme, """
                {"leadId": "%s", "partnerId": "%s", "campaignId": null, "acceptBy": "%s", "attempt": 1, "reason": "region",
                 "occurredAt": "%s"}""".formatted(UUID.randomUUID(), acme, today, start.plusSeconds(86400 * 20)));
        campaign("consort.deal.lost.v1", UUID.randomUUID(), acme, """
                {"dealId": "%s", "partnerId": "%s", "amount": {"amount": "80000.00", "currency": "EUR"}, "reason": null,
                 "leadId": null, "campaignId": null, "occurredAt": "%s"}"""
                .formatted(dealB, acme, today.minusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC)));
        UUID marker = UUID.randomUUID();
        PartnersTopic.publishJson(Topics.COMMUNITY, "consort.post.created.v1", marker, acme.toString(), """
                {"postId": "%s", "threadId": "%s", "spaceId": "%s", "partnerId": "%s", "authorId": "ana",
                 "occurredAt": "%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), acme,
                start.plusSeconds(86400 * 7)));

        await().atMost(PATIENCE).until(() -> count("partner_fact", acme) == 8 && count("partner_fact", globex) == 2
                && count("scorecard_day", acme) == 41);
        List<String> live = snapshot(acme, globex);
        List<String> ledgers = ledgers();

        given().post("/api/v1/admin/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/admin/rebuild").then()
                .statusCode(200).body("state", equalTo("DONE")));

        List<String> rebuilt = snapshot(acme, globex);
        assertFalse(live.isEmpty());
        assertEquals(live, rebuilt);
        given().get("/api/v1/scorecards/{id}", acme).then().statusCode(200).body("partnerId", equalTo(acme.toString()));
        // the ledgers are reconciled by the sweep after the switch: a correct ledger gets nothing
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from scorecard where dirty_from is not null").getSingleResult()).intValue() == 0));
        assertEquals(ledgers, ledgers());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void onlyAPrmAdminMayRebuild() {
        given().post("/api/v1/admin/rebuild").then().statusCode(403);
    }

    private long count(String table, UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + table + " where partner_id = ?1")
                .setParameter(1, partner).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> snapshot(UUID... partners) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            for (String query : List.of("""
                    select id, partner_id, program_id, tier, tier_rank, score, eligible_tier, downgrade_due_on,
                        cast(contributions as text), explanation, partner_name, region, opened_at, updated_at
                    from scorecard where partner_id = any(?1) order by partner_id""", """
                    select * from scorecard_day where partner_id = any(?1) order by partner_id, day""", """
                    select id, partner_id, event_id, event_type, kind, program_id, occurred_at, cast(data as text)
                    from partner_fact where partner_id = any(?1) order by partner_id, event_id""")) {
                for (Object row : entityManager.createNativeQuery(query).setParameter(1, partners).getResultList()) {
                    rows.add(Arrays.deepToString((Object[]) row));
                }
            }
            return rows;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> ledgers() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select line_key || ' ' || sum(amount) from incentive_entry group by partner_id, line_key
                union all select line_key || ' ' || sum(amount) from attribution_line group by partner_id, line_key
                order by 1""").getResultList());
    }

    private static String won(UUID deal, UUID partner, String amount, LocalDate closedOn) {
        return """
                {"dealId": "%s", "partnerId": "%s", "customerName": "Initech", "customerDomain": "initech.example",
                 "products": [], "amount": {"amount": "%s", "currency": "EUR"}, "closedOn": "%s", "leadId": null,
                 "campaignId": null, "occurredAt": "%s"}""".formatted(deal, partner, amount, closedOn,
                closedOn.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private static void campaign(String ceType, UUID eventId, UUID partner, String json) {
        PartnersTopic.publishJson(Topics.CAMPAIGNS, ceType, eventId, partner.toString(), json);
    }
}
