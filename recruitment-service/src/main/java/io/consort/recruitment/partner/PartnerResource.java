package io.consort.recruitment.partner;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.recruitment.support.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partner organisations. Vendor-side callers see all of them; partner-side callers only their own,
 * which the chassis partner-scope filter enforces on every query of {@link Partner}.
 */
@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner organisations")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
public class PartnerResource {

    @Inject
    PartnerService service;

    @Inject
    CallerScope caller;

    @GET
    @Path("{id}")
    @Operation(summary = "Read a partner; another partner's id answers 404")
    public Response get(@PathParam("id") UUID id) {
        caller.requirePartnerAccess(id);
        Partner partner = service.get(id);
        return Response.ok(PartnerResponse.from(partner)).tag(ETags.tag(partner.version())).build();
    }

    @GET
    @Operation(summary = "List the partners the caller may see, oldest first, one cursor page at a time")
    public Page<PartnerResponse> list(@BeanParam PageRequest page, @QueryParam("programId") String programId,
            @QueryParam("state") String state) {
        return service.list(page, QueryParams.uuid("programId", programId),
                QueryParams.enumValue("state", state, PartnerState.class)).map(PartnerResponse::from);
    }
}
