package io.consort.recruitment.program;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.roundtrip.ReadOnlyFields;
import io.consort.chassis.roundtrip.RoundTrip;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Partner programs and their ideal partner profile")
public class ProgramResource {

    /** The orders ?sort= offers. */
    static final Sort.Fields SORTS = Sort.fields("createdAt", "updatedAt", "name");

    @Inject
    ProgramService service;

    @Inject
    CallerScope caller;

    @Inject
    ReadOnlyFields readOnly;

    @Inject
    ObjectMapper mapper;

    @POST
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponseSchema(value = ProgramResponse.class, responseCode = "201",
            responseDescription = "The program was created")
    @Operation(operationId = "createProgram", summary = "Create a partner program",
            description = "Create a partner program")
    public Response create(@Valid @NotNull ProgramRequest body, @Context UriInfo uri) {
        Program program = service.create(body, caller.origin());
        return Response.created(uri.getBaseUriBuilder().path(ProgramResource.class).path(program.id().toString()).build())
                .tag(ETags.tag(program.version()))
                .entity(ProgramResponse.from(program))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @APIResponseSchema(value = ProgramResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "getProgram", summary = "Read a partner program",
            description = "Read a partner program; partner-side callers only the program their partner is in")
    public Response get(@PathParam("id") UUID id) {
        Program program = service.getVisible(id);
        return Response.ok(ProgramResponse.from(program)).tag(ETags.tag(program.version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponseSchema(value = ProgramResponse.class, responseCode = "200", responseDescription = "The revised program")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @APIResponse(responseCode = "428", description = "If-Match is required to revise a program")
    @RoundTrip
    @Operation(operationId = "reviseProgram", summary = "Revise a partner program",
            description = "Revise a partner program (name, types, ideal profile, whether it takes applications); "
            + "If-Match required. The program as a GET answered it may be sent back: its id must be this one, its "
            + "version stands for If-Match, and the other read-only fields are ignored")
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProgramRequest body) {
        readOnly.requireMatch(ProgramResponse.from(service.getVisible(id)), mapper);
        Program program = service.revise(id, body, ifMatch, caller.origin());
        return Response.ok(ProgramResponse.from(program)).tag(ETags.tag(program.version())).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponse(responseCode = "204", description = "The program was deleted")
    @APIResponse(responseCode = "409", description = "Someone has applied to or joined the program")
    @Operation(operationId = "deleteProgram", summary = "Delete an unused partner program",
            description = "Delete a program no one has applied to or joined yet (409 otherwise); If-Match honoured")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "listPrograms", summary = "List partner programs",
            description = "List partner programs, oldest first (or in the order sort asks), one cursor page at a time")
    public Page<ProgramResponse> list(@BeanParam PageRequest page,
            @Parameter(name = Sort.PARAMETER, description = "Order of the list: a field, - in front for descending; "
                    + "ties by id in the same direction. A cursor continues only the order it was made for",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "createdAt", "-createdAt",
                    "updatedAt", "-updatedAt", "name", "-name" },
                    defaultValue = "createdAt")) @QueryParam(Sort.PARAMETER) String sort) {
        return service.list(page, SORTS.parse(sort)).map(ProgramResponse::from);
    }
}
