package io.consort.integration;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The subscription calls the delivery tests make (each as the caller of the test's @TestSecurity). */
final class Api {

    private Api() {
    }

    /** A created subscription: its id and the secret shown once. */
    record Created(UUID id, String secret, String url) {
    }

    static Created subscribe(String url, List<String> eventTypes, UUID partnerId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", url, "eventTypes", eventTypes));
        body.put("partnerId", partnerId == null ? null : partnerId.toString());
        Response response = given().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks");
        response.then().statusCode(201);
        return new Created(UUID.fromString(response.path("id")), response.path("secret"), url);
    }

    static Response subscription(UUID id) {
        return given().get("/api/v1/webhooks/{id}", id);
    }

    static List<Map<String, Object>> deliveries(UUID subscription) {
        return given().queryParam("limit", 200).get("/api/v1/webhooks/{id}/deliveries", subscription)
                .then().statusCode(200).extract().path("items");
    }

    static Map<String, Object> deliveryOf(UUID subscription, UUID eventId) {
        return deliveries(subscription).stream().filter(d -> eventId.toString().equals(d.get("eventId"))).findFirst()
                .orElse(null);
    }
}
