package io.consort.performance.fact;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scorecards/{partnerId}/facts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
@Tag(name = "Scorecards")
public class PartnerFactResource {

    @Inject
    CallerScope caller;

    @Inject
    PartnerFacts facts;

    @GET
    @Operation(operationId = "listPartnerFacts", summary = "List a partner's facts",
            description = "What performance has learned about the partner, oldest first: the history its scorecard is computed from.")
    public Page<PartnerFactView> list(@PathParam("partnerId") UUID partnerId, @BeanParam PageRequest page) {
        caller.requirePartnerAccess(partnerId);
        return facts.history(partnerId, page).map(PartnerFactView::of);
    }
}
