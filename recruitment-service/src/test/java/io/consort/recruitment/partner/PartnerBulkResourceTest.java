package io.consort.recruitment.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.consort.recruitment.PartnerTopic;
import io.consort.chassis.bulk.Ndjson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerBulkResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PartnerFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    Map<String, Object> line(String system, String externalId, String name) {
        Map<String, Object> line = new HashMap<>();
        line.put("system", system);
        line.put("externalId", externalId);
        line.put("programId", fixtures.programId().toString());
        line.put("name", name);
        line.put("website", "https://" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example");
        line.put("region", "EMEA");
        return line;
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void aBulkUpsertAnswersEveryLineAndABadLineFailsAlone() throws Exception {
        String first = "bulk-" + unique();
        String second = "bulk-" + unique();
        Map<String, Object> update = new HashMap<>(Map.of("system", "salesforce", "externalId", first,
                "region", "DACH"));
        Map<String, Object> noSystem = line("salesforce", "x-" + unique(), "No system " + unique());
        noSystem.remove("system");
        Map<String, Object> unknownProgram = line("salesforce", "x-" + unique(), "Lost " + unique());
        unknownProgram.put("programId", UUID.randomUUID().toString());
        Map<String, Object> unknownField = line("salesforce", "x-" + unique(), "Colourful " + unique());
        unknownField.put("colour", "red");
        Map<String, Object> noProgram = line("salesforce", "x-" + unique(), "Unplaced " + unique());
        noProgram.remove("programId");
        Map<String, Object> child = line("hubspot", second, "Child " + unique());
        String body = String.join("\n",
                JSON.writeValueAsString(line("salesforce", first, "Bulk first " + unique())),
                "{not json",
                JSON.writeValueAsString(update),
                JSON.writeValueAsString(noSystem),
                "",
                JSON.writeValueAsString(unknownProgram),
                JSON.writeValueAsString(unknownField),
                JSON.writeValueAsString(noProgram),
                "[1, 2]",
                JSON.writeValueAsString(child)) + "\n";

        String answer = given().contentType(Ndjson.MEDIA_TYPE).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(200).contentType(startsWith(Ndjson.MEDIA_TYPE))
                .extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : answer.split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertEquals(List.of(1, 2, 3, 4, 6, 7, 8, 9, 10), lines.stream().map(l -> l.get("line").asInt()).toList(), answer);
        assertEquals(List.of("CREATED", "FAILED", "UPDATED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "CREATED"),
                lines.stream().map(l -> l.get("status").asText()).toList(), answer);
        assertEquals(lines.get(0).get("id").asText(), lines.get(2).get("id").asText());
        assertEquals("system", lines.get(3).get("errors").get(0).get("field").asText());
        assertEquals("colour", lines.get(5).get("errors").get(0).get("field").asText());
        assertEquals("programId", lines.get(6).get("errors").get(0).get("field").asText());
        assertEquals(true, lines.get(1).get("id").isNull());

        String firstId = lines.get(0).get("id").asText();
        given().when().get("/api/v1/partners/by-external-id/salesforce/{id}", first)
                .then().statusCode(200).body("id", equalTo(firstId)).body("region", equalTo("DACH"))
                .body("state", equalTo("ONBOARDING")).body("origin", equalTo("sync-bot"));
        given().when().get("/api/v1/partners/by-external-id/hubspot/{id}", second)
                .then().statusCode(200).body("id", equalTo(lines.get(8).get("id").asText()));

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(firstId, 2, Duration.ofSeconds(30));
        assertEquals(List.of("consort.partner.onboarding-started.v1", "consort.partner.profile-updated.v1"),
                records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aBulkUpsertIsNdjsonOnly() {
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", equalTo("Unsupported content type; this endpoint takes application/x-ndjson"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void moreThan100000LinesAreRefusedWhole() throws Exception {
        String marker = "toomany-" + unique();
        String line = JSON.writeValueAsString(line("salesforce", marker, "Too many")) + "\n";
        StringBuilder body = new StringBuilder(line.length() * (Ndjson.MAX_LINES + 1));
        for (int i = 0; i <= Ndjson.MAX_LINES; i++) {
            body.append(line);
        }
        given().contentType(Ndjson.MEDIA_TYPE).body(body.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(413).contentType("application/problem+json");
        given().when().get("/api/v1/partners/by-external-id/salesforce/{id}", marker).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anImportThatIsNotUtf8IsRefusedWholeNamingTheLine() throws Exception {
        String marker = "latin1-" + unique();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes((JSON.writeValueAsString(line("salesforce", marker, "Acme")) + "\n").getBytes(StandardCharsets.UTF_8));
        // A CRM export in Latin-1: "Müller" with 'ü' as the single byte FC.
        body.writeBytes(JSON.writeValueAsString(line("salesforce", marker + "-2", "Müller")).getBytes(StandardCharsets.ISO_8859_1));
        given().contentType(Ndjson.MEDIA_TYPE).body(body.toByteArray())
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 2 is not valid UTF-8"));
        // Refused before anything was stored: not even the valid first line.
        given().when().get("/api/v1/partners/by-external-id/salesforce/{id}", marker).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "dana", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "0c0c0c0c-0000-4000-8000-000000000011"))
    void partnerSideCallersMayNotBulkUpsert() {
        given().contentType(Ndjson.MEDIA_TYPE).body("{}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aBulkUpsertNeedsAToken() {
        given().contentType(Ndjson.MEDIA_TYPE).body("{}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(401).contentType("application/problem+json");
    }

    String keyedBulk(String body, String key) {
        return given().contentType(Ndjson.MEDIA_TYPE).header("Idempotency-Key", key)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(200).extract().asString();
    }

    static List<String> statuses(String answer) throws Exception {
        List<String> statuses = new ArrayList<>();
        for (String l : answer.split("\n")) {
            statuses.add(JSON.readTree(l).get("status").asText());
        }
        return statuses;
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void aRetryWithTheSameKeyReplaysTheFirstAnswerAndAnotherBodyIsRefused() throws Exception {
        String key = "partners-" + unique();
        String body = String.join("\n",
                JSON.writeValueAsString(line("salesforce", "idem-" + unique(), "Idem one " + unique())),
                "{not json",
                JSON.writeValueAsString(line("salesforce", "idem-" + unique(), "Idem two " + unique()))) + "\n";

        String first = keyedBulk(body, key);
        assertEquals(List.of("CREATED", "FAILED", "CREATED"), statuses(first), first);
        // Replayed, not run again: a second run would have answered UPDATED.
        String again = given().contentType(Ndjson.MEDIA_TYPE).header("Idempotency-Key", key)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(first, again);

        given().contentType(Ndjson.MEDIA_TYPE).header("Idempotency-Key", key)
                .body((body + body).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consort.io/problems/idempotency-key-reused"));
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void aRetryOfAnInterruptedImportReplaysWhatCommittedAndStoresOnlyTheRest() throws Exception {
        String key = "partners-" + unique();
        int lines = PartnerBulkUpsert.BATCH_SIZE + 50;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append(JSON.writeValueAsString(line("salesforce", "resume-" + unique(), "Resume " + unique()))).append('\n');
        }
        String first = keyedBulk(body.toString(), key);
        assertEquals(Collections.nCopies(lines, "CREATED"), statuses(first));

        // As if the first execution had died after its first batch: its claim went stale, the second
        // window was never stored (its partners were, which a real crash would not have done; the retry
        // must then upsert them, not create them again).
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("update idempotency_keys set state = 'PENDING', claimed_at = now() - interval '1 hour' "
                    + "where idempotency_key = '" + key + "'");
            assertEquals(1, st.executeUpdate("delete from idempotency_bulk_windows where idempotency_key = '" + key
                    + "' and first_line > 1"));
        }

        String resumed = given().contentType(Ndjson.MEDIA_TYPE).header("Idempotency-Key", key)
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk")
                .then().statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
        List<String> expected = new ArrayList<>(Collections.nCopies(PartnerBulkUpsert.BATCH_SIZE, "CREATED"));
        expected.addAll(Collections.nCopies(lines - PartnerBulkUpsert.BATCH_SIZE, "UPDATED"));
        assertEquals(expected, statuses(resumed));
        String[] before = first.split("\n");
        String[] after = resumed.split("\n");
        for (int i = 0; i < lines; i++) {
            assertEquals(JSON.readTree(before[i]).get("id"), JSON.readTree(after[i]).get("id"), "line " + (i + 1));
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select state from idempotency_keys where idempotency_key = '" + key + "'")) {
            assertEquals(true, rs.next());
            assertEquals("COMPLETED", rs.getString(1));
        }
        // Now complete: a further retry is a pure replay of the resumed answer.
        assertEquals(resumed, keyedBulk(body.toString(), key));
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void eachLineIsCheckedAgainstTheHierarchyAndIdsTheLinesBeforeItLeft() throws Exception {
        String x = "tree-" + unique();
        String y = "tree-" + unique();
        String erp = "erp-" + unique();
        String created = bulk(String.join("\n",
                JSON.writeValueAsString(line("salesforce", x, "Tree X " + unique())),
                JSON.writeValueAsString(line("salesforce", y, "Tree Y " + unique()))) + "\n");
        String xId = JSON.readTree(created.split("\n")[0]).get("id").asText();
        String yId = JSON.readTree(created.split("\n")[1]).get("id").asText();

        // One batch: X goes below Y, so Y below X would close a cycle; X takes an ERP id, which Y then cannot
        // have; a line for the id X just took updates X (the line naming it again starts a new batch).
        String answer = bulk(String.join("\n",
                JSON.writeValueAsString(Map.of("system", "salesforce", "externalId", x, "parentPartnerId", yId,
                        "externalIds", Map.of("erp", erp))),
                JSON.writeValueAsString(Map.of("system", "salesforce", "externalId", y, "parentPartnerId", xId)),
                JSON.writeValueAsString(Map.of("system", "salesforce", "externalId", y, "externalIds", Map.of("erp", erp))),
                JSON.writeValueAsString(Map.of("system", "erp", "externalId", erp, "region", "DACH"))) + "\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String l : answer.split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertEquals(List.of("UPDATED", "FAILED", "FAILED", "UPDATED"),
                lines.stream().map(l -> l.get("status").asText()).toList(), answer);
        assertEquals(true, lines.get(1).get("errors").get(0).get("message").asText().contains("cycle"), answer);
        assertEquals(true, lines.get(2).get("errors").get(0).get("message").asText().contains("already names partner " + xId),
                answer);
        assertEquals(xId, lines.get(3).get("id").asText());
        given().when().get("/api/v1/partners/{id}", xId).then().statusCode(200)
                .body("parentPartnerId", equalTo(yId)).body("region", equalTo("DACH"))
                .body("externalIds.erp", equalTo(erp)).body("externalIds.salesforce", equalTo(x));
        given().when().get("/api/v1/partners/{id}", yId).then().statusCode(200)
                .body("parentPartnerId", equalTo(null));
        // A created partner has its checklist, as one created by a single upsert has.
        given().when().get("/api/v1/partners/{id}/onboarding", yId).then().statusCode(200)
                .body("progress.requiredTasks", equalTo(2));
        // The feed: created, then X's two updates (parent + id, then region).
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select operation, version from partner_changes where partner_id = '"
                        + xId + "' order by seq")) {
            List<String> changes = new ArrayList<>();
            while (rs.next()) {
                changes.add(rs.getString(1) + " " + rs.getLong(2));
            }
            assertEquals(List.of("CREATED 0", "UPDATED 1", "UPDATED 2"), changes);
        }
        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(xId, 3, Duration.ofSeconds(30));
        assertEquals(List.of("consort.partner.onboarding-started.v1", "consort.partner.profile-updated.v1",
                "consort.partner.profile-updated.v1"), records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aPartnerOfAProgramWithoutRequiredTasksIsActiveAtOnceAsASingleUpsertMakesIt() throws Exception {
        String programId = io.consort.recruitment.PartnerJourney.createProgram();
        io.consort.recruitment.PartnerJourney.putPlan(programId,
                List.of(io.consort.recruitment.PartnerJourney.task("CUSTOM", "Say hello", false)));
        Map<String, Object> line = line("salesforce", "active-" + unique(), "Active at once " + unique());
        line.put("programId", programId);
        String id = JSON.readTree(bulk(JSON.writeValueAsString(line) + "\n")).get("id").asText();
        given().when().get("/api/v1/partners/{id}", id).then().statusCode(200).body("state", equalTo("ACTIVE"));
        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(id, 2, Duration.ofSeconds(30));
        assertEquals(List.of("consort.partner.onboarding-started.v1", "consort.partner.activated.v1"),
                records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select operation || ' ' || state from partner_changes where partner_id = '"
                        + id + "' order by seq")) {
            List<String> changes = new ArrayList<>();
            while (rs.next()) {
                changes.add(rs.getString(1));
            }
            assertEquals(List.of("CREATED ONBOARDING", "UPDATED ACTIVE"), changes);
        }
    }

    private static String bulk(String body) {
        return given().contentType(Ndjson.MEDIA_TYPE).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/partners/bulk").then().statusCode(200).extract().asString();
    }
}
