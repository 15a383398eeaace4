package io.consort.chassis.testhttp;

import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class ProblemMappingTest {

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse isProblem(ValidatableResponse r, int status, String type, String instance) {
        return r.statusCode(status)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(status))
                .body("type", equalTo("https://consort.io/problems/" + type))
                .body("title", notNullValue())
                .body("instance", equalTo(instance))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void invalidBodyAnswers400WithFieldPaths() {
        String body = """
                {"name": " ", "partnerId": "%s", "size": -1, "idealProfile": {"regions": ["EMEA", ""]}}
                """.formatted(UUID.randomUUID());
        isProblem(given().contentType(ContentType.JSON).body(body).post("/test/widgets").then(), 400, "validation",
                "/test/widgets")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("size"))
                .body("errors.field", hasItem("idealProfile.regions[1]"))
                .body("errors.size()", equalTo(3));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void invalidQueryParameterNamesTheParameter() {
        isProblem(given().queryParam("limit", 500).get("/test/problems/limit").then(), 400, "validation",
                "/test/problems/limit")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void malformedJsonAnswers400() {
        isProblem(given().contentType(ContentType.JSON).body("{\"name\": \"x\",").post("/test/widgets").then(), 400,
                "bad-request", "/test/widgets")
                .body("detail", containsString("not well-formed JSON"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void unknownFieldIsRefusedByName() {
        String body = "{\"name\": \"x\", \"partnerId\": \"%s\", \"colour\": \"RED\"}".formatted(UUID.randomUUID());
        isProblem(given().contentType(ContentType.JSON).body(body).post("/test/widgets").then(), 400, "validation",
                "/test/widgets")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void wrongEnumValueNamesFieldAndAllowedValues() {
        String body = "{\"name\": \"x\", \"partnerId\": \"%s\", \"color\": \"BLUE\"}".formatted(UUID.randomUUID());
        isProblem(given().contentType(ContentType.JSON).body(body).post("/test/widgets").then(), 400, "validation",
                "/test/widgets")
                .body("errors[0].field", equalTo("color"))
                .body("errors[0].message", equalTo("must be one of [RED, GREEN]"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void wrongTypeNamesTheField() {
        String body = "{\"name\": \"x\", \"partnerId\": \"%s\", \"size\": \"big\"}".formatted(UUID.randomUUID());
        isProblem(given().contentType(ContentType.JSON).body(body).post("/test/widgets").then(), 400, "validation",
                "/test/widgets")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].message", equalTo("must be a number"));
        String nested = "{\"name\": \"x\", \"partnerId\": \"%s\", \"idealProfile\": {\"regions\": \"EMEA\"}}"
                .formatted(UUID.randomUUID());
        isProblem(given().contentType(ContentType.JSON).body(nested).post("/test/widgets").then(), 400, "validation",
                "/test/widgets")
                .body("errors[0].field", equalTo("idealProfile.regions"));
        String badUuid = "{\"name\": \"x\", \"partnerId\": \"not-a-uuid\"}";
        isProblem(given().contentType(ContentType.JSON).body(badUuid).post("/test/widgets").then(), 400, "validation",
                "/test/widgets")
                .body("errors[0].field", equalTo("partnerId"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void jaxRsNotFoundAnswers404WithoutItsMessage() {
        isProblem(given().get("/test/problems/jaxrs-not-found").then(), 404, "not-found", "/test/problems/jaxrs-not-found")
                .body(not(containsString("com.example")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void unconvertibleParameterAnswers400NotJaxRs404() {
        isProblem(given().get("/test/problems/uuid/not-a-uuid").then(), 400, "bad-request",
                "/test/problems/uuid/not-a-uuid");
        given().get("/test/problems/uuid/" + UUID.randomUUID()).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void chassisNotFoundKeepsItsDetail() {
        UUID id = UUID.randomUUID();
        isProblem(given().get("/test/widgets/" + id).then(), 404, "not-found", "/test/widgets/" + id)
                .body("detail", equalTo("widget " + id + " not found"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void wrongMethodAnswers405() {
        isProblem(given().delete("/test/widgets").then(), 405, "method-not-allowed", "/test/widgets");
    }

    /** A CRM export in Latin-1 sent as JSON: the bytes are not UTF-8, which is a malformed body, not a bad name. */
    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void aBodyThatIsNotUtf8Answers400NamingTheEncoding() {
        byte[] latin1 = "{\"name\": \"Caf\u00e9\", \"size\": 1}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        isProblem(given().contentType(ContentType.JSON).body(latin1).post("/test/widgets").then(), 400, "bad-request",
                "/test/widgets")
                .body("detail", containsString("not UTF-8"))
                .body("detail", containsString("line 1"));
    }

    /**
     * RFC 8259 (11): JSON has no charset parameter, "adding one really has no effect on compliant recipients".
     * Clients do add one (RestAssured appends ISO-8859-1 to types it does not know): the body is read as UTF-8.
     */
    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void aDeclaredCharsetDoesNotChangeHowJsonIsRead() {
        byte[] utf8 = "{\"name\": \"Caf\u00e9\", \"size\": -1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType("application/json; charset=ISO-8859-1").body(utf8).post("/test/widgets").then()
                .statusCode(400).body("type", endsWith("/validation"))
                // "Café" read right: only the bad size (and the missing partner) are wrong, not the name.
                .body("errors.field", hasItem("size")).body("errors.field", not(hasItem("name")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void wrongContentTypeAnswers415() {
        isProblem(given().contentType(ContentType.TEXT).body("name=x").post("/test/widgets").then(), 415,
                "unsupported-media-type", "/test/widgets")
                .body("detail", equalTo("Unsupported content type; this endpoint takes application/json"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void unacceptableAcceptAnswers406() {
        isProblem(given().accept("application/xml").get("/test/widgets").then(), 406, "not-acceptable",
                "/test/widgets");
    }

    @Test
    void anonymousCallerGets401ProblemWithChallenge() {
        isProblem(given().get("/test/widgets").then(), 401, "unauthorized", "/test/widgets")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void invalidBearerTokenGets401Problem() {
        isProblem(given().auth().oauth2("not.a.jwt").get("/test/widgets").then(), 401, "unauthorized",
                "/test/widgets")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void tokenSignedByAnotherKeyGets401Problem() throws Exception {
        isProblem(given().auth().oauth2(TestTokens.user("tester", "prm-admin").signedByStranger().sign()).get("/test/widgets").then(), 401,
                "unauthorized", "/test/widgets");
    }

    @Test
    void validTokenIsAccepted() throws Exception {
        given().auth().oauth2(TestTokens.user("tester", "prm-admin").sign()).get("/test/widgets").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    void wrongRoleGets403Problem() {
        isProblem(given().get("/test/problems/admin").then(), 403, "forbidden", "/test/problems/admin");
    }

    @Test
    void conflictAndRateLimitProblemsCarryTheirHeaders() {
        isProblem(given().get("/test/problems/conflict").then(), 409, "conflict", "/test/problems/conflict")
                .body("detail", equalTo("the application was already rejected"));
        isProblem(given().get("/test/problems/rate-limited").then(), 429, "too-many-requests",
                "/test/problems/rate-limited")
                .header("Retry-After", equalTo("3"));
        isProblem(given().get("/test/problems/unavailable").then(), 503, "service-unavailable",
                "/test/problems/unavailable")
                .header("Retry-After", equalTo("30"));
    }

    @Test
    void uniqueViolationAnswers409WithoutSql() {
        isProblem(given().post("/test/problems/duplicate").then(), 409, "conflict", "/test/problems/duplicate")
                .body(not(containsString("insert")))
                .body(not(containsString("test_widget")))
                .body(not(containsString("duplicate key")));
    }

    @Test
    void staleWriteAnswers409() {
        isProblem(given().post("/test/problems/stale").then(), 409, "concurrent-modification", "/test/problems/stale");
    }

    @Test
    void unexpectedFailureAnswers500WithRequestIdOnly() {
        isProblem(given().get("/test/problems/boom").then(), 500, "internal", "/test/problems/boom")
                .body("requestId", notNullValue())
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalState")));
        given().header("X-Request-Id", "req-42").get("/test/problems/boom").then()
                .statusCode(500).body("requestId", equalTo("req-42")).header("X-Request-Id", "req-42");
    }

    @Test
    void everyProblemCarriesTheRequestIdItsAnswerHeaderNames() {
        // From a blocking endpoint (worker thread), from a security refusal and from the Vert.x 404 route.
        given().header("X-Request-Id", "req-43").get("/test/problems/conflict").then()
                .statusCode(409).header("X-Request-Id", "req-43").body("requestId", equalTo("req-43"));
        String made = given().get("/test/problems/conflict").then().statusCode(409).extract().header("X-Request-Id");
        given().get("/test/problems/conflict").then().body("requestId", not(equalTo(made)));
        given().header("X-Request-Id", "req-44").get("/api/v1/nothing-here").then()
                .statusCode(404).body("requestId", equalTo("req-44"));
        // An id that could forge log lines is replaced, not echoed.
        given().header("X-Request-Id", "bad id\nforged").get("/test/problems/conflict").then()
                .body("requestId", not(containsString("forged")));
    }

    @Test
    void theLoggingMdcHoldsTheRequestIdOnTheWorkerThreadThatLogs() {
        // The probe logs a line and answers what the MDC (what %X{requestId} and the JSON log read) holds there.
        given().header("X-Request-Id", "req-logged-1").get("/test/problems/logged").then()
                .statusCode(200).body(equalTo("req-logged-1")).header("X-Request-Id", "req-logged-1");
        // Without one from the gateway, the id the service made: the same in the MDC and in the answer's header.
        var made = given().get("/test/problems/logged").then().statusCode(200).extract();
        assertNotEquals("none", made.asString());
        assertEquals(made.header("X-Request-Id"), made.asString());
    }
}
