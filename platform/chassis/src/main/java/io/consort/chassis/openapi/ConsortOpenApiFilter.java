package io.consort.chassis.openapi;

import io.consort.contracts.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes every service's OpenAPI document speak the suite's conventions (api.md), so that each service
 * only annotates what is its own (operation ids, summaries, typed answers) and a generated client is
 * fully typed:
 * <ul>
 * <li>the shared {@code Problem} schema (RFC 9457, with its validation {@code errors} and the
 * {@code requestId}) and an {@code application/problem+json} answer of it for every error status an
 * operation can give: 400 always; 401, 403 and 503 (identity provider down) when it needs a token; 404
 * when its path has a parameter; 409 for writes; 412 when it reads {@code If-Match}; 409/422 for the
 * idempotency key of a POST; 415 when it takes a body. An error answer the resource declared itself
 * keeps its description and gets the problem body;</li>
 * <li>one security scheme, {@code bearer} (a JWT of Keycloak realm {@code prm}). Quarkus lists the
 * {@code @RolesAllowed} roles as scopes of the requirement, which an OAuth client would then ask Keycloak
 * for; they are realm roles, not scopes, so they move into the operation's description ("Roles: ...")
 * and the requirement keeps no scopes. An operation declaring {@code security: []}
 * ({@code @SecurityRequirementsSet({})}) stays public and gets no 401/403;</li>
 * <li>the header components: {@code Idempotency-Key} on every POST, {@code If-Match} wherever the
 * operation reads it, {@code Location} + {@code ETag} on 201, {@code ETag} on the 2xx of operations marked
 * {@link ApiDocs#ETAG}, {@code Retry-After} on 429/503, {@code Idempotent-Replayed} on replayed POSTs;</li>
 * <li>{@code required} on every property of schemas only ever sent by the service (its answers):
 * Jackson writes every field, null or not, so a property is always present; whether it may be null is
 * what {@code nullable = true} declares.</li>
 * </ul>
 * Runs when the document is built, so the document stored in {@code target/openapi} (what the api-checks
 * module lints) is the one {@code /q/openapi} serves.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE)
