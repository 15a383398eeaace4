package io.consort.community.discussion;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import io.consort.community.discussion.Dtos.MentioningTextView;
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

/** The threads' opening texts and posts that mention the caller (or, for a partner, any person of its member). */
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
    @Operation(operationId = "listMyMentions", summary = "List the threads and posts that mention me, oldest first",
            description = "Threads' opening texts (kind THREAD) and posts (kind POST). A partner-side caller gets the "
                    + "texts that mention it (@its user name) or another person "
                    + "the community knows to belong to its member, as far as its membership lets it see them (never "
                    + "hidden posts, hidden threads or spaces its membership does not admit); a partner without an "
                    + "active membership gets none. prm-admin and channel-manager get the texts that mention them.")
    @APIResponse(responseCode = "200", description = "One page of threads' opening texts and posts")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<MentioningTextView> list(@BeanParam PageRequest page) {
        Page<WrittenText> texts = mentions.mentioningCaller(page);
        return new Page<>(discussions.mentioningViews(texts.items()), texts.nextCursor());
    }
}
