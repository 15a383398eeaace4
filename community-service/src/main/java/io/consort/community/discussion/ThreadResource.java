package io.consort.community.discussion;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import io.consort.community.discussion.Dtos.PostView;
import io.consort.community.discussion.Dtos.ThreadView;
import io.consort.community.support.Answers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Discussions: threads in spaces, their posts, votes, Q&A and moderation. */
@Path("/api/v1/threads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discussions", description = "Threads in spaces, posts, questions with an accepted answer, votes, moderation")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
@APIResponse(responseCode = "401", description = "No or bad token")
@APIResponse(responseCode = "403", description = "Role not allowed")
public class ThreadResource {

    private static final String WRITERS = "prm-admin, channel-manager, partner-admin and partner-user (an active member "
            + "whose membership admits the space)";

    @Inject
    Discussions discussions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "createThread", summary = "Start a discussion or ask a question in a space",
            description = WRITERS + ". Publishes thread.created.")
    @APIResponse(responseCode = "201", description = "Started; Location and ETag of the thread",
            content = @Content(schema = @Schema(implementation = ThreadView.class)))
    @APIResponse(responseCode = "400", description = "Invalid thread")
    @APIResponse(responseCode = "404", description = "No such space, or not visible to the caller")
    public RestResponse<ThreadView> create(@Valid @NotNull Dtos.ThreadRequest request, @Context UriInfo uri) {
        DiscussionThread thread = discussions.start(request);
        return Answers.created(uri, thread.id, thread.version, discussions.view(thread));
    }

    @GET
    @Operation(operationId = "listThreads", summary = "List the threads the caller may see, oldest first",
            description = "Every role. Partners see threads of the spaces their membership admits, never hidden ones.")
    @APIResponse(responseCode = "200", description = "One page of threads")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or filter")
    public Page<ThreadView> list(@BeanParam PageRequest page,
            @Parameter(description = "Only threads of this space") @QueryParam("spaceId") UUID spaceId,
            @Parameter(description = "Only pinned (true) or unpinned (false) threads") @QueryParam("pinned") Boolean pinned) {
        Page<DiscussionThread> threads = discussions.threads(page, spaceId, pinned);
        return new Page<>(discussions.threadViews(threads.items()), threads.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getThread", summary = "Read a thread",
            description = "Every role; a thread of a space the caller may not see, or hidden from partners, answers 404.")
    @APIResponse(responseCode = "200", description = "The thread; ETag is its version",
            content = @Content(schema = @Schema(implementation = ThreadView.class)))
    @APIResponse(responseCode = "404", description = "No such thread, or not visible to the caller")
    public RestResponse<ThreadView> get(@PathParam("id") UUID id) {
        DiscussionThread thread = discussions.thread(id);
        return Answers.ok(thread, discussions.view(thread));
    }

    @PUT
    @Path("{id}/moderation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "moderateThread", summary = "Hide, lock or pin a thread",
            description = "prm-admin and channel-manager; honours If-Match (412 when stale).")
    @APIResponse(responseCode = "200", description = "The thread as moderated",
            content = @Content(schema = @Schema(implementation = ThreadView.class)))
    @APIResponse(responseCode = "404", description = "No such thread")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<ThreadView> moderate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull Dtos.ThreadModeration moderation) {
        DiscussionThread thread = discussions.moderate(id, ifMatch, moderation);
        return Answers.ok(thread, discussions.view(thread));
    }

    @POST
    @Path("{id}/accepted-answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "acceptAnswer", summary = "Accept a post as the answer to a question",
            description = "The question's author or prm-admin/channel-manager. One accepted answer per question; "
                    + "accepting the same post again changes nothing. Publishes answer.accepted.")
    @APIResponse(responseCode = "200", description = "The question with its accepted answer",
            content = @Content(schema = @Schema(implementation = ThreadView.class)))
    @APIResponse(responseCode = "404", description = "No such thread or post, or not visible to the caller")
    @APIResponse(responseCode = "409", description = "Not a question, or another answer is accepted already")
    public RestResponse<ThreadView> accept(@PathParam("id") UUID id, @Valid @NotNull Dtos.AcceptedAnswerRequest request) {
        DiscussionThread thread = discussions.accept(id, request.postId());
        return Answers.ok(thread, discussions.view(thread));
    }

    @GET
    @Path("{id}/posts")
    @Operation(operationId = "listPosts", summary = "List a thread's posts, oldest first",
            description = "Every role that may see the thread; partners never see hidden posts.")
    @APIResponse(responseCode = "200", description = "One page of posts")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such thread, or not visible to the caller")
    public Page<PostView> posts(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        Page<Post> posts = discussions.posts(id, page);
        return new Page<>(discussions.views(posts.items()), posts.nextCursor());
    }

    @POST
    @Path("{id}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "createPost", summary = "Reply in a thread",
            description = WRITERS + "; partners cannot reply in a locked thread. Publishes post.created.")
    @APIResponse(responseCode = "201", description = "Posted; Location and ETag of the post",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Invalid post")
    @APIResponse(responseCode = "404", description = "No such thread, or not visible to the caller")
    @APIResponse(responseCode = "409", description = "The thread is locked")
    public RestResponse<PostView> reply(@PathParam("id") UUID id, @Valid @NotNull Dtos.PostRequest request,
            @Context UriInfo uri) {
        Post post = discussions.reply(id, request);
        return Answers.created(uri, post.id, post.version, discussions.view(post));
    }

    @GET
    @Path("{id}/posts/{postId}")
    @Operation(operationId = "getPost", summary = "Read a post", description = "Every role that may see the post.")
    @APIResponse(responseCode = "200", description = "The post; ETag is its version",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    public RestResponse<PostView> getPost(@PathParam("id") UUID id, @PathParam("postId") UUID postId) {
        Post post = discussions.post(id, postId);
        return Answers.ok(post, discussions.view(post));
    }

    @PUT
    @Path("{id}/posts/{postId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "editPost", summary = "Edit one's own post",
            description = "Its author only (any role that may write); honours If-Match (412 when stale).")
    @APIResponse(responseCode = "200", description = "The post as edited",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Invalid post")
    @APIResponse(responseCode = "403", description = "Not the post's author")
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<PostView> edit(@PathParam("id") UUID id, @PathParam("postId") UUID postId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull Dtos.PostRequest request) {
        Post post = discussions.edit(id, postId, ifMatch, request);
        return Answers.ok(post, discussions.view(post));
    }

    @DELETE
    @Path("{id}/posts/{postId}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "deletePost", summary = "Delete a post",
            description = "Its author, or prm-admin/channel-manager; honours If-Match. The accepted answer stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not the post's author")
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    @APIResponse(responseCode = "409", description = "It is the accepted answer")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public void delete(@PathParam("id") UUID id, @PathParam("postId") UUID postId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        discussions.delete(id, postId, ifMatch);
    }

    @PUT
    @Path("{id}/posts/{postId}/moderation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "moderatePost", summary = "Hide or show a post",
            description = "prm-admin and channel-manager; honours If-Match (412 when stale).")
    @APIResponse(responseCode = "200", description = "The post as moderated",
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such post")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public RestResponse<PostView> moderatePost(@PathParam("id") UUID id, @PathParam("postId") UUID postId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull Dtos.PostModeration moderation) {
        Post post = discussions.moderatePost(id, postId, ifMatch, moderation);
        return Answers.ok(post, discussions.view(post));
    }

    @PUT
    @Path("{id}/posts/{postId}/vote")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "votePost", summary = "Vote for a post",
            description = "Any role that may see the post; one vote per person, voting again changes nothing.")
    @APIResponse(responseCode = "204", description = "The caller's vote is counted")
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    public void vote(@PathParam("id") UUID id, @PathParam("postId") UUID postId) {
        discussions.vote(id, postId);
    }

    @DELETE
    @Path("{id}/posts/{postId}/vote")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "unvotePost", summary = "Withdraw one's vote for a post",
            description = "Any role that may see the post.")
    @APIResponse(responseCode = "204", description = "The caller's vote is gone (or never was)")
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    public void unvote(@PathParam("id") UUID id, @PathParam("postId") UUID postId) {
        discussions.unvote(id, postId);
    }
}
