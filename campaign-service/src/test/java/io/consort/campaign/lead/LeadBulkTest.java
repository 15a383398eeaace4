package io.consort.campaign.lead;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.campaign.Callers;
import io.consort.campaign.partner.PartnerFacts;
import io.consort.campaign.routing.Rules;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/leads/bulk}: good and bad lines, upserts, routing, the Idempotency-Key, who may call it. */
@QuarkusTest
class LeadBulkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";
    private static final String PATH = "/api/v1/leads/bulk";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "consort.campaign.leads.bulk-window")
    int window;

    private static Map<String, Object> lead(String region, String system, String externalId) {
        Map<String, Object> lead = new LinkedHashMap<>();
        if (system != null) {
            lead.put("externalSystem", system);
            lead.put("externalId", externalId);
        }
        lead.put("company", "Acme " + UUID.randomUUID().toString().substring(0, 6));
        lead.put("contactEmail", "jana@acme.example");
        lead.put("region", region);
        lead.put("specialisation", "cloud");
        lead.put("need", "POS to the cloud");
        return lead;
    }

    private static String line(Map<String, Object> lead) {
        try {
            return JSON.writeValueAsString(lead);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String post(RequestSpecification caller, String body, String key) {
        RequestSpecification request = caller.contentType(NDJSON).accept(NDJSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post(PATH).then().statusCode(200).contentType(NDJSON).extract().asString();
    }

    private static List<JsonNode> results(String answer) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : answer.split("\n")) {
            lines.add(JSON.readTree(text));
        }
        return lines;
    }

    private static List<String> statuses(String answer) throws Exception {
        return results(answer).stream().map(r -> r.get("status").asText()).toList();
    }

    @Test
    void goodLinesAreStoredAndRoutedBadOnesAnsweredAndNeverStopTheRest() throws Exception {
        String region = Rules.region();
        UUID partner = PartnerFacts.active(PartnerFacts.Profile.of(UUID.randomUUID(), region, "cloud"), "GOLD", 2);
        Rules.create(region, 10, "PT1H", Map.of());
        String external = "00Q" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> noCompany = lead(region, null, null);
        noCompany.remove("company");
        Map<String, Object> badEmail = lead(region, null, null);
        badEmail.put("contactEmail", "not-an-email");
        Map<String, Object> halfRef = lead(region, "salesforce", null);
        halfRef.remove("externalId");
        Map<String, Object> update = lead(region, "salesforce", external);
        update.put("need", "Now 60 stores");
        String body = String.join("\n",
                line(lead(region, null, null)),                     // 1 created, routed
                "{not json",                                          // 2
                line(noCompany),                                      // 3
                "",                                                   // 4 blank: no result line
                line(lead(region, "salesforce", external)),          // 5 created by external id
                line(badEmail),                                       // 6
                "[1, 2]",                                             // 7
                line(halfRef),                                        // 8
                "{\"company\": \"X\", \"surprise\": 1}",              // 9
                line(update)) + "\n";                                 // 10 updates line 5's lead
        List<JsonNode> results = results(post(Callers.integrator(), body, null));
        assertEquals(List.of(1, 2, 3, 5, 6, 7, 8, 9, 10), results.stream().map(r -> r.get("line").asInt()).toList());
        assertEquals(List.of("CREATED", "FAILED", "FAILED", "CREATED", "FAILED", "FAILED", "FAILED", "FAILED", "UPDATED"),
                results.stream().map(r -> r.get("status").asText()).toList());
        assertEquals("company", results.get(2).at("/errors/0/field").asText());
        assertEquals("contactEmail", results.get(4).at("/errors/0/field").asText());
        assertEquals("externalId", results.get(6).at("/errors/0/field").asText());
        assertEquals("surprise", results.get(7).at("/errors/0/field").asText());
        assertTrue(results.get(1).get("id").isNull());
        assertEquals(results.get(3).get("id"), results.get(8).get("id"), "line 10 updates the lead line 5 created");

        String first = results.get(0).get("id").asText();
        Callers.manager().get("/api/v1/leads/{id}", first).then().statusCode(200)
                .body("state", equalTo("OFFERED")).body("partnerId", equalTo(partner.toString()))
                .body("source", equalTo("INTEGRATOR"));
        String upserted = results.get(3).get("id").asText();
        Callers.manager().get("/api/v1/leads/{id}", upserted).then().statusCode(200)
                .body("externalId", equalTo(external)).body("need", equalTo("Now 60 stores")).body("attempt", equalTo(1));
        for (String ceType : List.of(EventTypes.LEAD_CREATED.ceType(), EventTypes.LEAD_ASSIGNED.ceType())) {
            var record = KafkaRecords.await(Topics.CAMPAIGNS, KafkaRecords.withCeType(ceType)
                    .and(KafkaRecords.withCeSubject(first)), Duration.ofSeconds(30));
            EventSchemas.assertValid(ceType, record.value());
        }
        // A later import of the same external id updates the same lead, as the single upsert does.
        Map<String, Object> again = lead(region, "salesforce", external);
        again.put("need", "Now 80 stores");
        JsonNode later = results(post(Callers.manager(), line(again) + "\n", null)).get(0);
        assertEquals("UPDATED", later.get("status").asText());
        assertEquals(upserted, later.get("id").asText());
    }

    @Test
    void aRetryOfAnInterruptedImportReplaysWhatCommittedAndStoresOnlyTheRest() throws Exception {
        String region = Rules.region(); // no rule: the leads wait UNROUTED, which keeps this quick
        String key = "leads-" + UUID.randomUUID();
        int lines = window + 7;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append(line(lead(region, "hubspot", "resume-" + UUID.randomUUID()))).append('\n');
        }
        String first = post(Callers.integrator(), body.toString(), key);
        assertEquals(Collections.nCopies(lines, "CREATED"), statuses(first));

        // As if the first execution had died after its first window: its claim went stale and the second
        // window's answer was never stored (its leads were, which a crash would not have done; the retry
        // must then update them, not create them again).
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("update idempotency_keys set state = 'PENDING', claimed_at = now() - interval '1 hour' "
                    + "where idempotency_key = '" + key + "'");
            assertEquals(1, st.executeUpdate("delete from idempotency_bulk_windows where idempotency_key = '" + key
                    + "' and first_line > 1"));
        }
        String resumed = Callers.integrator().contentType(NDJSON).header("Idempotency-Key", key)
                .body(body.toString().getBytes(StandardCharsets.UTF_8)).post(PATH)
                .then().statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
        List<String> expected = new ArrayList<>(Collections.nCopies(window, "CREATED"));
        expected.addAll(Collections.nCopies(lines - window, "UPDATED"));
        assertEquals(expected, statuses(resumed));
        List<JsonNode> before = results(first);
        List<JsonNode> after = results(resumed);
        for (int i = 0; i < lines; i++) {
            assertEquals(before.get(i).get("id"), after.get(i).get("id"), "line " + (i + 1));
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from leads where region = '" + region + "'")) {
            assertTrue(rs.next());
            assertEquals(lines, rs.getInt(1), "every line took effect once");
        }
        // Complete now: a further retry is a pure replay; the same key with another body is a 422.
        assertEquals(resumed, post(Callers.integrator(), body.toString(), key));
        Callers.integrator().contentType(NDJSON).header("Idempotency-Key", key)
                .body(line(lead(region, null, null)).getBytes(StandardCharsets.UTF_8)).post(PATH)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void onlyTheVendorSideImportsAndTheBodyMustBeNdjson() {
        byte[] body = (line(lead(Rules.region(), null, null)) + "\n").getBytes(StandardCharsets.UTF_8);
        Callers.anonymous().contentType(NDJSON).body(body).post(PATH).then().statusCode(401)
                .contentType("application/problem+json");
        Callers.partnerAdmin(UUID.randomUUID()).contentType(NDJSON).body(body).post(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        Callers.manager().body(body).post(PATH).then().statusCode(415).contentType("application/problem+json");
        byte[] notUtf8 = { '{', '"', 'c', '"', ':', '"', (byte) 0xC3, '"', '}', '\n' };
        Callers.manager().contentType(NDJSON).body(notUtf8).post(PATH).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theDocumentDescribesTheLinesBothWays() throws Exception {
        JsonNode doc = JSON.readTree(io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode op = doc.at("/paths/~1api~1v1~1leads~1bulk/post");
        assertEquals("importLeads", op.get("operationId").asText());
        assertEquals("#/components/schemas/LeadBulkLine",
                op.at("/requestBody/content/application~1x-ndjson/schema/contentSchema/$ref").asText());
        assertEquals("#/components/schemas/BulkLineResult",
                op.at("/responses/200/content/application~1x-ndjson/schema/contentSchema/$ref").asText());
        assertTrue(op.at("/responses/200/content/application~1json").isMissingNode(), "only NDJSON answers");
        assertEquals(List.of("LeadRequest", "LeadExternalRef"), List.of(
                doc.at("/components/schemas/LeadBulkLine/allOf/0/$ref").asText().replace("#/components/schemas/", ""),
                doc.at("/components/schemas/LeadBulkLine/allOf/1/$ref").asText().replace("#/components/schemas/", "")));
    }
}
