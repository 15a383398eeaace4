package io.consort.recruitment;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies and calls the tests share; each call states the identity it needs in its test. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> program(String name) {
        return Map.of(
                "name", name,
                "description", "Value-added resellers in Europe",
                "partnerTypes", new String[] { "RESELLER" },
                "idealProfile", Map.of(
                        "regions", Map.of("values", new String[] { "EMEA" }, "weight", 60),
                        "companySize", Map.of("minEmployees", 10, "maxEmployees", 500, "weight", 40)));
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> application(String programId, String company) {
        return Map.of(
                "programId", programId,
                "companyName", company,
                "website", "https://" + company.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example",
                "contactName", "Dana Reyes",
                "contactEmail", "dana@" + company.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example",
                "region", "EMEA",
                "message", "We resell network security.");
    }

    /** A fresh client address per call, so the per-address rate limit never couples tests. */
    public static String someClientAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** Submits an application anonymously from a fresh address; returns its id. */
    public static String submitApplication(String programId, String company) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", someClientAddress())
                .body(application(programId, company))
                .when().post("/api/v1/applications")
                .then().statusCode(201)
                .extract().path("id");
    }
}
