package io.consort.recruitment.prospect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.consort.recruitment.PartnerTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProspectResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> prospect(String name, String region, String... specialisations) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyName", name);
        body.put("website", "https://" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example");
        body.put("region", region);
        body.put("industries", List.of("FINANCE"));
        body.put("specialisations", List.of(specialisations));
        body.put("employeeCount", 120);
        body.put("revenueBand", "M10_50");
        body.put("certifications", List.of("ISO_27001"));
        return body;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aCreatedProspectCanBeReadBackAndIsAnnouncedOnKafka() throws Exception {
        String id = given().contentType(ContentType.JSON).body(prospect("Northwind " + unique(), "EMEA", "CLOUD_SECURITY"))
                .when().post("/api/v1/prospects")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", equalTo("\"0\""))
                .body("domain", startsWith("northwind-"))
                .body("createdBy", equalTo("manager"))
                .extract().path("id");
        given().when().get("/api/v1/prospects/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("region", equalTo("EMEA"))
                .body("specialisations", contains("CLOUD_SECURITY"));

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(id, 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals("consort.prospect.imported.v1", PartnerTopic.header(records.get(0), "ce_type"));
        assertTrue(JSON.readTree(records.get(0).value()).get("created").asBoolean(), records.get(0).value());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void theListFiltersByRegionSpecialisationAndIndustry() {
        String special = "SPEC_" + unique().toUpperCase().replaceAll("[^A-Z0-9]", "X");
        String apac = given().contentType(ContentType.JSON).body(prospect("Apac " + unique(), "APAC", special))
                .when().post("/api/v1/prospects").then().statusCode(201).extract().path("id");
        String emea = given().contentType(ContentType.JSON).body(prospect("Emea " + unique(), "EMEA", special))
                .when().post("/api/v1/prospects").then().statusCode(201).extract().path("id");

        given().queryParam("specialisation", special).when().get("/api/v1/prospects")
                .then().statusCode(200).body("items.id", contains(apac, emea));
        given().queryParam("specialisation", special).queryParam("region", "EMEA").queryParam("industry", "FINANCE")
                .when().get("/api/v1/prospects")
                .then().statusCode(200).body("items.id", contains(emea));
        given().queryParam("specialisation", special).queryParam("industry", "RETAIL").when().get("/api/v1/prospects")
                .then().statusCode(200).body("items", hasSize(0));
        given().queryParam("specialisation", special).queryParam("limit", 1).when().get("/api/v1/prospects")
                .then().statusCode(200).body("items.id", contains(apac)).body("nextCursor", notNullValue());
        given().queryParam("region", "emea").when().get("/api/v1/prospects")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("region"));
    }

    @Test
    @TestSecurity(user = "integrator-client", roles = "integrator")
    void anUpsertByExternalIdCreatesThenUpdatesAndHonoursIfMatch() throws Exception {
        String crmId = "0015-" + unique();
        String path = "/api/v1/prospects/by-external-id/salesforce/{externalId}";
        String id = given().contentType(ContentType.JSON).body(prospect("Upsert " + unique(), "EMEA", "NETWORK"))
                .when().put(path, crmId)
                .then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("externalIds.salesforce", equalTo(crmId))
                .extract().path("id");

        Map<String, Object> changed = prospect("Upsert renamed", "APAC", "NETWORK");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .when().put(path, crmId)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("id", equalTo(id)).body("region", equalTo("APAC")).body("updatedBy", equalTo("integrator-client"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .when().put(path, crmId)
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .when().put(path, "never-seen-" + unique())
                .then().statusCode(412).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(id, 2, Duration.ofSeconds(30));
        assertEquals(2, records.size());
        assertEquals(false, JSON.readTree(records.get(1).value()).get("created").asBoolean(), records.get(1).value());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anInvalidProspectIsA400NamingEachField() {
        Map<String, Object> body = prospect("", "emea", "CLOUD_SECURITY");
        body.put("employeeCount", -1);
        body.put("website", "ftp://nowhere");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/prospects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("companyName"))
                .body("errors.field", hasItem("region"))
                .body("errors.field", hasItem("employeeCount"))
                .body("errors.field", hasItem("website"));
        given().contentType(ContentType.JSON).body("{\"companyName\": \"X\", \"colour\": 1}")
                .when().post("/api/v1/prospects")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/prospects/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void withoutATokenProspectsAre401() {
        given().when().get("/api/v1/prospects")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "0a0a0a0a-0000-4000-8000-000000000001"))
    void partnerUsersMayNotSeeProspects() {
        given().when().get("/api/v1/prospects")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(prospect("Nope", "EMEA"))
                .when().post("/api/v1/prospects")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aBulkImportAnswersEveryLineAndStoresTheGoodOnes() throws Exception {
        String crmId = "bulk-" + unique();
        String good = JSON.writeValueAsString(prospect("Bulk one " + unique(), "EMEA", "CLOUD_SECURITY"));
        Map<String, Object> keyed = prospect("Bulk keyed " + unique(), "EMEA", "NETWORK");
        keyed.put("externalIds", Map.of("hubspot", crmId));
        Map<String, Object> keyedAgain = new HashMap<>(keyed);
        keyedAgain.put("region", "APAC");
        String body = String.join("\n",
                good,
                "{not json",
                JSON.writeValueAsString(keyed),
                "{\"companyName\": \"\", \"region\": \"EMEA\"}",
                "",
                JSON.writeValueAsString(keyedAgain),
                "{\"companyName\": \"Extra\", \"colour\": \"red\"}") + "\n";

        String answer = given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : answer.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(6, lines.size(), answer);
        assertEquals(List.of(1, 2, 3, 4, 6, 7), lines.stream().map(l -> l.get("line").asInt()).toList());
        assertEquals(List.of("CREATED", "FAILED", "CREATED", "FAILED", "UPDATED", "FAILED"),
                lines.stream().map(l -> l.get("status").asText()).toList());
        assertEquals("companyName", lines.get(3).get("errors").get(0).get("field").asText());
        assertEquals("colour", lines.get(5).get("errors").get(0).get("field").asText());
        // The second keyed line updated the prospect the first one created.
        assertEquals(lines.get(2).get("id").asText(), lines.get(4).get("id").asText());

        given().when().get("/api/v1/prospects/{id}", lines.get(0).get("id").asText())
                .then().statusCode(200).body("specialisations", contains("CLOUD_SECURITY"));
        given().when().get("/api/v1/prospects/{id}", lines.get(2).get("id").asText())
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("region", equalTo("APAC")).body("externalIds.hubspot", equalTo(crmId));
        given().when().get("/api/v1/prospects/by-external-id/hubspot/{id}", crmId).then().statusCode(405);

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(lines.get(2).get("id").asText(), 2,
                Duration.ofSeconds(30));
        assertEquals(2, records.size());
        assertEquals("consort.prospect.imported.v1", PartnerTopic.header(records.get(0), "ce_type"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aRetriedBulkImportWithTheSameKeyCreatesNothingNew() throws Exception {
        String key = "prospects-" + unique();
        String body = String.join("\n",
                JSON.writeValueAsString(prospect("Idem one " + unique(), "EMEA", "NETWORK")),
                "{not json",
                JSON.writeValueAsString(prospect("Idem two " + unique(), "APAC", "NETWORK"))) + "\n";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String first = given().contentType("application/x-ndjson").header("Idempotency-Key", key).body(bytes)
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).extract().asString();
        // These lines name no external id: running them again would create two more prospects, with new ids.
        String again = given().contentType("application/x-ndjson").header("Idempotency-Key", key).body(bytes)
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(first, again);
        assertEquals(List.of("CREATED", "FAILED", "CREATED"),
                Arrays.stream(first.split("\n")).map(l -> l.replaceAll(".*\"status\":\"([A-Z]+)\".*", "$1")).toList());

        given().contentType("application/x-ndjson").header("Idempotency-Key", key)
                .body((body + body).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consort.io/problems/idempotency-key-reused"));

        // While an import with the key runs (its claim is fresh), a retry is told to wait.
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("update idempotency_keys set state = 'PENDING', claimed_at = now() where idempotency_key = '"
                    + key + "'");
        }
        given().contentType("application/x-ndjson").header("Idempotency-Key", key).body(bytes)
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(409).header("Retry-After", "1").contentType("application/problem+json");
    }

    @Test
    void aBulkImportNeedsAToken() {
        given().contentType("application/x-ndjson").body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "0a0a0a0a-0000-4000-8000-000000000001"))
    void partnerUsersMayNotBulkImportProspects() throws Exception {
        String marker = "Partner import " + unique();
        given().contentType("application/x-ndjson")
                .body(("{\"companyName\": \"" + marker + "\", \"region\": \"EMEA\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, prospectsNamed(marker));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aBulkImportWithAMalformedIdempotencyKeyIsA400AndImportsNothing() throws Exception {
        String marker = "Bad key " + unique();
        given().contentType("application/x-ndjson").header("Idempotency-Key", "has spaces")
                .body(JSON.valueToTree(prospect(marker, "EMEA", "NETWORK")).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, prospectsNamed(marker));
    }

    long prospectsNamed(String name) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from prospects where company_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aBulkImportIsNdjsonOnly() {
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", equalTo("Unsupported content type; this endpoint takes application/x-ndjson"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aBulkImportThatIsNotUtf8IsRefusedWhole() {
        String marker = "Latin1" + unique();
        byte[] first = ("{\"companyName\": \"" + marker + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] second = ("{\"companyName\": \"" + marker + " Gr\u00FCn\"}\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] body = new byte[first.length + second.length];
        System.arraycopy(first, 0, body, 0, first.length);
        System.arraycopy(second, 0, body, first.length, second.length);
        given().contentType("application/x-ndjson").body(body)
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 2 is not valid UTF-8"));
        given().queryParam("limit", 200).when().get("/api/v1/prospects")
                .then().statusCode(200).body("items.companyName", everyItem(not(startsWith(marker))));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aBulkImportOfMoreThan100000LinesIsRefusedWhole() {
        String marker = "TooMany" + unique();
        StringBuilder body = new StringBuilder();
        String line = "{\"companyName\": \"" + marker + "\"}\n";
        for (int i = 0; i <= ProspectBulkImport.MAX_LINES; i++) {
            body.append(line);
        }
        given().contentType("application/x-ndjson").body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/prospects/bulk")
                .then().statusCode(413).contentType("application/problem+json");
        given().queryParam("limit", 200).when().get("/api/v1/prospects")
                .then().statusCode(200).body("items.companyName", everyItem(not(equalTo(marker))));
    }
}
