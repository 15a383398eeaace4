package io.consort.recruitment.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.idempotency.IdempotencyFilter;
import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.roundtrip.ReadOnlyFields;
import io.consort.chassis.roundtrip.RoundTrip;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.chassis.bulk.Ndjson;
import io.consort.chassis.paging.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partner organisations. Vendor-side callers see all of them; partner-side callers only their own (and
 * a partner-admin its children), which the chassis partner-scope filter enforces on every query of
 * {@link Partner}.
 */
@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner organisations")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
public class PartnerResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    /** The orders ?sort= offers. */
    static final Sort.Fields SORTS = Sort.fields("createdAt", "updatedAt", "name");

    @Inject
    PartnerReads reads;

    @Inject
    PartnerPatches patches;

    @Inject
    PartnerUpserts upserts;

    @Inject
    PartnerLifecycle lifecycle;

    @Inject
    PartnerChanges changes;

    @Inject
    PartnerBulkUpsert bulk;

    @Inject
    CallerScope caller;

    @Inject
    ObjectMapper mapper;

    @Inject
    ReadOnlyFields readOnly;

    @GET
    @Path("{id}")
    @APIResponseSchema(value = PartnerResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "getPartner", summary = "Read a partner",
            description = "Read a partner; another partner's id answers 404")
    public Response get(@PathParam("id") UUID id) {
        caller.requirePartnerAccess(id);
        return ok(reads.get(id));
    }

    @GET
    @Operation(operationId = "listPartners", summary = "List partners",
            description = "List the partners the caller may see, oldest first (or in the order sort asks), one cursor "
            + "page at a time")
    public Page<PartnerResponse> list(@BeanParam PageRequest page,
            @Parameter(name = Sort.PARAMETER, description = "Order of the list: a field, - in front for descending; "
                    + "ties by id in the same direction. A cursor continues only the order it was made for",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "createdAt", "-createdAt",
                    "updatedAt", "-updatedAt", "name", "-name" },
                    defaultValue = "createdAt")) @QueryParam(Sort.PARAMETER) String sort,
                    @Parameter(description = "Only partners in this program",
                    schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("programId") String programId,
            @Parameter(description = "Only partners in this state",
                    schema = @Schema(implementation = PartnerState.class)) @QueryParam("state") String state) {
        return reads.list(page, SORTS.parse(sort), QueryParams.uuid("programId", programId),
                QueryParams.enumValue("state", state, PartnerState.class)).map(PartnerResponse::from);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN })
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = PartnerRequest.class)))
    @APIResponseSchema(value = PartnerResponse.class, responseCode = "200", responseDescription = "The changed partner")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @APIResponse(responseCode = "428", description = "If-Match is required")
    @Operation(operationId = "patchPartner", summary = "Change a partner's profile (JSON merge patch)",
            description = "Change a partner's profile by JSON merge patch; If-Match required (428 without, 412 when "
            + "stale). A partner-admin may change its own partner and its children, and only name, website, "
            + "description, specialisations, industries and listedInDirectory")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ObjectNode body) throws JsonProcessingException {
        caller.requirePartnerAccess(id);
        return ok(patches.patch(id, edit(body), ifMatch, caller.isVendorSide(), caller.origin()));
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponseSchema(value = PartnerResponse.class, responseCode = "200",
            responseDescription = "The partner, now SUSPENDED")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "suspendPartner", summary = "Suspend a partner",
            description = "Suspend an ACTIVE partner, with the reason; honours If-Match")
    public Response suspend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReasonRequest body) {
        return ok(lifecycle.suspend(id, body.reason().strip(), ifMatch, caller.origin()));
    }

    @POST
    @Path("{id}/reinstate")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponseSchema(value = PartnerResponse.class, responseCode = "200",
            responseDescription = "The partner, ACTIVE again")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "reinstatePartner", summary = "Reinstate a suspended partner",
            description = "Make a SUSPENDED partner ACTIVE again; honours If-Match")
    public Response reinstate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(lifecycle.reinstate(id, ifMatch, caller.origin()));
    }

    @POST
    @Path("{id}/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponseSchema(value = PartnerResponse.class, responseCode = "200",
            responseDescription = "The partner, now TERMINATED")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "terminatePartner", summary = "Terminate a partnership",
            description = "End the partnership, from any state but TERMINATED, with the reason; honours If-Match")
    public Response terminate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReasonRequest body) {
        return ok(lifecycle.terminate(id, body.reason().strip(), ifMatch, caller.origin()));
    }

    @GET
    @Path("{id}/children")
    @Operation(operationId = "listPartnerChildren", summary = "List a partner's child partners",
            description = "List the partners whose parent is this one, oldest first, one cursor page at a time")
    public Page<PartnerResponse> children(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        caller.requirePartnerAccess(id);
        return reads.children(id, page).map(PartnerResponse::from);
    }

    @GET
    @Path("by-external-id/{system}/{externalId}")
    @APIResponseSchema(value = PartnerResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "getPartnerByExternalId", summary = "Read a partner by external id",
            description = "Read the partner another system knows by this id")
    public Response getByExternalId(@PathParam("system") String system, @PathParam("externalId") String externalId) {
        return ok(reads.getByExternalId(system, externalId));
    }

    @PUT
    @Path("by-external-id/{system}/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnerRequest.class)))
    @APIResponse(responseCode = "200", description = "The partner was updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "201", description = "The partner was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnerResponse.class)))
    @Extension(name = ApiDocs.ETAG, value = "true")
    @RoundTrip(idParam = "", readOnly = { "applicationId", "state", "stateReason", "stateChangedAt", "tier",
            "createdAt", "updatedAt", "createdBy",
            "origin" })
    @Operation(operationId = "upsertPartnerByExternalId", summary = "Create or update a partner by external id",
            description = "Create (201, ONBOARDING; programId and name needed) or update (200, fields given are "
            + "merged) "
            + "the partner another system knows by this id; honours If-Match. The partner as a GET answered it may be "
            + "sent back: its id must be the partner known by this external id, its version stands for If-Match, and "
            + "the other read-only fields are ignored")
    public Response upsert(@PathParam("system") String system, @PathParam("externalId") String externalId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ObjectNode body, @Context UriInfo uri)
            throws JsonProcessingException {
        if (readOnly.text("id").isPresent()) {
            reads.requireKnownAs(system, externalId, readOnly.text("id").get());
            readOnly.requireMatch(PartnerResponse.from(reads.getByExternalId(system, externalId)), mapper);
        }
        PartnerUpserts.Upserted result = upserts.upsert(system, externalId, edit(body), ifMatch, caller.origin());
        Partner partner = result.partner();
        if (!result.created()) {
            return ok(partner);
        }
        return Response.created(uri.getBaseUriBuilder().path(PartnerResource.class).path(partner.id().toString()).build())
                .tag(ETags.tag(partner.version()))
                .entity(PartnerResponse.from(partner))
                .build();
    }

    @POST
    @Path("bulk")
    @Consumes(Ndjson.MEDIA_TYPE)
    @Produces(Ndjson.MEDIA_TYPE)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @RequestBody(required = true, description = "One JSON object per line: system and externalId, then the fields of "
            + "PartnerRequest", content = @Content(mediaType = Ndjson.MEDIA_TYPE,
                    schema = @Schema(implementation = PartnerBulkLine.class)))
    @APIResponse(responseCode = "200", description = "One result line per input line, in input order",
            content = @Content(mediaType = Ndjson.MEDIA_TYPE, schema = @Schema(implementation = BulkLineResult.class)))
    @APIResponse(responseCode = "413", description = "More than 100,000 lines, or a line over its size limit")
    @Operation(operationId = "upsertPartners", summary = "Upsert partners in bulk (NDJSON)",
            description = "Upsert up to 100,000 partners by external id, one JSON object per line; one result line "
            + "per input line, a bad line never fails the others")
    public Response upsertBulk(InputStream body, @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return bulk.upsertLines(body, caller.origin(), idempotencyKey, uri);
    }

    @GET
    @Path("changes")
    @Operation(operationId = "listPartnerChanges", summary = "Read the partner change feed",
            description = "Partner changes after the since cursor, each with its origin: only changes of "
            + "transactions that have ended, and each partner's in the order they were made, so a reader that "
            + "resumes from its last cursor never misses one; a partner-side caller sees only its own partners' "
            + "changes")
    public PartnerChangePage changes(@Parameter(description = "The cursor of the last change read (the answer's "
            + "cursor); absent: from the start", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+(\\.[0-9]+)?$",
            examples = "748213.1042")) @QueryParam("since") String since, @Parameter(description = "Changes per page",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200",
            defaultValue = "50")) @QueryParam("limit") String limit) {
        PartnerChanges.Cursor after = PartnerChanges.Cursor.parse(since);
        PartnerChanges.FeedPage page = changes.changesAfter(after, QueryParams.limit(limit),
                caller.isRestricted() ? caller.visiblePartnerIds() : null);
        PartnerChanges.Cursor last = page.entries().isEmpty() ? after
                : page.entries().get(page.entries().size() - 1).change().cursor();
        return new PartnerChangePage(page.entries().stream().map(PartnerChangeResponse::from).toList(),
                last.toString(), page.more());
    }

    private PartnerEdit edit(ObjectNode body) throws JsonProcessingException {
        if (body == null) {
            throw Problems.badRequest("The request body must be a JSON object");
        }
        PartnerRequest request = mapper.treeToValue(body, PartnerRequest.class);
        Set<String> present = new HashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        PartnerEdit.Result result = PartnerEdit.of(request, present);
        if (!result.valid()) {
            throw Problems.invalid("the partner fields are not valid", result.errors());
        }
        return result.edit();
    }

    private static Response ok(Partner partner) {
        return Response.ok(PartnerResponse.from(partner)).tag(ETags.tag(partner.version())).build();
    }
}
