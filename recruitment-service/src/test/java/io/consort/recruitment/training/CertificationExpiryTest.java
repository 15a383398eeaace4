package io.consort.recruitment.training;

import static io.consort.recruitment.PartnerJourney.approvedPartner;
import static io.consort.recruitment.PartnerJourney.asManager;
import static io.consort.recruitment.PartnerJourney.asPartnerUser;
import static io.consort.recruitment.PartnerJourney.complete;
import static io.consort.recruitment.PartnerJourney.createModule;
import static io.consort.recruitment.PartnerJourney.createProgram;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.recruitment.PartnerTopic;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The expiry sweep, called directly with the instant to sweep as of (the scheduled run is off in tests).
 * Certifications here last one day and the sweeps look two days ahead; the other tests' last a year.
 */
@QuarkusTest
class CertificationExpiryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CertificationService certifications;

    @Test
    void aCertificationPastItsExpiryIsRecordedExpiredOnceWithItsEvent() throws Exception {
        String module = createModule(50, 1);
        String partner = approvedPartner(createProgram());
        String certification = complete("pat", partner, module, 70).statusCode(201)
                .extract().path("certification.id");
        String expiresAt = asManager().when().get("/api/v1/training/certifications/{id}", certification)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("expiredAt", nullValue())
                .extract().path("expiresAt");

        // Sweeping before the expiry leaves it alone.
        certifications.expireDue(Instant.parse(expiresAt).minusSeconds(60));
        asManager().when().get("/api/v1/training/certifications/{id}", certification)
                .then().body("status", equalTo("ACTIVE")).body("expiredAt", nullValue());

        Instant sweep = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
        assertTrue(certifications.expireDue(sweep) >= 1);
        // A later sweep finds it recorded already.
        certifications.expireDue(sweep.plusSeconds(60));

        String expiredAt = asPartnerUser("pat", partner).when().get("/api/v1/training/certifications/{id}", certification)
                .then().statusCode(200).body("status", equalTo("EXPIRED"))
                .extract().path("expiredAt");
        assertEquals(sweep, Instant.parse(expiredAt));
        asPartnerUser("pat", partner).queryParam("partnerId", partner).queryParam("status", "EXPIRED")
                .when().get("/api/v1/training/certifications")
                .then().body("items.id", equalTo(List.of(certification)));
        asPartnerUser("pat", partner).queryParam("partnerId", partner).queryParam("status", "ACTIVE")
                .when().get("/api/v1/training/certifications")
                .then().body("items", equalTo(List.of()));

        // approved, onboarding-started, training.completed, certification.earned, certification.expired; a sixth
        // record would be a second expiry.
        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(partner, 5, Duration.ofSeconds(15));
        assertEquals(5, PartnerTopic.awaitRecordsWithoutLogins(partner, 6, Duration.ofSeconds(2)).size());
        ConsumerRecord<String, String> expired = records.get(4);
        assertEquals("consort.certification.expired.v1", PartnerTopic.header(expired, "ce_type"));
        assertEquals(certification, PartnerTopic.header(expired, "ce_subject"));
        JsonNode payload = JSON.readTree(expired.value());
        assertEquals(certification, payload.get("certificationId").asText());
        assertEquals(partner, payload.get("partnerId").asText());
        assertEquals(module, payload.get("moduleId").asText());
        assertEquals(Instant.parse(expiresAt), Instant.parse(payload.get("expiresAt").asText()));
        assertEquals(sweep, Instant.parse(payload.get("occurredAt").asText()));
    }

    @Test
    void sweepsRunningAtOnceShareTheWorkAndExpireEachCertificationOnce() throws Exception {
        String module = createModule(50, 1);
        String program = createProgram();
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String partner = approvedPartner(program);
            complete("pat", partner, module, 90).statusCode(201);
            partners.add(partner);
        }

        Instant sweep = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> sweeps = List.of(() -> certifications.expireDue(sweep),
                    () -> certifications.expireDue(sweep), () -> certifications.expireDue(sweep));
            for (Future<Integer> f : pool.invokeAll(sweeps)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        for (String partner : partners) {
            asManager().queryParam("partnerId", partner).when().get("/api/v1/training/certifications")
                    .then().body("items.status", equalTo(List.of("EXPIRED")));
            // approved, onboarding-started, training.completed, certification.earned, certification.expired — and no second expiry.
            PartnerTopic.awaitRecordsWithoutLogins(partner, 5, Duration.ofSeconds(15));
            List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(partner, 6, Duration.ofSeconds(2));
            assertEquals(1, records.stream()
                    .filter(r -> "consort.certification.expired.v1".equals(PartnerTopic.header(r, "ce_type"))).count(),
                    "certification.expired events of partner " + partner);
        }
    }
}
