package io.consort.campaign.campaign;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.campaign.Callers;
import io.consort.campaign.partner.PartnerFacts;
import io.consort.campaign.routing.Rules;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A campaign from draft to lead: merge fields checked at publish, eligibility by tier rank and region,
 * enrolment with co-branding and an escaped preview, tracked link, public form with attribution.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignFlowTest {

    private static final UUID PROGRAM = UUID.randomUUID();

    private static Map<String, Object> campaign(String region, String htmlField) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Cloud day " + region);
        body.put("channels", List.of("EMAIL", "WEB"));
        body.put("targeting", Map.of("regions", List.of(region), "minTierRank", 1));
        body.put("budget", Map.of("amount", "25000.00", "currency", "EUR"));
        body.put("landingUrl", "https://www.example.com/cloud-day");
        body.put("assets", List.of(Map.of("name", "Invitation", "subject", "{{partner.name}} invites you",
                "text", "Register at {{trackedLink}} - {{partner.name}} ({{partner.contactEmail}})",
                "html", "<style>p{color:red}</style><p><img src=\"{{partner.logoUrl}}\">{{" + htmlField
                        + "}} <a href=\"{{trackedLink}}\">Register</a></p>")));
        return body;
    }

    private static ConsumerRecord<String, String> event(String ceType, String subject) {
        ConsumerRecord<String, String> record = KafkaRecords.await(Topics.CAMPAIGNS,
                KafkaRecords.withCeType(ceType).and(KafkaRecords.withCeSubject(subject)), Duration.ofSeconds(30));
        EventSchemas.assertValid(ceType, record.value());
        return record;
    }

    @Test
    @Order(1)
    void fromDraftToEnrolmentToTrackedLeadWithAttribution() {
        String region = Rules.region();
        UUID gold = PartnerFacts.active(PartnerFacts.Profile.of(PROGRAM, region, "cloud"), "GOLD", 2);
        UUID entry = PartnerFacts.active(PartnerFacts.Profile.of(PROGRAM, region, "cloud"), "REGISTERED", 0);
        Rules.create(region, 5, "PT1H", Map.of());

        Response draft = Callers.manager().body(campaign(region, "partner.nmae")).post("/api/v1/campaigns");
        draft.then().statusCode(201).body("state", equalTo("DRAFT")).header("ETag", equalTo("\"0\""))
                .body("budget.amount", equalTo("25000.00"));
        String id = draft.path("id");
        Callers.manager().post("/api/v1/campaigns/{id}/publish", id).then().statusCode(422)
                .body("detail", containsString("{{partner.nmae}}"));
        Callers.manager().body(campaign(region, "partner.name")).put("/api/v1/campaigns/{id}", id).then().statusCode(428);
        Callers.manager().header("If-Match", "\"0\"").body(campaign(region, "partner.name"))
                .put("/api/v1/campaigns/{id}", id).then().statusCode(200);
        Callers.partnerAdmin(gold).get("/api/v1/campaigns/{id}", id).then().statusCode(404); // a draft
        Callers.manager().post("/api/v1/campaigns/{id}/publish", id).then().statusCode(200).body("state", equalTo("PUBLISHED"));
        event(EventTypes.CAMPAIGN_PUBLISHED.ceType(), id);
        Callers.manager().header("If-Match", "\"2\"").body(campaign(region, "partner.name"))
                .put("/api/v1/campaigns/{id}", id).then().statusCode(409);

        Callers.partnerUser(gold).get("/api/v1/campaigns?limit=200").then().statusCode(200).body("items.id", hasItem(id));
        Callers.partnerUser(entry).get("/api/v1/campaigns?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        Callers.partnerAdmin(entry).body(Map.of()).post("/api/v1/campaigns/{id}/enrolments", id).then().statusCode(404);

        Response enrolled = Callers.partnerAdmin(gold)
                .body(Map.of("displayName", "<b>Acme & Co</b>", "logoUrl", "https://acme.example/logo.png"))
                .post("/api/v1/campaigns/{id}/enrolments", id);
        enrolled.then().statusCode(201).body("partnerId", equalTo(gold.toString()))
                .body("trackedLink", startsWith("http://127.0.0.1:8080/t/"));
        String enrolmentId = enrolled.path("id");
        String link = enrolled.path("trackedLink");
        String token = link.substring(link.lastIndexOf('/') + 1);
        event(EventTypes.CAMPAIGN_ENROLLED.ceType(), enrolmentId);
        Callers.partnerAdmin(gold).body(Map.of()).post("/api/v1/campaigns/{id}/enrolments", id).then().statusCode(409);
        Callers.partnerUser(entry).get("/api/v1/campaigns/{c}/enrolments/{e}", id, enrolmentId).then().statusCode(404);

        Response preview = Callers.partnerUser(gold).get("/api/v1/campaigns/{c}/enrolments/{e}/preview", id, enrolmentId);
        preview.then().statusCode(200);
        assertEquals("<b>Acme & Co</b> invites you", preview.path("assets[0].subject"));
        String html = preview.path("assets[0].html");
        assertTrue(html.contains("&lt;b&gt;Acme &amp; Co&lt;/b&gt;"), html);
        assertTrue(html.contains("<style>p{color:red}</style>"), html);
        assertTrue(html.contains("href=\"" + link + "\""), html);
        assertTrue(html.contains("src=\"https://acme.example/logo.png\""), html);
        String text = preview.path("assets[0].text");
        assertTrue(text.contains("admin@" + gold.toString().substring(0, 8) + ".example"), text);

        // A downgrade closes new enrolments, not the existing one.
        PartnerFacts.tier(gold, "REGISTERED", 0, Instant.now());
        PartnerFacts.awaitPartner(gold, p -> p.tierRank() == 0);
        Callers.partnerUser(gold).get("/api/v1/campaigns/{id}", id).then().statusCode(200);
        Callers.partnerUser(gold).get("/api/v1/campaigns/{c}/enrolments/{e}", id, enrolmentId).then().statusCode(200);

        Callers.anonymous().redirects().follow(false).get("/t/{token}", token).then().statusCode(302)
                .header("Location", equalTo("https://www.example.com/cloud-day?ref=" + token));
        Callers.anonymous().redirects().follow(false).get("/t/{token}", "no-such-token").then().statusCode(404);

        Map<String, Object> form = form(token, region);
        String key = UUID.randomUUID().toString();
        Response sent = Callers.anonymous().header("Idempotency-Key", key).body(form).post("/api/v1/forms/{id}", id);
        sent.then().statusCode(201).header("Location", containsString("/api/v1/leads/"));
        String leadId = sent.path("leadId");
        Callers.anonymous().header("Idempotency-Key", key).body(form).post("/api/v1/forms/{id}", id).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("leadId", equalTo(leadId));
        Callers.manager().get("/api/v1/leads/{id}", leadId).then().statusCode(200)
                .body("source", equalTo("FORM")).body("campaignId", equalTo(id))
                .body("attributedPartnerId", equalTo(gold.toString())).body("partnerId", equalTo(gold.toString()))
                .body("state", equalTo("OFFERED"));
        Callers.manager().get("/api/v1/leads/{id}/routing-history", leadId).then()
                .body("[0].reason", containsString("tracked link"));
        ConsumerRecord<String, String> created = event(EventTypes.LEAD_CREATED.ceType(), leadId);
        assertTrue(created.value().contains("\"FORM\""));
        Callers.partnerUser(gold).get("/api/v1/campaigns/{c}/enrolments/{e}", id, enrolmentId).then().statusCode(200)
                .body("clicks", equalTo(1)).body("formFills", equalTo(1));
        KafkaRecords.awaitCount(Topics.CAMPAIGNS, KafkaRecords.withCeType(EventTypes.CAMPAIGN_ENGAGEMENT_RECORDED.ceType())
                .and(KafkaRecords.withKey(gold.toString())), 2, Duration.ofSeconds(30))
                .forEach(r -> EventSchemas.assertValid(EventTypes.CAMPAIGN_ENGAGEMENT_RECORDED.ceType(), r.value()));

        Callers.anonymous().body(form(token, region)).post("/api/v1/forms/{id}", UUID.randomUUID()).then().statusCode(404);
        Map<String, Object> bad = form(token, region);
        bad.put("email", "nope");
        bad.put("consent", false);
        Callers.anonymous().body(bad).post("/api/v1/forms/{id}", id).then().statusCode(400)
                .contentType("application/problem+json");

        Callers.manager().post("/api/v1/campaigns/{id}/complete", id).then().statusCode(200).body("state", equalTo("COMPLETED"));
        Callers.anonymous().redirects().follow(false).get("/t/{token}", token).then().statusCode(404);
        Callers.anonymous().body(form(token, region)).post("/api/v1/forms/{id}", id).then().statusCode(404);
    }

    private static Map<String, Object> form(String ref, String region) {
        Map<String, Object> form = new HashMap<>();
        form.put("company", "Prospect Ltd");
        form.put("contactName", "Pat Prospect");
        form.put("email", "pat@prospect.example");
        form.put("region", region);
        form.put("specialisation", "cloud");
        form.put("need", "A demo");
        form.put("consent", true);
        form.put("ref", ref);
        return form;
    }

    @Test
    @Order(2)
    void onlyTheVendorWritesCampaigns() {
        Callers.anonymous().get("/api/v1/campaigns").then().statusCode(401);
        Callers.partnerAdmin(UUID.randomUUID()).body(campaign("EMEA", "partner.name")).post("/api/v1/campaigns")
                .then().statusCode(403);
        Map<String, Object> bad = campaign("EMEA", "partner.name");
        bad.put("landingUrl", "javascript:alert(1)");
        Callers.manager().body(bad).post("/api/v1/campaigns").then().statusCode(400);
        Callers.manager().get("/api/v1/campaigns/{id}", UUID.randomUUID()).then().statusCode(404);
        Callers.manager().get("/api/v1/campaigns?state=DRAFT,PUBLISHED").then().statusCode(200);
    }

    /** Last in this class: it exhausts the form's bucket for this client address. */
    @Test
    @Order(99)
    void thePublicFormStaysInsideItsRateLimit() {
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = Callers.anonymous().body(Map.of("company", "x")).post("/api/v1/forms/{id}", UUID.randomUUID())
                    .then().extract().statusCode();
        }
        assertEquals(429, status);
        Callers.anonymous().body(Map.of()).post("/api/v1/forms/{id}", UUID.randomUUID()).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).contentType("application/problem+json");
    }
}
