package io.consort.recruitment.training;

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

/** Training modules: defined by the vendor, read by everyone who trains or follows training. */
@Path("/api/v1/training/modules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training", description = "Training modules, enrolments, completions and certifications")
public class TrainingModuleResource {

    @Inject
    TrainingModuleService service;

    @Inject
    CallerScope caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(summary = "Create a training module, optionally with the certification passing it earns")
    public Response create(@Valid @NotNull ModuleRequest body, @Context UriInfo uri) {
        TrainingModule module = service.create(body, caller.origin());
        return Response.created(uri.getBaseUriBuilder().path(TrainingModuleResource.class)
                        .path(module.id().toString()).build())
                .tag(ETags.tag(module.version()))
                .entity(ModuleResponse.from(module))
                .build();
    }

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(summary = "List training modules, oldest first, one cursor page at a time")
    public Page<ModuleResponse> list(@BeanParam PageRequest page) {
        return service.list(page).map(ModuleResponse::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(summary = "Read a training module")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(summary = "Replace a training module's definition (If-Match honoured); recorded attempts and "
            + "earned certifications keep the terms they had")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ModuleRequest body) {
        return ok(service.update(id, ifMatch, body, caller.origin()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(summary = "Delete a training module nobody has enrolled in and no onboarding plan or checklist "
            + "names (else 409); If-Match honoured")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static Response ok(TrainingModule module) {
        return Response.ok(ModuleResponse.from(module)).tag(ETags.tag(module.version())).build();
    }
}
