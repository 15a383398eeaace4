package io.consort.recruitment.prospect;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.idempotency.IdempotencyFilter;
import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.recruitment.support.Codes;
import io.consort.chassis.bulk.Ndjson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
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

/** Prospects: companies that could become partners. Vendor side only. */
@Path("/api/v1/prospects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prospects", description = "Companies that could become partners, and their import")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
public class ProspectResource {

    public static final String NDJSON = Ndjson.MEDIA_TYPE;

    /** The orders ?sort= offers. */
    static final Sort.Fields SORTS = Sort.fields("createdAt", "updatedAt", "companyName");

    @Inject
    ProspectService service;

    @Inject
    ProspectBulkImport bulk;

    @Inject
    CallerScope caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = ProspectResponse.class, responseCode = "201",
            responseDescription = "The prospect was created")
    @Operation(operationId = "createProspect", summary = "Create a prospect", description = "Create a prospect")
    public Response create(ProspectRequest body, @Context UriInfo uri) {
        Prospect prospect = service.create(valid(body), caller.origin());
        return Response.created(uri.getBaseUriBuilder().path(ProspectResource.class).path(prospect.id().toString()).build())
                .tag(ETags.tag(prospect.version()))
                .entity(ProspectResponse.from(prospect))
                .build();
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(value = ProspectResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "getProspect", summary = "Read a prospect", description = "Read a prospect")
    public Response get(@PathParam("id") UUID id) {
        Prospect prospect = service.get(id);
        return Response.ok(ProspectResponse.from(prospect)).tag(ETags.tag(prospect.version())).build();
    }

    @GET
    @Operation(operationId = "listProspects", summary = "List prospects",
            description = "List prospects, oldest first (or in the order sort asks), one cursor page at a time; "
            + "filter by region, specialisation, industry")
    public Page<ProspectResponse> list(@BeanParam PageRequest page,
            @Parameter(name = Sort.PARAMETER, description = "Order of the list: a field, - in front for descending; "
                    + "ties by id in the same direction. A cursor continues only the order it was made for",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "createdAt", "-createdAt",
                    "updatedAt", "-updatedAt", "companyName", "-companyName" },
                    defaultValue = "createdAt")) @QueryParam(Sort.PARAMETER) String sort,
                    @Parameter(description = "Only prospects in this region (an UPPER_SNAKE code)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z][A-Z0-9_]*$",
                    maxLength = 40)) @QueryParam("region") String region,
            @Parameter(description = "Only prospects with this specialisation (an UPPER_SNAKE code)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z][A-Z0-9_]*$",
                    maxLength = 40)) @QueryParam("specialisation") String specialisation,
                    @Parameter(description = "Only prospects in this industry (an UPPER_SNAKE code)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z][A-Z0-9_]*$",
                    maxLength = 40)) @QueryParam("industry") String industry) {
        return service.list(page, SORTS.parse(sort), Codes.queryParam("region", region),
                Codes.queryParam("specialisation", specialisation), Codes.queryParam("industry", industry))
                .map(ProspectResponse::from);
    }

    @PUT
    @Path("by-external-id/{system}/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The prospect was updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProspectResponse.class)))
    @APIResponse(responseCode = "201", description = "The prospect was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProspectResponse.class)))
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "upsertProspectByExternalId", summary = "Create or update a prospect by external id",
            description = "Create (201) or update (200) the prospect another system knows by this id; honours If-Match")
    public Response upsert(@PathParam("system") String system, @PathParam("externalId") String externalId,
            @HeaderParam("If-Match") String ifMatch, ProspectRequest body, @Context UriInfo uri) {
        ProspectService.Upserted result = service.upsertByExternalId(system, externalId, valid(body), ifMatch,
                caller.origin());
        Prospect prospect = result.prospect();
        Response.ResponseBuilder answer = result.created()
                ? Response.created(uri.getBaseUriBuilder().path(ProspectResource.class).path(prospect.id().toString()).build())
                : Response.ok();
        return answer.tag(ETags.tag(prospect.version())).entity(ProspectResponse.from(prospect)).build();
    }

    @POST
    @Path("bulk")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @RequestBody(required = true, description = "One ProspectRequest per line; a line with externalIds updates the "
            + "prospect they name", content = @Content(mediaType = NDJSON,
                    schema = @Schema(implementation = ProspectRequest.class)))
    @APIResponse(responseCode = "200", description = "One result line per input line, in input order",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BulkLineResult.class)))
    @APIResponse(responseCode = "413", description = "More than 100,000 lines, or a line over its size limit")
    @Operation(operationId = "importProspects", summary = "Import prospects in bulk (NDJSON)",
            description = "Import up to 100,000 prospects, one JSON object per line; one result line per input line. "
            + "Lines with external ids update the prospect those ids name")
    public Response importBulk(InputStream body, @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return bulk.importLines(body, caller.origin(), idempotencyKey, uri);
    }

    private static ProspectRules.ValidProspect valid(ProspectRequest body) {
        ProspectRules.Result result = ProspectRules.check(body);
        if (!result.valid()) {
            throw Problems.invalid("the prospect is not valid", result.errors());
        }
        return result.prospect();
    }
}
