package io.consort.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Issue 16, one API document: the services' documents merged at /q/openapi, and Swagger UI over it. */
@QuarkusTest
class DocsTest {

    @Test
    void theMergedDocumentHasEveryServicesPathsOneSchemeAndTheGatewayAsServer() {
        given().get("/q/openapi").then()
                .statusCode(200)
                .contentType("application/json")
                .body("info.title", equalTo("Consort PRM API"))
                .body("servers[0].url", startsWith("http://"))
                .body("servers[0].url", containsString(":" + RestAssured.port))
                // Paths of both documents; never admin or /q paths.
                .body("paths", hasKey("/api/v1/programs"))
                .body("paths", hasKey("/api/v1/members/{partnerId}"))
                .body("paths", not(hasKey("/api/v1/admin/outbox")))
                // The one operation the gateway answers itself.
                .body("paths", hasKey("/api/v1/partners/{partnerId}/360"))
                .body("paths.'/api/v1/partners/{partnerId}/360'.get.operationId", equalTo("getPartner360"))
                // One scheme, the realm's authorization-code flow; public operations stay public.
                .body("components.securitySchemes.keySet()", equalTo(java.util.Set.of("keycloak")))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        equalTo("https://consort.test/realms/prm/protocol/openid-connect/auth"))
                .body("paths.'/api/v1/programs'.get.security[0]", hasKey("keycloak"))
                .body("paths.'/api/v1/applications'.post.security.size()", equalTo(0))
                // Same schema twice is kept once; two different ones of one name are told apart and refs follow.
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("RecruitmentProblem")))
                .body("components.schemas.Member.properties.problem.'$ref'", equalTo("#/components/schemas/Problem"))
                // (services in name order: community keeps the plain name, recruitment's is renamed)
                .body("components.schemas.Member.properties", hasKey("partnerId"))
                .body("components.schemas.RecruitmentMember.properties", hasKey("userId"))
                .body("paths.'/api/v1/members/{partnerId}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Member"))
                .body("paths.'/api/v1/programs'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/RecruitmentMember"))
                // Services without a document are left out, and the document says why.
                .body("'x-consort-services'.recruitment.status", equalTo("included"))
                .body("'x-consort-services'.campaign.status", equalTo("unavailable"))
                .body("'x-consort-services'.campaign.reason", equalTo("its document answered 404"))
                .body("'x-consort-services'.performance.reason", equalTo("it serves no OpenAPI document"))
                .body("'x-consort-services'.dead.reason", startsWith("unreachable"))
                .body("info.description", containsString("Left out because their service gave no document just now: "));
    }

    @Test
    void swaggerUiServesTheMergedDocumentWithTheRealmsLoginAndPkce() {
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(302).header("Location", "/q/swagger-ui/");
        given().get("/q/swagger-ui/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("url: \"/q/openapi\""))
                .body(containsString("clientId: \"consort-portal\""))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200);
        given().get("/q/swagger-ui/nothing-here.js").then().statusCode(404);
    }
}
