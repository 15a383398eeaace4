package io.consort.campaign.support;

import io.consort.chassis.openapi.ApiDocs;

/**
 * Error statuses this service's operations add to what the chassis' {@code ConsortOpenApiFilter} documents by
 * itself (400, 401/403, 404 on a path with a parameter, 409 on writes, 412 where If-Match is read, 422 on POSTs),
 * used as {@code @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)}: one line instead of
 * the block of {@code @APIResponse}s every If-Match action of deals and MDF repeated (which, written on a list,
 * also kept SmallRye from documenting its typed 200).
 */
public final class ApiErrors {

    /** Actions that refuse a change without If-Match: 428 besides the 412 of a stale one. */
    public static final String IF_MATCH_REQUIRED = "428";

    /** Lists whose {@code partnerId} filter answers 404 for a partner the caller may not see. */
    public static final String PARTNER_FILTER = "404";

    /** Value of {@link ApiDocs#ERRORS} for the public, rate-limited endpoints. */
    public static final String RATE_LIMITED = "429";

    private ApiErrors() {
    }
}
