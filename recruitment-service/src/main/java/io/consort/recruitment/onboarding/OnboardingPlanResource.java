package io.consort.recruitment.onboarding;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A program's onboarding plan: the checklist each partner of the program gets when it starts onboarding. */
@Path("/api/v1/programs/{id}/onboarding-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Onboarding plans", description = "The onboarding checklist each program gives its new partners")
public class OnboardingPlanResource {

    @Inject
    OnboardingPlanService service;

    @Inject
    CallerScope caller;

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @APIResponseSchema(value = OnboardingPlanResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "getOnboardingPlan", summary = "Read a program's onboarding plan",
            description = "Read a program's onboarding plan (the default plan, without ETag, until one is stored); "
            + "partner-side callers only for their own program")
    public Response get(@PathParam("id") UUID id) {
        OnboardingPlanService.Plan plan = service.get(id);
        return plan.stored()
                .map(p -> Response.ok(OnboardingPlanResponse.from(p)).tag(ETags.tag(p.version())))
                .orElseGet(() -> Response.ok(OnboardingPlanResponse.defaultFor(plan.programId())))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponse(responseCode = "200", description = "The plan was updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OnboardingPlanResponse.class)))
    @APIResponse(responseCode = "201", description = "The plan was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OnboardingPlanResponse.class)))
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "putOnboardingPlan", summary = "Replace a program's onboarding plan",
            description = "Replace a program's onboarding plan (201 the first time); partners already onboarding "
            + "keep the checklist they started with; If-Match honoured")
    public Response put(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OnboardingPlanRequest body, @Context UriInfo uri) {
        OnboardingPlanService.Saved saved = service.put(id, ifMatch, body, caller.origin());
        Response.ResponseBuilder answer = saved.created() ? Response.created(uri.getRequestUri()) : Response.ok();
        return answer.tag(ETags.tag(saved.plan().version())).entity(OnboardingPlanResponse.from(saved.plan())).build();
    }
}
