package io.consort.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.gateway.routing.RoutingTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merge on its own (no Quarkus): what makes one document of several a generated client can be built from. */
class MergedOpenApiTest {

    private final RoutingTable table = RoutingTable.of(
            Map.of("campaign", List.of("/api/v1/leads"), "community", List.of("/api/v1/members"),
                    "recruitment", List.of("/api/v1/partners", "/api/v1/programs")),
            Map.of("campaign", "http://127.0.0.1:8083", "community", "http://127.0.0.1:8082", "recruitment", "http://127.0.0.1:8081"),
            Map.of("campaign", List.of("/api/v1/admin/rebuild"), "community", List.of("/api/v1/admin/rebuild")));
    private final MergedOpenApi merger = new MergedOpenApi(table, null, "https://login.example.com/realms/prm", 0);

    @Test
    void schemasAlikeInTextButReferringToDifferentOnesAreToldApartAndTheSameOnesKeptOnce() {
        JsonObject merged = merge();
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        // Problem is the same everywhere: once, under its name.
        assertEquals(Set.of("Problem", "Member", "MemberPage", "CommunityMember", "CommunityMemberPage", "Partner",
                "RebuildReport", "CommunityRebuildReport"), schemas.fieldNames().stream().filter(n -> !n.startsWith("Partner360"))
                .collect(java.util.stream.Collectors.toSet()));
        // Community's MemberPage reads like campaign's, but its items are community's Member, renamed: so it is renamed too.
        assertEquals("#/components/schemas/CommunityMember",
                schemas.getJsonObject("CommunityMemberPage").getJsonObject("properties").getJsonObject("items").getJsonObject("items").getString("$ref"));
        assertEquals("#/components/schemas/Member",
                schemas.getJsonObject("MemberPage").getJsonObject("properties").getJsonObject("items").getJsonObject("items").getString("$ref"));
        assertEquals("#/components/schemas/CommunityMemberPage", answer(merged, "/api/v1/members"));
        assertEquals("#/components/schemas/MemberPage", answer(merged, "/api/v1/leads"));
        JsonObject community = merged.getJsonObject("x-consort-services").getJsonObject("community");
        assertEquals("#/components/schemas/CommunityMemberPage", community.getJsonObject("renamed").getString("#/components/schemas/MemberPage"));
    }

    @Test
    void operationIdsAndTagsTwoServicesUseForDifferentThingsAreToldApart() {
        JsonObject merged = merge();
        assertEquals("listMembers", operation(merged, "/api/v1/leads", "get").getString("operationId"));
        assertEquals("listCommunityMembers", operation(merged, "/api/v1/members", "get").getString("operationId"));
        assertEquals(new JsonArray().add("Members (community)"), operation(merged, "/api/v1/members", "get").getJsonArray("tags"));
        JsonArray tags = merged.getJsonArray("tags");
        List<String> names = tags.stream().map(t -> ((JsonObject) t).getString("name")).toList();
        // "Shared" is the same tag in both: listed once.
        assertEquals(List.of("Members", "Shared", "Administration", "Members (community)", "Partners", "Partner 360"), names);
        assertEquals(names.size(), Set.copyOf(names).size());
    }

    @Test
    void onlyRoutedPathsAreIncludedAndEachServicesRebuildGetsItsGatewayPath() {
        JsonObject paths = merge().getJsonObject("paths");
        assertEquals(Set.of("/api/v1/leads", "/api/v1/members", "/api/v1/partners/{id}", "/api/v1/admin/campaign/rebuild",
                "/api/v1/admin/community/rebuild", "/api/v1/partners/{partnerId}/360"), paths.fieldNames());
        assertEquals("rebuildPartnerView", paths.getJsonObject("/api/v1/admin/campaign/rebuild").getJsonObject("post").getString("operationId"));
        assertEquals("#/components/schemas/CommunityRebuildReport", paths.getJsonObject("/api/v1/admin/community/rebuild")
                .getJsonObject("post").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
    }

    @Test
    void oneOauthSchemeForProtectedOperationsPublicOnesStayPublicAndTheServerIsTheGateway() {
        JsonObject merged = merge();
        assertEquals(Set.of("keycloak"), merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames());
        assertEquals("https://login.example.com/realms/prm/protocol/openid-connect/auth", merged.getJsonObject("components")
                .getJsonObject("securitySchemes").getJsonObject("keycloak").getJsonObject("flows").getJsonObject("authorizationCode")
                .getString("authorizationUrl"));
        assertEquals(new JsonArray().add(new JsonObject().put("keycloak", new JsonArray())),
                operation(merged, "/api/v1/members", "get").getJsonArray("security"));
        assertEquals(new JsonArray(), operation(merged, "/api/v1/leads", "get").getJsonArray("security"));
        assertEquals("http://gateway.test", merged.getJsonArray("servers").getJsonObject(0).getString("url"));
    }

    @Test
    void thePartner360IsTypedWithTheAnswersOfItsSourceOperations() {
        JsonObject merged = merge();
        JsonObject get = operation(merged, "/api/v1/partners/{partnerId}/360", "get");
        assertEquals("getPartner360", get.getString("operationId"));
        assertTrue(get.getString("description").contains("Roles: "));
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals("#/components/schemas/Partner", schemas.getJsonObject("Partner360ProfileSection").getJsonObject("properties")
                .getJsonObject("data").getJsonArray("anyOf").getJsonObject(0).getString("$ref"));
        // No scorecard operation in these documents: that section's data is a plain object.
        assertEquals("object", schemas.getJsonObject("Partner360ScorecardSection").getJsonObject("properties")
                .getJsonObject("data").getJsonArray("anyOf").getJsonObject(0).getString("type"));
        assertEquals(List.of("profile", "scorecard", "openLeads", "openDeals", "mdfBudgets", "community"),
                schemas.getJsonObject("Partner360Sections").getJsonArray("required").getList());
    }

    @Test
    void withoutAnyDocumentThereIsNoPartner360AndTheMissingServicesAreNamed() {
        JsonObject merged = merger.merge(Map.of(), Map.of("recruitment", "unreachable"), "http://gateway.test");
        assertTrue(merged.getJsonObject("paths").isEmpty());
        assertEquals("unavailable", merged.getJsonObject("x-consort-services").getJsonObject("recruitment").getString("status"));
        assertNull(merged.getJsonObject("components").getJsonObject("schemas"));
        assertFalse(merged.getJsonObject("info").getString("description").isEmpty());
    }

    private JsonObject merge() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("campaign", campaign());
        documents.put("community", community());
        documents.put("recruitment", recruitment());
        return merger.merge(documents, Map.of(), "http://gateway.test");
    }

