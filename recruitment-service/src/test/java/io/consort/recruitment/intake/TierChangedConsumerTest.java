package io.consort.recruitment.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.contracts.events.TierChanged;
import io.consort.recruitment.Fixtures;
import io.consort.recruitment.PerformanceTopic;
import io.consort.testkit.KafkaRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recruitment reading {@code prm.performance} from the real broker: tier.changed sets the partner's
 * current tier, exactly once and never backwards in time, and what cannot be applied is parked.
 */
@QuarkusTest
@TestSecurity(user = "manager", roles = "channel-manager")
class TierChangedConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant SILVER_AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant GOLD_AT = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant PLATINUM_AT = Instant.parse("2026-09-01T08:00:00Z");

    @Inject
    EntityManager em;

    private UUID partnerId;
    private final UUID scorecardId = UUID.randomUUID();

    /** A partner created the way every partner is: an approved application. */
    @BeforeEach
    void aPartner() {
        String program = given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Tiers")))
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
        String application = Fixtures.submitApplication(program, Fixtures.uniqueName("Tiered"));
        partnerId = UUID.fromString(given().when().post("/api/v1/applications/{id}/approve", application)
                .then().statusCode(200).extract().path("partnerId"));
    }

    private TierChanged tier(String previous, String tier, Instant at) {
        return new TierChanged(scorecardId, partnerId, previous, tier, 70, at);
    }

    @Test
    void aTierChangeBecomesThePartnersTier() {
        given().when().get("/api/v1/partners/{id}", partnerId).then().statusCode(200)
                .body("tier", equalTo(null)).header("ETag", equalTo("\"0\""));

        PerformanceTopic.publish(EventTypes.TIER_CHANGED, UUID.randomUUID(), partnerId,
                tier("REGISTERED", "SILVER", SILVER_AT));

        awaitTier("SILVER");
        given().when().get("/api/v1/partners/{id}", partnerId).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("state", equalTo("ONBOARDING"))
                .body("origin", equalTo("performance"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID silver = UUID.randomUUID();
        PerformanceTopic.publish(EventTypes.TIER_CHANGED, silver, partnerId, tier(null, "SILVER", SILVER_AT));
        awaitTier("SILVER");

        // The same event id again; had it been applied, its (newer) PLATINUM would win over GOLD below.
        PerformanceTopic.publish(EventTypes.TIER_CHANGED, silver, partnerId, tier(null, "PLATINUM", PLATINUM_AT));
        // Same key, same partition: once this one is applied, the redelivery before it was handled.
        PerformanceTopic.publish(EventTypes.TIER_CHANGED, UUID.randomUUID(), partnerId, tier("SILVER", "GOLD", GOLD_AT));

        awaitTier("GOLD");
        given().when().get("/api/v1/partners/{id}", partnerId).then().header("ETag", equalTo("\"2\""));
        assertEquals(1, inboxRows(silver));
    }

    @Test
    void anOlderTierChangeArrivingLateIsIgnored() {
        PerformanceTopic.publish(EventTypes.TIER_CHANGED, UUID.randomUUID(), partnerId, tier("SILVER", "GOLD", GOLD_AT));
        awaitTier("GOLD");

        UUID late = UUID.randomUUID();
        PerformanceTopic.publish(EventTypes.TIER_CHANGED, late, partnerId, tier("REGISTERED", "SILVER", SILVER_AT));
        await(() -> inboxRows(late) == 1);

        given().when().get("/api/v1/partners/{id}", partnerId).then()
                .body("tier", equalTo("GOLD"))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void otherPerformanceEventsAreSkippedWithoutBlockingThePartition() {
        UUID score = UUID.randomUUID();
        PerformanceTopic.send(partnerId.toString(), "{\"partnerId\":\"" + partnerId + "\",\"score\":70,"
                + "\"occurredAt\":\"2026-03-01T08:00:00Z\"}", PerformanceTopic.headers("consort.score.changed.v1", score));
        PerformanceTopic.publish(EventTypes.TIER_CHANGED, UUID.randomUUID(), partnerId, tier(null, "SILVER", SILVER_AT));

        awaitTier("SILVER");
        assertEquals(1, inboxRows(score));
        assertTrue(KafkaRecords.current(PerformanceTopic.DEAD_LETTERS, KafkaRecords.withKey(partnerId.toString()))
                .isEmpty(), "an ignored event is not a failure");
    }

    @Test
    void aPayloadThatIsNotJsonIsParkedAndTheNextEventsStillFlow() {
        PerformanceTopic.send(partnerId.toString(), "{this is not json",
                PerformanceTopic.headers(EventTypes.TIER_CHANGED.ceType(), UUID.randomUUID()));
        PerformanceTopic.publish(EventTypes.TIER_CHANGED, UUID.randomUUID(), partnerId, tier(null, "GOLD", GOLD_AT));

        ConsumerRecord<String, String> parked = onlyDeadLetter(partnerId.toString());
        assertEquals("{this is not json", parked.value());
        assertEquals(Topics.PERFORMANCE, KafkaRecords.header(parked, "dead-letter-topic").orElseThrow());
        assertFalse(KafkaRecords.header(parked, "dead-letter-reason").orElseThrow().isBlank());
        awaitTier("GOLD");
    }

    @Test
    void aTierChangeWithoutAPartnerOrTierIsParked() {
        String key = UUID.randomUUID().toString();
        PerformanceTopic.send(key, "{\"scorecardId\":\"" + scorecardId + "\",\"tier\":\"GOLD\","
                + "\"occurredAt\":\"2026-06-01T08:00:00Z\"}",
                PerformanceTopic.headers(EventTypes.TIER_CHANGED.ceType(), UUID.randomUUID()));
        assertTrue(KafkaRecords.header(onlyDeadLetter(key), "dead-letter-reason").orElseThrow().contains("partnerId"));

        PerformanceTopic.send(partnerId.toString(), "{\"partnerId\":\"" + partnerId + "\",\"tier\":\" \","
                + "\"occurredAt\":\"2026-06-01T08:00:00Z\"}",
                PerformanceTopic.headers(EventTypes.TIER_CHANGED.ceType(), UUID.randomUUID()));
        onlyDeadLetter(partnerId.toString());
        given().when().get("/api/v1/partners/{id}", partnerId).then().body("tier", equalTo(null));
    }

    @Test
    void aTierChangeForAPartnerRecruitmentDoesNotKnowIsParked() {
        UUID stranger = UUID.randomUUID();
        PerformanceTopic.publish(EventTypes.TIER_CHANGED, UUID.randomUUID(), stranger,
                new TierChanged(UUID.randomUUID(), stranger, null, "GOLD", 90, GOLD_AT));

        assertTrue(KafkaRecords.header(onlyDeadLetter(stranger.toString()), "dead-letter-reason").orElseThrow()
                .contains(stranger.toString()));
    }

    private void awaitTier(String tier) {
        await(() -> tier.equals(given().when().get("/api/v1/partners/{id}", partnerId)
                .then().statusCode(200).extract().path("tier")));
        given().when().get("/api/v1/partners/{id}", partnerId).then().body("tier", equalTo(tier));
    }

    /** Whether recruitment's consumer has processed the event: the inbox row commits with its effect. */
    private long inboxRows(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox where event_id = ?1 and consumer = 'recruitment'")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static ConsumerRecord<String, String> onlyDeadLetter(String key) {
        var parked = KafkaRecords.awaitCount(PerformanceTopic.DEAD_LETTERS, KafkaRecords.withKey(key), 1, PATIENCE);
        assertEquals(1, parked.size(), "dead letters with key " + key);
        return parked.get(0);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
