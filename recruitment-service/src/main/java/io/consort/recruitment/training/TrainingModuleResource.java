package io.consort.recruitment.training;

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

/** Training modules: defined by the vendor, read by everyone who trains or follows training. */
@Path("/api/v1/training/modules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training modules", description = "Training modules and the certification passing one earns")
public class TrainingModuleResource {

    /** The orders ?sort= offers. */
    static final Sort.Fields SORTS = Sort.fields("createdAt", "updatedAt", "title");

    @Inject
    TrainingModuleService service;

    @Inject
    CallerScope caller;

    @Inject
    ReadOnlyFields readOnly;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponseSchema(value = ModuleResponse.class, responseCode = "201",
            responseDescription = "The module was created")
    @Operation(operationId = "createTrainingModule", summary = "Create a training module",
            description = "Create a training module, optionally with the certification passing it earns")
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
    @Operation(operationId = "listTrainingModules", summary = "List training modules",
            description = "List training modules, oldest first (or in the order sort asks), one cursor page at a time")
    public Page<ModuleResponse> list(@BeanParam PageRequest page,
            @Parameter(name = Sort.PARAMETER, description = "Order of the list: a field, - in front for descending; "
                    + "ties by id in the same direction. A cursor continues only the order it was made for",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "createdAt", "-createdAt",
                    "updatedAt", "-updatedAt", "title", "-title" },
                    defaultValue = "createdAt")) @QueryParam(Sort.PARAMETER) String sort) {
        return service.list(page, SORTS.parse(sort)).map(ModuleResponse::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @APIResponseSchema(value = ModuleResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "getTrainingModule", summary = "Read a training module",
            description = "Read a training module")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponseSchema(value = ModuleResponse.class, responseCode = "200", responseDescription = "The replaced module")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @RoundTrip
    @Operation(operationId = "replaceTrainingModule", summary = "Replace a training module",
            description = "Replace a training module's definition (If-Match honoured); recorded attempts and "
            + "earned certifications keep the terms they had. The module as a GET answered it may be sent back: its id "
            + "must be this one, its version stands for If-Match, and the other read-only fields are ignored")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ModuleRequest body) {
        readOnly.requireMatch(ModuleResponse.from(service.get(id)), mapper);
        return ok(service.update(id, ifMatch, body, caller.origin()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponse(responseCode = "204", description = "The module was deleted")
    @APIResponse(responseCode = "409", description = "Someone enrolled in it, or an onboarding plan or checklist "
            + "names it")
    @Operation(operationId = "deleteTrainingModule", summary = "Delete an unused training module",
            description = "Delete a training module nobody has enrolled in and no onboarding plan or checklist "
            + "names (else 409); If-Match honoured")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static Response ok(TrainingModule module) {
        return Response.ok(ModuleResponse.from(module)).tag(ETags.tag(module.version())).build();
    }
}