public class ConsortOpenApiFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String REF = "#/components/";
    private static final String ROLES_PREFIX = "Roles: ";

    /** Error answers the filter adds, by status: the component name and its description. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[] { "BadRequest", "The request is malformed or a value is invalid (`errors` "
                + "names each field)" });
        ERRORS.put("401", new String[] { "Unauthorized", "No token, or a bad or expired one (with `WWW-Authenticate: "
                + "Bearer`)" });
        ERRORS.put("403", new String[] { "Forbidden", "The caller's roles do not allow this operation" });
        ERRORS.put("404", new String[] { "NotFound", "No such resource, or one the caller may not see" });
        ERRORS.put("409", new String[] { "Conflict", "The resource's state does not allow this, it was changed "
                + "meanwhile, "
                + "or a request with the same Idempotency-Key is still running" });
        ERRORS.put("412", new String[] { "PreconditionFailed", "If-Match does not name the current version (ETag)" });
        ERRORS.put("413", new String[] { "PayloadTooLarge", "The body is larger than this operation accepts" });
        ERRORS.put("415", new String[] { "UnsupportedMediaType",
                "The body's Content-Type is not one this operation takes" });
        ERRORS.put("422", new String[] { "Unprocessable", "A business rule refuses the request, or the Idempotency-Key "
                + "was used before for another request" });
        ERRORS.put("428", new String[] { "PreconditionRequired", "If-Match is required for this change" });
        ERRORS.put("429", new String[] { "TooManyRequests", "Rate limited; retry after Retry-After seconds" });
        ERRORS.put("500", new String[] { "InternalError", "An unexpected failure; quote `requestId` when reporting "
                + "it" });
        ERRORS.put("503", new String[] { "ServiceUnavailable", "A dependency (such as the identity provider) is down; "
                + "retry after Retry-After seconds" });
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addProblemSchemas(components);
        addSecurityScheme(components);
        addHeadersAndParameters(components);
        addErrorResponses(components);
        openAPI.setSecurity(null);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (item.getOperations() != null) {
                    item.getOperations().forEach((method, operation) -> operation(path, item, method, operation));
                }
            });
        }
        markResponseFieldsRequired(openAPI);
        ndjsonAsText(openAPI);
        nullableReferences(components);
    }

    // ---------------------------------------------------------------- components

    private static void addProblemSchemas(Components components) {
        Schema fieldError = object()
                .description("One invalid input")
                .addProperty("field", string().description("JSON path of the body field (`idealProfile.regions[0]`) or "
                        + "the parameter's name (`limit`)").examples(List.of("contactEmail")))
                .addProperty("message", string().description("What is wrong with it").examples(List.of("must be a "
                        + "well-formed email address")))
                .required(List.of("field", "message"));
        List<String> slugs = new ArrayList<>();
        for (ProblemType t : ProblemType.values()) {
            slugs.add(t.uri().toString());
        }
        Schema problem = object()
                .description("RFC 9457 problem details: the body of every error answer (`application/problem+json`)")
                .addProperty("type", string().format("uri").description("What kind of problem; clients branch on it. "
                        + "One of the suite's problem types").enumeration(new ArrayList<>(slugs)))
                .addProperty("title", string().description("Short summary of the problem "
                        + "type").examples(List.of("Invalid input")))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32").minimum(
                        java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)).examples(List.of(400)))
                .addProperty("detail", string().description("What went wrong in this occurrence").examples(
                        List.of("the program fields are not valid")))
                .addProperty("instance", string().description("The request path").examples(List.of("/api/v1/programs")))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("Validation failures only: one entry per invalid field")
                        .items(ref("schemas/" + ApiDocs.PROBLEM_FIELD_ERROR)))
                .addProperty("requestId", string().description("The request's id (the gateway's X-Request-Id, or one "
                        + "the "
                        + "service made): every log line of the request carries it. Always on 500s").examples(
                                List.of("6f1c1f0e-3b1a-4f55-9e1e-2f5b7d1f2a3c")))
                .required(List.of("type", "title", "status"))
                .examples(List.of(Map.of("type", ProblemType.VALIDATION.uri().toString(), "title", "Invalid input",
                        "status", 400, "detail", "the program fields are not valid", "instance", "/api/v1/programs",
                        "errors", List.of(Map.of("field", "name", "message", "must not be blank")))));
        components.addSchema(ApiDocs.PROBLEM_FIELD_ERROR, fieldError);
        components.addSchema(ApiDocs.PROBLEM, problem);
    }

    private static void addSecurityScheme(Components components) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(ApiDocs.BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token of Keycloak realm `prm` (audience `consort-api`). What a caller may do "
                        + "follows from its realm roles (prm-admin, channel-manager, integrator, partner-admin, "
                        + "partner-user), which each operation's description names; roles are not OAuth scopes, so "
                        + "no scope needs to be requested."));
        components.setSecuritySchemes(schemes);
    }

    private static void addHeadersAndParameters(Components components) {
        components.addParameter(ApiDocs.IDEMPOTENCY_KEY, OASFactory.createParameter()
                .name("Idempotency-Key").in(Parameter.In.HEADER).required(false)
                .description("Makes a retry safe: a repeat with the same key and body gets the first answer "
                        + "(`Idempotent-Replayed: true`) and changes nothing; the same key with another body is a 422, "
                        + "while the first is still running a 409. Keys are kept 24 h per caller; use a fresh UUID")
                .schema(string().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")
                        .examples(List.of("0b5c8a4e-7f1d-4c2b-9e3a-6d5f4c3b2a19"))));
        components.addParameter(ApiDocs.IF_MATCH, OASFactory.createParameter()
                .name("If-Match").in(Parameter.In.HEADER).required(false)
                .description("The ETag of the version the change is based on; a stale one is a 412")
                .schema(string().examples(List.of("\"3\""))));
        components.addHeader(ApiDocs.ETAG_HEADER, OASFactory.createHeader()
                .description("The resource's version as a strong entity tag; send it back as If-Match")
                .schema(string().examples(List.of("\"3\""))));
        components.addHeader(ApiDocs.LOCATION_HEADER, OASFactory.createHeader()
                .description("The URL of the created resource")
                .schema(string().format("uri-reference").examples(List.of("/api/v1/programs/0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d"))));
        components.addHeader(ApiDocs.RETRY_AFTER_HEADER, OASFactory.createHeader()
                .description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)
                        .examples(List.of(30))));
        components.addHeader(ApiDocs.IDEMPOTENT_REPLAYED_HEADER, OASFactory.createHeader()
                .description("`true` when this is the stored answer to an earlier request with the same "
                        + "Idempotency-Key")
                .schema(string().enumeration(new ArrayList<>(List.of("true")))));
    }

    private static void addErrorResponses(Components components) {
        ERRORS.forEach((status, names) -> {
            APIResponse response = OASFactory.createAPIResponse().description(names[1]).content(problemContent());
            if (status.equals("429") || status.equals("503")) {
                response.addHeader("Retry-After", headerRef(ApiDocs.RETRY_AFTER_HEADER));
            }
            components.addResponse(names[0], response);
        });
    }

    // ---------------------------------------------------------------- operations

    private void operation(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!isPublic) {
            Set<String> roles = new LinkedHashSet<>();
            if (operation.getSecurity() != null) {
                for (SecurityRequirement requirement : operation.getSecurity()) {
                    if (requirement.getSchemes() != null) {
                        requirement.getSchemes().values().forEach(scopes -> {
                            if (scopes != null) {
                                roles.addAll(scopes);
                            }
                        });
                    }
                }
            }
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(ApiDocs.BEARER, List.of())));
            describeRoles(operation, roles);
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        replaceHeaderParameter(item, operation, "If-Match", ApiDocs.IF_MATCH);
        boolean readsIfMatch = hasParameter(operation, "If-Match");
        if (method == PathItem.HttpMethod.POST) {
            replaceHeaderParameter(item, operation, "Idempotency-Key", ApiDocs.IDEMPOTENCY_KEY);
            if (!hasParameter(operation, "Idempotency-Key")) {
                operation.addParameter(parameterRef(ApiDocs.IDEMPOTENCY_KEY));
            }
        }
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        Set<String> statuses = new LinkedHashSet<>();
        statuses.add("400");
        if (!isPublic) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (write) {
            statuses.add("409");
        }
        if (readsIfMatch) {
            statuses.add("412");
        }
        if (operation.getRequestBody() != null) {
            statuses.add("415");
        }
        if (method == PathItem.HttpMethod.POST) {
            statuses.add("422");
        }
        if (!isPublic) {
            statuses.add("503");
        }
        statuses.add("500");
        Object extra = operation.getExtensions() == null ? null : operation.getExtensions().get(ApiDocs.ERRORS);
        if (extra != null) {
            for (String status : extra.toString().split(",")) {
                if (ERRORS.containsKey(status.strip())) {
                    statuses.add(status.strip());
                }
            }
            operation.removeExtension(ApiDocs.ERRORS);
        }
        for (String status : statuses) {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, responseRef(ERRORS.get(status)[0]));
            }
        }
        boolean etag = Boolean.TRUE.equals(asBoolean(operation.getExtensions() == null ? null
                : operation.getExtensions().get(ApiDocs.ETAG)));
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(ApiDocs.ETAG)) {
            operation.removeExtension(ApiDocs.ETAG);
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problemContent());
                }
                if (response.getDescription() == null || response.getDescription().isBlank()
                        || response.getDescription().equals("Not "
                                + "Authorized") || response.getDescription().equals("Not Allowed")) {
                    String[] names = ERRORS.get(status);
                    response.setDescription(names == null ? "An error (problem details)" : names[1]);
                }
                if ((status.equals("429") || status.equals("503")) && !hasHeader(response, "Retry-After")) {
                    response.addHeader("Retry-After", headerRef(ApiDocs.RETRY_AFTER_HEADER));
                }
                return;
            }
            if (status.equals("201")) {
                addHeader(response, "Location", ApiDocs.LOCATION_HEADER);
                addHeader(response, "ETag", ApiDocs.ETAG_HEADER);
            } else if (etag && status.startsWith("2") && !status.equals("204")) {
                addHeader(response, "ETag", ApiDocs.ETAG_HEADER);
            }
            if (method == PathItem.HttpMethod.POST && status.startsWith("2")) {
                addHeader(response, "Idempotent-Replayed", ApiDocs.IDEMPOTENT_REPLAYED_HEADER);
            }
        });
        // Error answers in ascending order after the success ones, as readers expect.
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
    }

    /** The component name of the shared error answer of a status ({@code 404} -> {@code NotFound}). */
    static String responseName(String status) {
        return ERRORS.get(status)[0];
    }

    private static void describeRoles(Operation operation, Set<String> roles) {
        String description = operation.getDescription() == null ? "" : operation.getDescription().strip();
        if (description.contains(ROLES_PREFIX)) {
            return;
        }
        String sentence = roles.isEmpty() ? ROLES_PREFIX + "any authenticated caller."
                : ROLES_PREFIX + String.join(", ", roles) + ".";
        operation.setDescription(description.isEmpty() ? sentence : description + "\n\n" + sentence);
    }

    private static void replaceHeaderParameter(PathItem item, Operation operation, String name, String component) {
        if (operation.getParameters() == null) {
            return;
        }
        List<Parameter> parameters = new ArrayList<>(operation.getParameters());
        boolean changed = false;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (p.getRef() == null && p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName())) {
                parameters.set(i, parameterRef(component));
                changed = true;
            }
        }
        if (changed) {
            operation.setParameters(parameters);
        }
    }

    private static boolean hasParameter(Operation operation, String header) {
        if (operation.getParameters() == null) {
            return false;
        }
        String component = header.equals("If-Match") ? ApiDocs.IF_MATCH : ApiDocs.IDEMPOTENCY_KEY;
        for (Parameter p : operation.getParameters()) {
            if (p.getRef() != null ? p.getRef().endsWith("/" + component)
                    : p.getIn() == Parameter.In.HEADER && header.equalsIgnoreCase(p.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHeader(APIResponse response, String name) {
        return response.getHeaders() != null && response.getHeaders().keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    private static void addHeader(APIResponse response, String name, String component) {
        if (!hasHeader(response, name)) {
            response.addHeader(name, headerRef(component));
        }
    }

    private static Boolean asBoolean(Object value) {
        return value == null ? null : Boolean.valueOf(value.toString());
    }

    // ---------------------------------------------------------------- required answer fields

    /**
     * Marks every property of the schemas reached only from answers (never from a request body or a
     * parameter) as required; a property that may be null says so with its type (nullable).
     */
    private static void markResponseFieldsRequired(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> fromRequests = new HashSet<>();
        Set<String> fromResponses = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation op : item.getOperations().values()) {
                if (op.getRequestBody() != null) {
                    collect(op.getRequestBody().getContent(), components, fromRequests);
                }
                if (op.getParameters() != null) {
                    for (Parameter p : op.getParameters()) {
                        collect(p.getSchema(), components, fromRequests);
                    }
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                        collect(r.getContent(), components, fromResponses);
                    }
                }
            }
        }
        fromResponses.removeAll(fromRequests);
        fromResponses.remove(ApiDocs.PROBLEM);
        fromResponses.remove(ApiDocs.PROBLEM_FIELD_ERROR);
        for (String name : fromResponses) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static void collect(Content content, Components components, Set<String> names) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            collect(media.getSchema(), components, names);
        }
    }

    private static void collect(Schema root, Components components, Set<String> names) {
        Deque<Schema> work = new ArrayDeque<>();
        if (root != null) {
            work.push(root);
        }
        while (!work.isEmpty()) {
            Schema s = work.pop();
            if (s.getRef() != null) {
                String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
                Schema target = components.getSchemas().get(name);
                if (names.add(name) && target != null) {
                    work.push(target);
                }
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(work::push);
            }
            if (s.getItems() != null) {
                work.push(s.getItems());
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                work.push(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> list : new ArrayList<List<Schema>>(java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(),
                    s.getOneOf()))) {
                if (list != null) {
                    list.forEach(work::push);
                }
            }
        }
    }

    // ---------------------------------------------------------------- nullable references

    /**
     * SmallRye writes a nullable field of a referenced type as {@code type: [string, "null"]} beside
     * {@code anyOf: [{$ref: UUID}, {type: "null"}]}; generators take the first branch and lose the null. A
     * reference to a scalar schema (UUID, Instant: a string with a format) is inlined as
     * {@code type: [string, "null"], format: uuid}; a reference to an object keeps only the {@code anyOf}.
     */
    private static void nullableReferences(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (Schema schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                List<Schema> anyOf = property.getAnyOf();
                if (anyOf == null || anyOf.size() != 2 || anyOf.get(1).getType() == null
                        || !anyOf.get(1).getType().equals(List.of(SchemaType.NULL)) || anyOf.get(0).getRef() == null) {
                    continue;
                }
                String ref = anyOf.get(0).getRef();
                Schema target = components.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
                if (target != null && target.getProperties() == null && target.getType() != null
                        && !target.getType().contains(SchemaType.OBJECT) && !target.getType().contains(SchemaType.ARRAY)
                        && target.getEnumeration() == null) {
                    List<SchemaType> types = new ArrayList<>(target.getType());
                    types.add(SchemaType.NULL);
                    property.setType(types);
                    if (property.getFormat() == null) {
                        property.setFormat(target.getFormat());
                    }
                    property.setAnyOf(null);
                } else {
                    property.setType(null);
                }
            }
        }
    }

    // ---------------------------------------------------------------- NDJSON

    /**
     * An {@code application/x-ndjson} body or answer is text, one JSON value a line; the schema a resource
     * gave it is the schema of one line. JSON Schema says exactly that with {@code contentMediaType} +
     * {@code contentSchema} on a string, so a generated client sends and receives the text (rather than
     * serialising one object) and a reader still finds the line schema.
     */
    private static void ndjsonAsText(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation op : item.getOperations().values()) {
                if (op.getRequestBody() != null) {
                    ndjsonAsText(op.getRequestBody().getContent());
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> ndjsonAsText(r.getContent()));
                }
            }
        }
    }

    private static void ndjsonAsText(Content content) {
        MediaType media = content == null || content.getMediaTypes() == null ? null
                : content.getMediaTypes().get(ApiDocs.NDJSON);
        if (media == null || media.getSchema() == null || media.getSchema().getContentSchema() != null) {
            return;
        }
        Schema line = media.getSchema();
        String name = line.getRef() == null ? "JSON "
                + "value" : line.getRef().substring(line.getRef().lastIndexOf('/') + 1);
        media.setSchema(string()
                .description("NDJSON: one " + name + " object a line (UTF-8, lines separated by \\n)")
                .contentMediaType(ApiDocs.NDJSON)
                .contentSchema(line));
    }

    // ---------------------------------------------------------------- helpers

    private static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema ref(String component) {
        return OASFactory.createSchema().ref(REF + component);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_JSON,
                OASFactory.createMediaType().schema(ref("schemas/" + ApiDocs.PROBLEM)));
    }

    private static APIResponse responseRef(String name) {
        return OASFactory.createAPIResponse().ref(REF + "responses/" + name);
    }

    private static Parameter parameterRef(String name) {
        return OASFactory.createParameter().ref(REF + "parameters/" + name);
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref(REF + "headers/" + name);
    }
}
