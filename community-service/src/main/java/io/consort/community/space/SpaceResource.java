package io.consort.community.space;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import io.consort.community.support.Answers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Spaces of the community: general, per program, per region, tier-gated. */
@Path("/api/v1/spaces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Spaces", description = "Areas of the community, each visible by tier, program and region")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
@APIResponse(responseCode = "401", description = "No or bad token")
@APIResponse(responseCode = "403", description = "Role not allowed")
public class SpaceResource {

    @Inject
    Spaces spaces;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "createSpace", summary = "Create a space", description = "prm-admin and channel-manager.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag of the new space",
            content = @Content(schema = @Schema(implementation = SpaceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid space")
    public RestResponse<SpaceView> create(@Valid @NotNull SpaceRequest request, @Context UriInfo uri) {
        Space space = spaces.create(request);
        return Answers.created(uri, space.id, space.version, SpaceView.of(space));
    }

    @GET
    @Operation(operationId = "listSpaces", summary = "List the spaces the caller may see, oldest first",
            description = "Every role. The vendor sees every space; a partner only those its active membership's "
                    + "tier, program and region admit (none while it is not an active member).")
    @APIResponse(responseCode = "200", description = "One page of spaces")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<SpaceView> list(@BeanParam PageRequest page) {
        return spaces.list(page).map(SpaceView::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSpace", summary = "Read a space",
            description = "Every role; a space the caller's membership does not admit answers 404.")
    @APIResponse(responseCode = "200", description = "The space; ETag is its version",
            content = @Content(schema = @Schema(implementation = SpaceView.class)))
    @APIResponse(responseCode = "404", description = "No such space, or not visible to the caller")
    public RestResponse<SpaceView> get(@PathParam("id") UUID id) {
        Space space = spaces.visible(id);
        return Answers.ok(space, SpaceView.of(space));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "replaceSpace", summary = "Replace a space's name, description, kind and rule",
            description = "prm-admin and channel-manager; honours If-Match (412 when stale).")
    @APIResponse(responseCode = "200", description = "The space as replaced",
            content = @Content(schema = @Schema(implementation = SpaceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid space")
    @APIResponse(responseCode = "404", description = "No such space")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<SpaceView> replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SpaceRequest request) {
        Space space = spaces.replace(id, ifMatch, request);
        return Answers.ok(space, SpaceView.of(space));
    }
}
