package io.consort.recruitment.onboarding;

import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's onboarding checklist. Partner-side callers reach only their own partner's (404 otherwise). */
@Path("/api/v1/partners/{id}/onboarding")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner onboarding", description = "A new partner's onboarding checklist and its progress towards "
        + "activation")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
public class PartnerOnboardingResource {

    @Inject
    OnboardingService service;

    @Inject
    CallerScope caller;

    @GET
    @Operation(operationId = "getPartnerOnboarding", summary = "Read a partner's onboarding checklist",
            description = "Read a partner's onboarding checklist: each task's status and the progress towards "
            + "activation")
    public OnboardingResponse get(@PathParam("id") UUID id) {
        caller.requirePartnerAccess(id);
        return view(service.get(id));
    }

    @POST
    @Path("tasks/{taskId}/complete")
    @Operation(operationId = "completeOnboardingTask", summary = "Complete an onboarding task",
            description = "Complete an onboarding task (ACCEPT_AGREEMENT: the partner's admin or the vendor; "
            + "training tasks complete when the module is passed, 409 here); the last required task activates "
            + "the partner")
    public OnboardingResponse complete(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        caller.requirePartnerAccess(id);
        return view(service.completeTask(id, taskId, new OnboardingService.Completer(caller.origin(),
                caller.isVendorSide(), caller.hasRole(Roles.PARTNER_ADMIN))));
    }

    private static OnboardingResponse view(OnboardingService.View view) {
        return OnboardingResponse.from(view.checklist(), view.partnerState());
    }
}
