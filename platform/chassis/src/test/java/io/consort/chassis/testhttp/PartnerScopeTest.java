package io.consort.chassis.testhttp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerScopeTest {

    static final String P1 = "00000000-0000-0000-0000-0000000000b1";
    static final String P2 = "00000000-0000-0000-0000-0000000000b2";
    static final String PARENT = "00000000-0000-0000-0000-0000000000a1";

    @Inject
    TestRows rows;

    @Inject
    BackgroundReader background;

    String tag;
    UUID p1Widget;
    UUID p2Widget;
    UUID parentWidget;
    UUID childWidget;

    @BeforeEach
    void seed() {
        tag = "scope-" + UUID.randomUUID();
        Instant now = Instant.now();
        p1Widget = rows.widget(UUID.fromString(P1), tag, now);
        rows.widget(UUID.fromString(P1), tag, now.plusMillis(1));
        p2Widget = rows.widget(UUID.fromString(P2), tag, now.plusMillis(2));
        parentWidget = rows.widget(TestPartnerHierarchy.PARENT, tag, now.plusMillis(3));
        childWidget = rows.widget(TestPartnerHierarchy.CHILD, tag, now.plusMillis(4));
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = P1))
    void partnerSideListShowsOnlyItsOwnRows() {
        given().queryParam("name", tag).get("/test/widgets").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.partnerId", containsInAnyOrder(P1, P1));
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = P1))
    void partnerSideCannotFindAnotherPartnersRowById() {
        given().get("/test/widgets/" + p2Widget).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().get("/test/widgets/" + p1Widget).then().statusCode(200).body("partnerId", equalTo(P1));
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = P1))
    void partnerSideCannotWriteForAnotherPartner() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"partnerId\": \"" + P2 + "\"}")
                .post("/test/widgets").then().statusCode(404);
        given().get("/test/problems/partners/" + P2).then().statusCode(404);
        given().get("/test/problems/partners/" + P1).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = P1))
    void partnerSideCannotChangeAnotherPartnersRow() {
        given().contentType(ContentType.JSON).body("{\"name\": \"hijacked\"}")
                .patch("/test/widgets/" + p2Widget).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"name\": \"mine\"}")
                .patch("/test/widgets/" + p1Widget).then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(0,
                rows.count("select count(*) from test_widget where name = 'hijacked'"));
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = P1))
    void entityKeyedByPartnerIdIsScopedOnItsId() {
        String prefix = seedPartners();
        given().queryParam("prefix", prefix).get("/test/problems/partner-names").then().statusCode(200)
                .body("", org.hamcrest.Matchers.contains(prefix + "-one"));
        given().get("/test/problems/partner-rows/" + P2).then().statusCode(404);
        given().get("/test/problems/partner-rows/" + P1).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "nobody")
    void authenticatedCallerWithoutRoleOrPartnerSeesNothing() {
        String prefix = seedPartners();
        given().queryParam("prefix", prefix).get("/test/problems/partner-names").then().statusCode(200)
                .body("", empty());
        given().get("/test/problems/partners/" + P1).then().statusCode(404);
    }

    @Test
    void anonymousCallerOfAPublicEndpointIsNotRestrictedByTheFilter() {
        String prefix = seedPartners();
        given().queryParam("prefix", prefix).get("/test/problems/partner-names").then().statusCode(200)
                .body("", org.hamcrest.Matchers.contains(prefix + "-one", prefix + "-two"));
        given().get("/test/problems/partners/" + P1).then().statusCode(404);
    }

    private String seedPartners() {
        String prefix = "partner-" + UUID.randomUUID();
        rows.update("insert into test_partner (id, name) values (?, ?) on conflict (id) do update set name = excluded.name",
                UUID.fromString(P1), prefix + "-one");
        rows.update("insert into test_partner (id, name) values (?, ?) on conflict (id) do update set name = excluded.name",
                UUID.fromString(P2), prefix + "-two");
        return prefix;
    }

    @Test
    void workWithoutAnHttpCallerIsNotRestricted() {
        org.junit.jupiter.api.Assertions.assertEquals(5, background.countByName(tag));
        org.junit.jupiter.api.Assertions.assertEquals(5, background.countByNameWithoutRequestContext(tag));
    }

    @Test
    @TestSecurity(user = "boss", roles = "channel-manager")
    void vendorSideSeesEveryPartnersRows() {
        given().queryParam("name", tag).get("/test/widgets").then().statusCode(200)
                .body("items.size()", equalTo(5));
        given().get("/test/widgets/" + p2Widget).then().statusCode(200);
        given().get("/test/problems/partners/" + P2).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "dist", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PARENT))
    void partnerSideSeesItsDescendantsThroughTheHierarchy() {
        given().queryParam("name", tag).get("/test/widgets").then().statusCode(200)
                .body("items.id", containsInAnyOrder(parentWidget.toString(), childWidget.toString()));
        given().get("/test/widgets/" + childWidget).then().statusCode(200);
        given().get("/test/widgets/" + p1Widget).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "seller", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PARENT))
    void aPartnerUserOfAParentSeesOnlyItsOwnPartnerNotTheChildren() {
        given().queryParam("name", tag).get("/test/widgets").then().statusCode(200)
                .body("items.id", containsInAnyOrder(parentWidget.toString()));
        given().get("/test/widgets/" + childWidget).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "lost", roles = "partner-user")
    void partnerSideWithoutPartnerClaimSeesNothing() {
        given().queryParam("name", tag).get("/test/widgets").then().statusCode(200).body("items", empty());
        given().get("/test/widgets/" + p1Widget).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    @OidcSecurity(claims = {@Claim(key = "partner_id", value = P1), @Claim(key = "preferred_username", value = "pat@acme")})
    void partnerCallerIsDescribedFromItsToken() {
        given().get("/test/problems/whoami").then().statusCode(200)
                .body("origin", equalTo("pat@acme"))
                .body("partnerId", equalTo(P1))
                .body("partnerSide", equalTo(true))
                .body("vendorSide", equalTo(false));
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    @OidcSecurity(claims = @Claim(key = "azp", value = "consort-integrator"))
    void integratorIsVendorSide() {
        // quarkus-test-security-oidc sets preferred_username to the user, as Keycloak does for service
        // accounts (service-account-<client>), so the user name wins over azp.
        given().get("/test/problems/whoami").then().statusCode(200)
                .body("origin", equalTo("sync-bot"))
                .body("vendorSide", equalTo(true))
                .body("partnerSide", equalTo(false));
    }
}
