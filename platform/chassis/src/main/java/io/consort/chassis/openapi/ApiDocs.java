package io.consort.chassis.openapi;

/**
 * Names a resource uses in its OpenAPI annotations to reach what {@link ConsortOpenApiFilter} adds to every
 * service's document: the shared {@code Problem} schema, the bearer scheme, and the header components.
 *
 * <pre>{@code
 * @GET @Path("{id}")
 * @Operation(operationId = "getPartner", summary = "Read a partner", description = "...")
 * @APIResponseSchema(PartnerResponse.class)
 * @Extension(name = ApiDocs.ETAG, value = "true")        // 2xx answers carry ETag
 * public Response get(...)
 * }</pre>
 */
public final class ApiDocs {

    /** Operation extension: its success answers carry the resource's {@code ETag}. */
    public static final String ETAG = "x-consort-etag";

    /**
     * Operation extension: further error statuses it answers with the shared problem (comma-separated, e.g.
     * {@code "429"} for a rate-limited endpoint). Unlike {@code @APIResponse}, it does not stop SmallRye from
     * documenting the typed success answer of the method's return type.
     */
    public static final String ERRORS = "x-consort-errors";

    /** The shared problem schema (RFC 9457) and its validation entry. */
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_FIELD_ERROR = "ProblemFieldError";

    /** The one security scheme: a bearer token of Keycloak realm {@code prm}. */
    public static final String BEARER = "bearer";

    /** Parameter components. */
    public static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    public static final String IF_MATCH = "IfMatch";

    /** Header components. */
    public static final String ETAG_HEADER = "ETag";
    public static final String LOCATION_HEADER = "Location";
    public static final String RETRY_AFTER_HEADER = "RetryAfter";
    public static final String IDEMPOTENT_REPLAYED_HEADER = "IdempotentReplayed";

    /** The NDJSON media type of bulk operations. */
    public static final String NDJSON = "application/x-ndjson";

    private ApiDocs() {
    }
}
