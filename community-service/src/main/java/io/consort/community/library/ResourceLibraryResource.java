package io.consort.community.library;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import io.consort.community.library.LibraryDtos.ResourceView;
import io.consort.community.library.LibraryDtos.TermsAcceptanceView;
import io.consort.community.library.LibraryDtos.VersionView;
import io.consort.community.support.Answers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The resource library: documents, videos, links, kits and texts, versioned, each visible by its rule. */
@Path("/api/v1/resources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resources", description = "The resource library: tagged, versioned, visible by tier, program and region")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
@APIResponse(responseCode = "401", description = "No or bad token")
@APIResponse(responseCode = "403", description = "Role not allowed")
public class ResourceLibraryResource {

    @Inject
    Library library;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "createResource", summary = "Add a resource to the library, with its first version",
            description = "prm-admin and channel-manager.")
    @APIResponse(responseCode = "201", description = "Added; Location and ETag of the resource",
            content = @Content(schema = @Schema(implementation = ResourceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid resource")
    public RestResponse<ResourceView> create(@Valid @NotNull LibraryDtos.ResourceRequest request, @Context UriInfo uri) {
        LibraryResource resource = library.create(request);
        return Answers.created(uri, resource.id, resource.version, library.view(resource));
    }

    @GET
    @Operation(operationId = "listResources", summary = "List the resources the caller may see, oldest first",
            description = "Every role; partners see what their active membership's tier, program and region admit.")
    @APIResponse(responseCode = "200", description = "One page of resources")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or filter")
    public Page<ResourceView> list(@BeanParam PageRequest page,
            @Parameter(description = "Only resources with this tag") @QueryParam("tag") String tag,
            @Parameter(description = "Only resources of this kind") @QueryParam("kind") ResourceKind kind) {
        Page<LibraryResource> resources = library.list(page, tag, kind);
        return new Page<>(library.views(resources.items()), resources.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getResource", summary = "Read a resource's description",
            description = "Every role; a resource the caller may not see answers 404. The content comes from openResource.")
    @APIResponse(responseCode = "200", description = "The resource; ETag is its version",
            content = @Content(schema = @Schema(implementation = ResourceView.class)))
    @APIResponse(responseCode = "404", description = "No such resource, or not visible to the caller")
    public RestResponse<ResourceView> get(@PathParam("id") UUID id) {
        LibraryResource resource = library.visible(id);
        return Answers.ok(resource, library.view(resource));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "updateResource", summary = "Replace a resource's description, tags, rule and terms",
            description = "prm-admin and channel-manager; honours If-Match (412 when stale).")
    @APIResponse(responseCode = "200", description = "The resource as replaced",
            content = @Content(schema = @Schema(implementation = ResourceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid resource")
    @APIResponse(responseCode = "404", description = "No such resource")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<ResourceView> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LibraryDtos.ResourceUpdate update) {
        LibraryResource resource = library.update(id, ifMatch, update);
        return Answers.ok(resource, library.view(resource));
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "createResourceVersion", summary = "Publish a new version of a resource",
            description = "prm-admin and channel-manager; honours If-Match on the resource. The new version becomes the "
                    + "one members open; older ones stay readable to the vendor.")
    @APIResponse(responseCode = "201", description = "Published; Location of the version",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid content")
    @APIResponse(responseCode = "404", description = "No such resource")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<VersionView> publishVersion(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LibraryDtos.VersionRequest content,
            @Context UriInfo uri) {
        ResourceVersion version = library.publishVersion(id, ifMatch, content);
        return RestResponse.ResponseBuilder.<VersionView>created(
                uri.getAbsolutePathBuilder().path(Integer.toString(version.number)).build())
                .entity(Library.view(version, version.number)).build();
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "listResourceVersions", summary = "List every version of a resource, oldest first",
            description = "prm-admin, channel-manager and integrator.")
    @APIResponse(responseCode = "200", description = "One page of versions")
    @APIResponse(responseCode = "404", description = "No such resource")
    public Page<VersionView> versions(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        int current = library.visible(id).currentVersion;
        return library.versions(id, page).map(v -> Library.view(v, current));
    }

    @GET
    @Path("{id}/versions/{number}")
    @Operation(operationId = "getResourceVersion", summary = "Read one version of a resource",
            description = "The vendor reads any version; partner-admin and partner-user only the current one.")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such version, or not visible to the caller")
    public VersionView version(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number) {
        ResourceVersion version = library.version(id, number);
        return Library.view(version, library.visible(id).currentVersion);
    }

    @POST
    @Path("{id}/terms-acceptance")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "acceptResourceTerms", summary = "Accept a resource's terms",
            description = "Any role that may see the resource; accepting again changes nothing.")
    @APIResponse(responseCode = "200", description = "Accepted (now or before)",
            content = @Content(schema = @Schema(implementation = TermsAcceptanceView.class)))
    @APIResponse(responseCode = "404", description = "No such resource, or not visible to the caller")
    @APIResponse(responseCode = "409", description = "The resource has no terms")
    public TermsAcceptanceView acceptTerms(@PathParam("id") UUID id) {
        return new TermsAcceptanceView(id, library.callerId(), library.acceptTerms(id));
    }

    @POST
    @Path("{id}/open")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "openResource", summary = "Open a resource: its current version's link or text",
            description = "Every role that may see the resource; partners must have accepted its terms first. A "
                    + "partner's opening is published as resource.opened.")
    @APIResponse(responseCode = "200", description = "The current version",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such resource, or not visible to the caller")
    @APIResponse(responseCode = "422", description = "Its terms must be accepted first")
    public VersionView open(@PathParam("id") UUID id) {
        ResourceVersion version = library.open(id);
        return Library.view(version, version.number);
    }
}
