package io.consort.recruitment.training;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.chassis.paging.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Enrolments: a partner's people in training modules. Partner-side callers see their own partner's only. */
@Path("/api/v1/training/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolments", description = "Who is enrolled in which training module")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
public class EnrolmentResource {

    @Inject
    EnrolmentService service;

    @Inject
    CallerScope caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = EnrolmentResponse.class, responseCode = "201",
            responseDescription = "The enrolment was made")
    @Operation(operationId = "enrolInTrainingModule", summary = "Enrol in a training module",
            description = "Enrol in a training module: a partner's person enrols themselves; a vendor-side caller "
            + "enrols a named person of a partner")
    public Response enrol(@Valid @NotNull EnrolmentRequest body, @Context UriInfo uri) {
        Enrolment enrolment = service.enrol(body, caller.origin());
        return Response.created(uri.getBaseUriBuilder().path(EnrolmentResource.class)
                        .path(enrolment.id().toString()).build())
                .tag(ETags.tag(enrolment.version()))
                .entity(EnrolmentResponse.from(enrolment))
                .build();
    }

    @GET
    @Operation(operationId = "listEnrolments", summary = "List enrolments",
            description = "List enrolments the caller may see, oldest first, one cursor page at a time")
    public Page<EnrolmentResponse> list(@BeanParam PageRequest page,
            @Parameter(description = "Only this partner's enrolments", schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @QueryParam("partnerId") String partnerId,
            @Parameter(description = "Only this person's enrolments (their user "
                    + "id)") @QueryParam("userId") String userId,
                    @Parameter(description = "Only enrolments in this module",
                    schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("moduleId") String moduleId,
            @Parameter(description = "Only enrolments in this state",
                    schema = @Schema(implementation = EnrolmentState.class)) @QueryParam("state") String state) {
        return service.list(page, QueryParams.uuid("partnerId", partnerId), userId,
                QueryParams.uuid("moduleId", moduleId), QueryParams.enumValue("state", state, EnrolmentState.class))
                .map(EnrolmentResponse::from);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getEnrolment", summary = "Read an enrolment",
            description = "Read an enrolment; another partner's answers 404")
    public EnrolmentResponse get(@PathParam("id") UUID id) {
        return EnrolmentResponse.from(service.get(id));
    }
}
