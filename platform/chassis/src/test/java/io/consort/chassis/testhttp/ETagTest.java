package io.consort.chassis.testhttp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "admin", roles = "prm-admin")
class ETagTest {

    private String create() {
        return given().contentType(ContentType.JSON)
                .body("{\"name\": \"etag\", \"partnerId\": \"" + UUID.randomUUID() + "\"}")
                .post("/test/widgets").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
    }

    @Test
    void staleIfMatchAnswers412AndChangesNothing() {
        String id = create();
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body("{\"name\": \"renamed\"}")
                .patch("/test/widgets/" + id).then().statusCode(412)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://consort.io/problems/precondition-failed"));
        given().get("/test/widgets/" + id).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("etag"));
    }

    @Test
    void currentIfMatchUpdatesAndAdvancesTheETag() {
        String id = create();
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"renamed\"}")
                .patch("/test/widgets/" + id).then().statusCode(200).header("ETag", "\"1\"");
        // The old tag is stale now.
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"again\"}")
                .patch("/test/widgets/" + id).then().statusCode(412);
    }

    @Test
    void missingIfMatchIsAllowed() {
        String id = create();
        given().contentType(ContentType.JSON).body("{\"name\": \"renamed\"}")
                .patch("/test/widgets/" + id).then().statusCode(200).header("ETag", "\"1\"");
    }
}
