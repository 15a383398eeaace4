package io.consort.gateway;

import io.consort.testkit.TestTokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests as a signed-in caller: a testkit token the gateway's edge check accepts (UpstreamServers serves its key). */
final class Edge {

    private static String token;

    private Edge() {
    }

    static synchronized String token() {
        if (token == null) {
            token = TestTokens.user("manager", "channel-manager").expiresAt(java.time.Instant.now().plusSeconds(3600)).sign();
        }
        return token;
    }

    static String bearer() {
        return "Bearer " + token();
    }

    static RequestSpecification signedIn() {
        return RestAssured.given().header("Authorization", bearer());
    }
}
