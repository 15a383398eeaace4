package io.consort.community.discussion;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import io.consort.community.discussion.Dtos.PostView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The posts that mention the caller (or, for a partner, any person of its member). */
@Path("/api/v1/members/me/mentions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discussions")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
@APIResponse(responseCode = "401", description = "No or bad token")
@APIResponse(responseCode = "403", description = "Role not allowed")
public class MentionResource {

    @Inject
    Mentions mentions;

    @Inject
    Discussions discussions;

    @GET
    @Operation(operationId = "listMyMentions", summary = "List the posts that mention me, oldest first",
            description = "A partner-side caller gets the posts that mention it (@its user name) or another person "
                    + "the community knows to belong to its member, as far as its membership lets it see them (never "
                    + "hidden posts, hidden threads or spaces its membership does not admit); a partner without an "
                    + "active membership gets none. prm-admin and channel-manager get the posts that mention them.")
    @APIResponse(responseCode = "200", description = "One page of posts")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<PostView> list(@BeanParam PageRequest page) {
        Page<Post> posts = mentions.mentioningCaller(page);
        return new Page<>(discussions.views(posts.items()), posts.nextCursor());
    }
}
