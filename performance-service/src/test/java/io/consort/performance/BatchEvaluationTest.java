package io.consort.performance;

import static io.consort.performance.Records.add;
import static io.consort.performance.Records.at;
import static io.consort.performance.Records.onOwnThread;
import static io.consort.performance.Records.state;
import static io.consort.performance.Records.won;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.inbox.Inbox;
import io.consort.chassis.inbox.IncomingEvent;
import io.consort.contracts.Topics;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A consumed batch evaluates all its partners at once (their histories, scorecards and ledgers read with
 * one query each, their days, ledger lines and events written once): it must end exactly where evaluating
 * each partner on its own ends. After a batch over several partners (with a duplicate, a late win, a loss
 * and a registration), re-evaluating each partner alone changes no stored day, no scorecard and adds no
 * ledger line; and each partner's ledgers hold its own lines only.
 */
@QuarkusTest
class BatchEvaluationTest {

    @Inject
    Inbox inbox;

    @Inject
    FactIntake intake;

    @Inject
    Standings standings;

    @Inject
    EntityManager entityManager;

    @Test
    void aBatchOverManyPartnersEndsWhereEachPartnerAloneDoes() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID program = UUID.randomUUID();
        List<UUID> partners = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, Set<String>> certifications = new LinkedHashMap<>();
        Map<UUID, Set<String>> allowed = new LinkedHashMap<>();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            UUID p = partners.get(i);
            add(records, Topics.PARTNERS, "consort.partner.onboarding-started.v1", p, """
                    {"partnerId":"%s","programId":"%s","name":"Batch %d","partnerType":"RESELLER","region":"EMEA","occurredAt":"%s"}"""
                    .formatted(p, program, i, at(today.minusDays(40))));
            Set<String> certs = new TreeSet<>();
            for (int u = 0; u < 2; u++) {
                UUID cert = UUID.randomUUID();
                certs.add("certification:" + cert);
                add(records, Topics.PARTNERS, "consort.certification.earned.v1", p, """
                        {"certificationId":"%s","partnerId":"%s","userId":"u%d","moduleId":"%s","completionId":"%s","name":"Pro","expiresAt":null,"occurredAt":"%s"}"""
                        .formatted(cert, p, u, cert, cert, at(today.minusDays(20 + i))));
            }
            certifications.put(p, certs);
            allowed.put(p, new TreeSet<>(certs));
            allowed.get(p).add("first-deal");
        }
        // a first batch opens the partners and books their certification bonuses; the second reads those back
        List<ConsumerRecord<String, String>> first = List.copyOf(records);
        records.clear();
        for (int i = 0; i < partners.size(); i++) {
            UUID p = partners.get(i);
            add(records, Topics.CAMPAIGNS, "consort.lead.accepted.v1", p, """
                    {"leadId":"%s","partnerId":"%s","campaignId":null,"offeredAt":"%s","occurredAt":"%s"}"""
                    .formatted(UUID.randomUUID(), p, at(today.minusDays(5)).minusSeconds(7200), at(today.minusDays(5))));
            UUID deal = UUID.randomUUID();
            allowed.get(p).addAll(List.of("rebate:" + deal, "reversal:" + deal));
            add(records, Topics.CAMPAIGNS, "consort.deal.won.v1", p, won(deal, p, today.minusDays(10 + i),
                    (150000 + 1000 * i) + ".00"));
        }
        UUID registered = UUID.randomUUID();
        allowed.get(partners.get(2)).addAll(List.of("rebate:" + registered, "reversal:" + registered));
        add(records, Topics.CAMPAIGNS, "consort.deal.registered.v1", partners.get(2), """
                {"dealId":"%s","partnerId":"%s","customerName":"C","customerDomain":"c.example","products":[],"amount":{"amount":"5000.00","currency":"EUR"},"expectedCloseDate":"%s","leadId":null,"campaignId":null,"occurredAt":"%s"}"""
                .formatted(registered, partners.get(2), today, at(today.minusDays(9))));
        add(records, Topics.CAMPAIGNS, "consort.deal.won.v1", partners.get(2), won(registered, partners.get(2),
                today.minusDays(3), "5000.00"));
        UUID lost = UUID.randomUUID();
        allowed.get(partners.get(1)).addAll(List.of("rebate:" + lost, "reversal:" + lost));
        add(records, Topics.CAMPAIGNS, "consort.deal.won.v1", partners.get(1), won(lost, partners.get(1),
                today.minusDays(8), "7000.00"));
        add(records, Topics.CAMPAIGNS, "consort.deal.lost.v1", partners.get(1), """
                {"dealId":"%s","partnerId":"%s","amount":{"amount":"7000.00","currency":"EUR"},"reason":"customer left","leadId":null,"campaignId":null,"occurredAt":"%s"}"""
                .formatted(lost, partners.get(1), at(today.minusDays(2))));
        // late: the partner's earliest win arrives last; and one record twice
        UUID late = UUID.randomUUID();
        allowed.get(partners.get(0)).addAll(List.of("rebate:" + late, "reversal:" + late));
        add(records, Topics.CAMPAIGNS, "consort.deal.won.v1", partners.get(0), won(late, partners.get(0),
                today.minusDays(30), "1000.00"));
        records.add(records.get(records.size() - 1));
        List<IncomingEvent> opening = first.stream().map(IncomingEvent::from).toList();
        List<IncomingEvent> events = records.stream().map(IncomingEvent::from).toList();

        assertEquals(opening.size(), (int) onOwnThread(() -> inbox.processAll("performance-batch-test", opening,
                intake::applyAll)));
        int applied = onOwnThread(() -> inbox.processAll("performance-batch-test", events, intake::applyAll));
        assertEquals(events.size() - 1, applied, "the duplicate is applied once");

        Map<UUID, String> batched = new LinkedHashMap<>();
        partners.forEach(p -> batched.put(p, state(entityManager, p)));
        for (UUID p : partners) {
            onOwnThread(() -> {
                QuarkusTransaction.requiringNew().run(() -> standings.reevaluate(p, today.minusDays(40), Instant.now()));
                return null;
            });
        }
        for (UUID p : partners) {
            assertEquals(batched.get(p), state(entityManager, p), "partner " + p + " alone ends where the batch did");
            List<String> keys = ledgerKeys("incentive_entry", p);
            assertTrue(keys.containsAll(certifications.get(p)) && keys.contains("first-deal"),
                    "partner " + p + " has its bonuses: " + keys);
            assertTrue(allowed.get(p).containsAll(keys), "partner " + p + "'s incentive lines are its own: " + keys);
            assertEquals(keys.size(), new TreeSet<>(keys).size(), "one line per key: nothing booked twice");
        }
        assertEquals(List.of("deal:" + registered + ":SOURCED"), ledgerKeys("attribution_line", partners.get(2)));
        assertTrue(ledgerKeys("attribution_line", partners.get(0)).isEmpty());
        assertTrue(ledgerKeys("attribution_line", partners.get(1)).isEmpty());
    }
    @SuppressWarnings("unchecked")
    private List<String> ledgerKeys(String table, UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select line_key from " + table + " where partner_id = ?1 order by seq")
                .setParameter(1, partner).getResultList());
    }
}
