package io.consort.recruitment.program;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Partner programs and their ideal partner profile")
public class ProgramResource {

    @Inject
    ProgramService service;

    @Inject
    CallerScope caller;

    @POST
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(summary = "Create a partner program")
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
    @Operation(summary = "Read a partner program; partner-side callers only the program their partner is in")
    public Response get(@PathParam("id") UUID id) {
        Program program = service.getVisible(id);
        return Response.ok(ProgramResponse.from(program)).tag(ETags.tag(program.version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(summary = "Revise a partner program (name, types, ideal profile, whether it takes applications); "
            + "If-Match required")
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProgramRequest body) {
        Program program = service.revise(id, body, ifMatch, caller.origin());
        return Response.ok(ProgramResponse.from(program)).tag(ETags.tag(program.version())).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(summary = "Delete a program no one has applied to or joined yet (409 otherwise); If-Match honoured")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(summary = "List partner programs, oldest first, one cursor page at a time")
    public Page<ProgramResponse> list(@BeanParam PageRequest page) {
        return service.list(page).map(ProgramResponse::from);
    }
}
