package io.consort.campaign;

import static io.restassured.RestAssured.given;

import io.consort.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests as the realm's callers make them, with real signed tokens. */
public final class Callers {

    private Callers() {
    }

    public static RequestSpecification manager() {
        return as(TestTokens.user("manager", "channel-manager").sign());
    }

    public static RequestSpecification integrator() {
        return as(TestTokens.user("crm-sync", "integrator").sign());
    }

    public static RequestSpecification partnerAdmin(UUID partnerId) {
        return as(TestTokens.user("admin-" + partnerId, "partner-admin").partner(partnerId).sign());
    }

    public static RequestSpecification partnerUser(UUID partnerId) {
        return as(TestTokens.user("user-" + partnerId, "partner-user").partner(partnerId).sign());
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
