package io.consort.performance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.contracts.events.ApplicationApproved;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.contracts.events.ProgramCreated;
import io.consort.performance.fact.FactKind;
import io.consort.performance.fact.PartnerFacts;
import io.consort.testkit.ConsortInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Performance reading {@code prm.partners} from the real broker: the events recruitment publishes
 * open scorecards and become partner facts, exactly once, and what cannot be read is parked.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsortInfrastructure.class,
        initArgs = @ResourceArg(name = ConsortInfrastructure.SERVICE_ARG, value = "performance"))
@TestSecurity(user = "manager", roles = "channel-manager")
class PartnerEventsConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    PartnerFacts facts;

    @Test
    void onboardingStartedOpensTheScorecardAtTheEntryTierWithAZeroScore() {
        UUID partner = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner,
                new PartnerOnboardingStarted(partner, program, "Acme Networks", "RESELLER", "EMEA", startedAt));

        awaitScorecard(partner);
        given().get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(200)
                .body("partnerId", equalTo(partner.toString()))
                .body("programId", equalTo(program.toString()))
                .body("tier", equalTo("REGISTERED"))
                .body("score", equalTo(0))
                .body("tierRank", equalTo(0))
                .body("kpis", hasSize(9))
                .body("kpis.kpi", hasItem("WON_REVENUE"))
                .body("openedAt", equalTo(startedAt.toString()))
                .body("updatedAt", equalTo(startedAt.toString()));
        assertEquals(1, factCount(partner, FactKind.ONBOARDING_STARTED));
    }

    @Test
    void anApprovedApplicationBecomesAFactOfThePartnersHistory() {
        UUID partner = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        Instant approvedAt = Instant.parse("2026-11-27T10:00:00Z");
        UUID eventId = PartnersTopic.publish(EventTypes.APPLICATION_APPROVED, partner,
                new ApplicationApproved(UUID.randomUUID(), program, partner, "manager", approvedAt));

        await().atMost(PATIENCE).until(() -> factCount(partner, FactKind.APPLICATION_APPROVED) == 1);
        given().get("/api/v1/scorecards/{id}/facts", partner).then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventId", equalTo(eventId.toString()))
                .body("items[0].kind", equalTo("APPLICATION_APPROVED"))
                .body("items[0].programId", equalTo(program.toString()))
                .body("items[0].occurredAt", equalTo("2026-11-27T10:00:00Z"))
                .body("items[0].data.approvedBy", equalTo("manager"))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID partner = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        UUID approvedId = UUID.randomUUID();
        UUID startedId = UUID.randomUUID();
        ApplicationApproved approved = new ApplicationApproved(UUID.randomUUID(), program, partner, "manager", Instant.now());
        PartnerOnboardingStarted started = new PartnerOnboardingStarted(partner, program, "Acme", null, null, Instant.now());
        PartnersTopic.publish(EventTypes.APPLICATION_APPROVED, approvedId, partner, approved);
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, startedId, partner, started);
        PartnersTopic.publish(EventTypes.APPLICATION_APPROVED, approvedId, partner, approved);
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, startedId, partner, started);
        // Same key, same partition: once this marker is applied, the redeliveries before it were too.
        PartnersTopic.publish(EventTypes.APPLICATION_APPROVED, partner,
                new ApplicationApproved(UUID.randomUUID(), program, partner, "marker", Instant.now()));

        await().atMost(PATIENCE).until(() -> factCount(partner, FactKind.APPLICATION_APPROVED) >= 2);
        assertEquals(2, factCount(partner, FactKind.APPLICATION_APPROVED));
        assertEquals(1, factCount(partner, FactKind.ONBOARDING_STARTED));
        given().get("/api/v1/scorecards/{id}/facts", partner).then().statusCode(200).body("items", hasSize(3));
    }

    @Test
    void aSecondOnboardingStartForTheSamePartnerKeepsTheFirstScorecard() {
        UUID partner = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        Instant first = Instant.parse("2026-11-01T08:00:00Z");
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner,
                new PartnerOnboardingStarted(partner, program, "Acme", "RESELLER", "EMEA", first));
        awaitScorecard(partner);

        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner,
                new PartnerOnboardingStarted(partner, UUID.randomUUID(), "Acme again", "MSP", "APAC", Instant.now()));
        await().atMost(PATIENCE).until(() -> factCount(partner, FactKind.ONBOARDING_STARTED) == 2);

        given().get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(200)
                .body("programId", equalTo(program.toString()))
                .body("openedAt", equalTo(first.toString()));
    }

    @Test
    void eventsPerformanceDoesNotUseAreSkippedWithoutBlockingThePartition() {
        UUID program = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        // A program is keyed by its own id; send it with the partner's key so it precedes the partner's event.
        PartnersTopic.publish(EventTypes.PROGRAM_CREATED, partner, new ProgramCreated(program, "Resellers EMEA", "RESELLER", Instant.now()));
        PartnersTopic.send(partner.toString(), "{\"partnerId\":\"" + partner + "\",\"occurredAt\":\"2026-11-27T10:00:00Z\"}", Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/consort/recruitment",
                "ce_type", "consort.application.submitted.v1", "ce_time", Instant.now().toString(), "content-type", "application/json"));
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner,
                new PartnerOnboardingStarted(partner, program, "Acme", "RESELLER", "EMEA", Instant.now()));

        awaitScorecard(partner);
        given().get("/api/v1/scorecards/{id}/facts", partner).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("ONBOARDING_STARTED"));
        assertTrue(PartnersTopic.deadLettersNow(partner.toString()).isEmpty(), "an ignored event is not a failure");
    }

    @Test
    void aRecordWithoutAnEventIdIsParkedOnTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        PartnersTopic.send(key, "{\"partnerId\":\"" + key + "\"}", Map.of(
                "ce_specversion", "1.0", "ce_type", EventTypes.PARTNER_ONBOARDING_STARTED.ceType(),
                "ce_source", "/consort/recruitment", "content-type", "application/json"));

        ConsumerRecord<String, String> parked = onlyDeadLetter(key);
        assertEquals(Topics.PARTNERS, PartnersTopic.header(parked, "dead-letter-topic"));
        assertFalse(PartnersTopic.header(parked, "dead-letter-reason").isBlank());
    }

    @Test
    void aRecordWhosePayloadIsNotJsonIsParkedOnTheDeadLetterTopic() {
        UUID partner = UUID.randomUUID();
        PartnersTopic.send(partner.toString(), "{this is not json", ceHeaders(EventTypes.PARTNER_ONBOARDING_STARTED.ceType()));

        ConsumerRecord<String, String> parked = onlyDeadLetter(partner.toString());
        assertEquals("{this is not json", parked.value());
        given().get("/api/v1/scorecards/{id}", partner).then().statusCode(404);
    }

    @Test
    void anOnboardingStartWithoutAPartnerIdIsParkedAndTheNextEventsStillFlow() {
        UUID partner = UUID.randomUUID();
        String noPartner = "{\"programId\":\"" + UUID.randomUUID() + "\",\"name\":\"Acme\",\"occurredAt\":\"2026-11-27T10:00:00Z\"}";
        PartnersTopic.send(partner.toString(), noPartner, ceHeaders(EventTypes.PARTNER_ONBOARDING_STARTED.ceType()));
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner,
                new PartnerOnboardingStarted(partner, UUID.randomUUID(), "Acme", null, null, Instant.now()));

        onlyDeadLetter(partner.toString());
        awaitScorecard(partner);
    }

    /** Reads in a transaction of its own: Awaitility polls from a thread without one. */
    private long factCount(UUID partner, FactKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> facts.count(partner, kind));
    }

    private static Map<String, String> ceHeaders(String ceType) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/consort/recruitment", "ce_type", ceType, "ce_time", Instant.now().toString(),
                "content-type", "application/json");
    }

    private static ConsumerRecord<String, String> onlyDeadLetter(String key) {
        List<ConsumerRecord<String, String>> parked = PartnersTopic.awaitDeadLetters(key, PATIENCE);
        assertEquals(1, parked.size(), "dead letters with key " + key);
        return parked.get(0);
    }

    private static void awaitScorecard(UUID partner) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get("/api/v1/scorecards/{id}", partner).then().statusCode(200));
    }
}
