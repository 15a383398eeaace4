package io.consort.recruitment.partner;

import static io.consort.recruitment.PartnerJourney.approvedPartner;
import static io.consort.recruitment.PartnerJourney.createProgram;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation the service documents under {@code /api/v1/partners/{partner}/...}, called by another partner's
 * admin (the strongest partner-side role) on this partner's id, answers 404 (not yours) or 403 (not for
 * partners at all), never anything that shows or changes the partner. Driven by the OpenAPI document, so
 * an endpoint added later is swept too.
 */
@QuarkusTest
class PartnerTenancySweepTest {

    @Test
    @SuppressWarnings("unchecked")
    void anotherPartnersAdminGets404Or403OnEveryPartnerScopedOperation() {
        String program = createProgram();
        String victim = approvedPartner(program);
        String intruder = approvedPartner(program);
        String token = TestTokens.user("ivy", "partner-admin").partner(UUID.fromString(intruder)).sign();

        Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().as(Map.class);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("schemas");
        Set<String> swept = new TreeSet<>();
        Set<String> leaks = new TreeSet<>();
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/api/v1/partners/{")) {
                return;
            }
            operations.forEach((method, operation) -> {
                if (!(operation instanceof Map<?, ?> op)) {
                    return;
                }
                String path = template.replaceFirst("\\{[^}]+}", victim)
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                var request = given().auth().oauth2(token).header("If-Match", "\"0\"");
                if (op.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content
                        && !content.isEmpty()) {
                    String type = (String) content.keySet().iterator().next();
                    // The documented example is a valid body, so what answers is the access check, not validation.
                    request = request.contentType(type).body(example((Map<String, Object>) content.get(type), schemas));
                }
                Response response = request.request(method.toUpperCase(), path);
                swept.add(method.toUpperCase() + " " + template);
                if (response.statusCode() != 404 && response.statusCode() != 403) {
                    leaks.add(method.toUpperCase() + " " + template + " -> " + response.statusCode());
                }
            });
        });
        assertTrue(swept.size() >= 10, "swept only " + swept);
        assertEquals(Set.of(), leaks, "operations that answered another partner's admin with neither 404 nor 403");
    }

    @SuppressWarnings("unchecked")
    private static byte[] example(Map<String, Object> mediaType, Map<String, Map<String, Object>> schemas) {
        Object schema = mediaType == null ? null : mediaType.get("schema");
        if (schema instanceof Map<?, ?> s && s.get("$ref") instanceof String ref) {
            schema = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        Object example = null;
        if (schema instanceof Map<?, ?> s) {
            example = s.get("examples") instanceof List<?> list && !list.isEmpty() ? list.get(0) : s.get("example");
        }
        try {
            String json = example == null ? "{}"
                    : example instanceof String text ? text : new ObjectMapper().writeValueAsString(example);
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
