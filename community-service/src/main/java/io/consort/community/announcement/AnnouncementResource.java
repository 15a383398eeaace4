package io.consort.community.announcement;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import io.consort.community.announcement.AnnouncementDtos.AnnouncementView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Announcements from the vendor, targeted by tier, program and region, with publish and expiry times. */
@Path("/api/v1/announcements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Announcements", description = "Targeted announcements and each member's feed")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
@APIResponse(responseCode = "401", description = "No or bad token")
@APIResponse(responseCode = "403", description = "Role not allowed")
public class AnnouncementResource {

    @Inject
    Announcements announcements;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "createAnnouncement", summary = "Announce something to the members a rule targets",
            description = "prm-admin and channel-manager.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag of the announcement",
            content = @Content(schema = @Schema(implementation = AnnouncementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid announcement")
    public RestResponse<AnnouncementView> create(@Valid @NotNull AnnouncementDtos.AnnouncementRequest request,
            @Context UriInfo uri) {
        Announcement announcement = announcements.create(request);
        return Answers.created(uri, announcement.id, announcement.version, AnnouncementView.of(announcement, Instant.now()));
    }

    @GET
    @Operation(operationId = "listAnnouncements", summary = "List announcements, by publish time",
            description = "Every role. The vendor sees all (current=true: only current ones); partner-admin and "
                    + "partner-user get their feed: the current announcements their membership is targeted by.")
    @APIResponse(responseCode = "200", description = "One page of announcements")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<AnnouncementView> list(@BeanParam PageRequest page,
            @Parameter(description = "Only published, unexpired announcements") @QueryParam("current") boolean current) {
        Instant now = Instant.now();
        return announcements.list(page, current, now).map(a -> AnnouncementView.of(a, now));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAnnouncement", summary = "Read an announcement",
            description = "Every role; partners read only current announcements that target them, others answer 404.")
    @APIResponse(responseCode = "200", description = "The announcement; ETag is its version",
            content = @Content(schema = @Schema(implementation = AnnouncementView.class)))
    @APIResponse(responseCode = "404", description = "No such announcement, or not for the caller")
    public RestResponse<AnnouncementView> get(@PathParam("id") UUID id) {
        Instant now = Instant.now();
        Announcement announcement = announcements.visible(id, now);
        return Answers.ok(announcement, AnnouncementView.of(announcement, now));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "replaceAnnouncement", summary = "Replace an announcement",
            description = "prm-admin and channel-manager; honours If-Match (412 when stale).")
    @APIResponse(responseCode = "200", description = "The announcement as replaced",
            content = @Content(schema = @Schema(implementation = AnnouncementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid announcement")
    @APIResponse(responseCode = "404", description = "No such announcement")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<AnnouncementView> replace(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull AnnouncementDtos.AnnouncementRequest request) {
        Announcement announcement = announcements.replace(id, ifMatch, request);
        return Answers.ok(announcement, AnnouncementView.of(announcement, Instant.now()));
    }
}
