package io.consort.chassis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.problem.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class ConsortOpenApiFilterTest {

    static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    static OpenAPI document() {
        Schema thing = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("id", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("note", OASFactory.createSchema().addType(SchemaType.STRING).addType(SchemaType.NULL));
        Schema request = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("note", OASFactory.createSchema().addType(SchemaType.STRING));
        Operation create = OASFactory.createOperation().operationId("createThing").summary("Create a thing")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme",
                        List.of("prm-admin", "channel-manager")))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType(
                        "application/json", OASFactory.createMediaType().schema(ref("ThingRequest")))))
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse()
                        .description("Created").content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(ref("Thing"))))));
        Operation replace = OASFactory.createOperation().operationId("replaceThing").summary("Replace a thing")
                .description("Replaces it")
                .addExtension(ApiDocs.ETAG, "true")
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING)))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", List.of()))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK").content(
                                OASFactory.createContent().addMediaType("application/json",
                                        OASFactory.createMediaType().schema(ref("Thing")))))
                        .addAPIResponse("422", OASFactory.createAPIResponse().description("No more things")));
        Operation browse = OASFactory.createOperation().operationId("browseThings").summary("Browse things")
                .security(List.of())
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("OK").content(OASFactory.createContent().addMediaType("application/x-ndjson",
                                OASFactory.createMediaType().schema(ref("Thing"))))));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Thing", thing).addSchema("ThingRequest", request))
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/v1/things", OASFactory.createPathItem().POST(create).GET(browse))
                        .addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().PUT(replace)));
    }

    static OpenAPI filtered() {
        OpenAPI api = document();
        new ConsortOpenApiFilter().filterOpenAPI(api);
        return api;
    }

    @Test
    void rolesAreNamedInTheDescriptionNotRequestedAsScopes() {
        OpenAPI api = filtered();
        Operation create = api.getPaths().getPathItem("/api/v1/things").getPOST();
        assertEquals(Set.of("bearer"), api.getComponents().getSecuritySchemes().keySet());
        assertEquals(List.of(), create.getSecurity().get(0).getScheme("bearer"));
        assertEquals("Roles: prm-admin, channel-manager.", create.getDescription());
        Operation replace = api.getPaths().getPathItem("/api/v1/things/{id}").getPUT();
        assertEquals("Replaces it\n\nRoles: any authenticated caller.", replace.getDescription());
    }

    @Test
    void aPublicOperationStaysPublicWithoutAuthenticationAnswers() {
        Operation browse = filtered().getPaths().getPathItem("/api/v1/things").getGET();
        assertEquals(List.of(), browse.getSecurity());
        assertFalse(browse.getResponses().hasAPIResponse("401"));
        assertFalse(browse.getResponses().hasAPIResponse("403"));
        assertTrue(browse.getResponses().hasAPIResponse("400"));
    }

    @Test
    void everyErrorAnswerIsTheSharedProblem() {
        OpenAPI api = filtered();
        Operation create = api.getPaths().getPathItem("/api/v1/things").getPOST();
        for (String status : List.of("400", "401", "403", "409", "415", "422", "500", "503")) {
            assertEquals("#/components/responses/" + ConsortOpenApiFilter.responseName(status),
                    create.getResponses().getAPIResponse(status).getRef(), status);
        }
        assertFalse(create.getResponses().hasAPIResponse("404"), "no path parameter, no 404");
        Operation replace = api.getPaths().getPathItem("/api/v1/things/{id}").getPUT();
        assertTrue(replace.getResponses().hasAPIResponse("404"));
        assertTrue(replace.getResponses().hasAPIResponse("412"), "reads If-Match");
        // Declared by the resource: keeps its description, gets the problem body.
        assertEquals("No more things", replace.getResponses().getAPIResponse("422").getDescription());
        assertEquals("#/components/schemas/Problem", replace.getResponses().getAPIResponse("422").getContent()
                .getMediaType("application/problem+json").getSchema().getRef());
        assertNotNull(api.getComponents().getResponses().get("TooManyRequests").getHeaders().get("Retry-After"));
    }

    @Test
    void theProblemSchemaHasEveryFieldOfTheProblemRecord() {
        Schema problem = filtered().getComponents().getSchemas().get(ApiDocs.PROBLEM);
        Set<String> fields = Arrays.stream(Problem.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toSet());
        assertEquals(fields, problem.getProperties().keySet());
        Set<String> errorFields = Arrays.stream(Problem.FieldError.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toSet());
        assertEquals(errorFields, filtered().getComponents().getSchemas().get(ApiDocs.PROBLEM_FIELD_ERROR)
                .getProperties().keySet());
    }

    @Test
    void headersOfCreationConcurrencyAndIdempotencyAreDocumented() {
        OpenAPI api = filtered();
        Operation create = api.getPaths().getPathItem("/api/v1/things").getPOST();
        assertEquals("#/components/parameters/IdempotencyKey", create.getParameters().get(0).getRef());
        assertEquals("#/components/headers/Location",
                create.getResponses().getAPIResponse("201").getHeaders().get("Location").getRef());
        assertEquals("#/components/headers/ETag",
                create.getResponses().getAPIResponse("201").getHeaders().get("ETag").getRef());
        Operation replace = api.getPaths().getPathItem("/api/v1/things/{id}").getPUT();
        assertEquals("#/components/parameters/IfMatch", replace.getParameters().get(0).getRef());
        assertEquals("#/components/headers/ETag",
                replace.getResponses().getAPIResponse("200").getHeaders().get("ETag").getRef());
        assertNull(replace.getExtensions() == null ? null : replace.getExtensions().get(ApiDocs.ETAG));
    }

    @Test
    void answerOnlySchemasRequireEveryFieldAndRequestSchemasKeepTheirOwn() {
        OpenAPI api = filtered();
        assertEquals(List.of("id", "note"), api.getComponents().getSchemas().get("Thing").getRequired());
        assertNull(api.getComponents().getSchemas().get("ThingRequest").getRequired());
    }

    @Test
    void aNullableReferenceToAScalarIsInlinedAndToAnObjectKeepsOnlyItsAnyOf() {
        OpenAPI api = document();
        api.getComponents().addSchema("UUID", OASFactory.createSchema().addType(SchemaType.STRING).format("uuid"));
        api.getComponents().getSchemas().get("Thing")
                .addProperty("parentId", OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL))
                        .anyOf(List.of(ref("UUID"), OASFactory.createSchema().addType(SchemaType.NULL))))
                .addProperty("twin", OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL))
                        .anyOf(List.of(ref("ThingRequest"), OASFactory.createSchema().addType(SchemaType.NULL))));
        new ConsortOpenApiFilter().filterOpenAPI(api);
        Schema parentId = api.getComponents().getSchemas().get("Thing").getProperties().get("parentId");
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), parentId.getType());
        assertEquals("uuid", parentId.getFormat());
        assertNull(parentId.getAnyOf());
        Schema twin = api.getComponents().getSchemas().get("Thing").getProperties().get("twin");
        assertNull(twin.getType());
        assertEquals(2, twin.getAnyOf().size());
    }

    @Test
    void ndjsonIsTextWhoseLinesHaveTheSchema() {
        Schema body = filtered().getPaths().getPathItem("/api/v1/things").getGET().getResponses()
                .getAPIResponse("200").getContent().getMediaType("application/x-ndjson").getSchema();
        assertEquals(List.of(SchemaType.STRING), body.getType());
        assertEquals("application/x-ndjson", body.getContentMediaType());
        assertEquals("#/components/schemas/Thing", body.getContentSchema().getRef());
    }
}