    private static JsonObject campaign() {
        JsonObject paths = new JsonObject()
                .put("/api/v1/leads", new JsonObject().put("get", op("listMembers", "Members", ok("MemberPage")).put("security", new JsonArray())))
                .put("/api/v1/admin/rebuild", new JsonObject().put("post", op("rebuildPartnerView", "Administration", ok("RebuildReport"))))
                // Someone else's path in this document is not taken from it.
                .put("/api/v1/members/{id}", new JsonObject().put("get", op("getMemberElsewhere", "Members", ok("Member"))));
        return doc(paths, schemas("Member", object("name", new JsonObject().put("type", "string")))
                .put("RebuildReport", object("partners", new JsonObject().put("type", "integer"))),
                tag("Members", "Leads of members"), tag("Shared", "the same"), tag("Administration", "campaign's rebuild"));
    }

    private static JsonObject community() {
        JsonObject paths = new JsonObject()
                .put("/api/v1/members", new JsonObject().put("get", op("listMembers", "Members", ok("MemberPage"))))
                .put("/api/v1/admin/rebuild", new JsonObject().put("post", op("rebuildMemberships", "Administration", ok("RebuildReport"))))
                .put("/api/v1/admin/outbox", new JsonObject().put("get", op("getOutbox", "Administration", ok("RebuildReport"))));
        return doc(paths, schemas("Member", object("level", new JsonObject().put("type", "string")))
                .put("RebuildReport", object("members", new JsonObject().put("type", "integer"))),
                tag("Members", "Community members"), tag("Shared", "the same"), tag("Administration", "campaign's rebuild"));
    }

    private static JsonObject recruitment() {
        JsonObject paths = new JsonObject()
                .put("/api/v1/partners/{id}", new JsonObject().put("get", op("getPartner", "Partners", ok("Partner"))))
                // Recruitment exposes no admin path through the gateway.
                .put("/api/v1/admin/rebuild", new JsonObject().put("post", op("rebuildEverything", "Partners", ok("Partner"))));
        return doc(paths, new JsonObject().put("Problem", problem()).put("Partner", object("name", new JsonObject().put("type", "string"))),
                tag("Partners", "Partners"));
    }

    private static JsonObject schemas(String member, JsonObject memberSchema) {
        return new JsonObject().put("Problem", problem()).put(member, memberSchema)
                .put("MemberPage", object("items", new JsonObject().put("type", "array").put("items", ref("Member"))));
    }

    private static JsonObject doc(JsonObject paths, JsonObject schemas, JsonObject... tags) {
        return new JsonObject().put("openapi", "3.1.0").put("info", new JsonObject().put("title", "t").put("version", "1"))
                .put("tags", new JsonArray(List.of((Object[]) tags))).put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes",
                        new JsonObject().put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer"))));
    }

    private static JsonObject op(String id, String tag, JsonObject ok) {
        return new JsonObject().put("operationId", id).put("tags", new JsonArray().add(tag))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("responses", new JsonObject().put("200", ok));
    }

    private static JsonObject ok(String schema) {
        return new JsonObject().put("description", "OK").put("content",
                new JsonObject().put("application/json", new JsonObject().put("schema", ref(schema))));
    }

    private static JsonObject object(String property, JsonObject schema) {
        return new JsonObject().put("type", "object").put("properties", new JsonObject().put(property, schema));
    }

    private static JsonObject problem() {
        return object("status", new JsonObject().put("type", "integer"));
    }

    private static JsonObject ref(String schema) {
        return new JsonObject().put("$ref", "#/components/schemas/" + schema);
    }

    private static JsonObject tag(String name, String description) {
        return new JsonObject().put("name", name).put("description", description);
    }

    private static JsonObject operation(JsonObject merged, String path, String method) {
        return merged.getJsonObject("paths").getJsonObject(path).getJsonObject(method);
    }

    private static String answer(JsonObject merged, String path) {
        return operation(merged, path, "get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref");
    }
}
