package io.consort.community.membership;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Community memberships: built from partner and tier events only, never added by hand. */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Community memberships, built from partner and tier events")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
@APIResponse(responseCode = "401", description = "No or bad token")
@APIResponse(responseCode = "403", description = "Role not allowed")
public class MemberResource {

    @Inject
    Members members;

    @GET
    @Operation(operationId = "listMembers", summary = "List community members, in order of joining",
            description = "prm-admin, channel-manager and integrator see every member; partner-admin and partner-user "
                    + "see their own membership and the ACTIVE members listed in the partner directory.")
    @APIResponse(responseCode = "200", description = "One page of members")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or status")
    public Page<MemberView> list(@BeanParam PageRequest page,
            @Parameter(description = "Only members in this status") @QueryParam("status") MemberStatus status) {
        return members.list(page, status).map(MemberView::of);
    }

    @GET
    @Path("{partnerId}")
    @Operation(operationId = "getMember", summary = "Read a partner's membership",
            description = "Every role; a partner-side caller reads its own membership and those of listed ACTIVE "
                    + "members, any other id answers 404.")
    @APIResponse(responseCode = "200", description = "The membership; ETag is its version",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "Not a member, or not visible to the caller")
    public RestResponse<MemberView> get(@PathParam("partnerId") UUID partnerId) {
        Member member = members.get(partnerId);
        return RestResponse.ResponseBuilder.ok(MemberView.of(member)).tag(ETags.tag(member.version)).build();
    }

}
