package io.consort.community.discussion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the discussions API reads and writes. */
public final class Dtos {

    private Dtos() {
    }

    @Schema(name = "ThreadRequest", example = """
            {"spaceId": "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c", "kind": "QUESTION",
             "title": "How do I register a renewal?", "body": "Do renewals need a **new** registration, @manager?"}""")
    public record ThreadRequest(
            @Schema(required = true, example = "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c") @NotNull UUID spaceId,
            @Schema(required = true, example = "QUESTION") @NotNull ThreadKind kind,
            @Schema(required = true, example = "How do I register a renewal?") @NotBlank @Size(max = 200) String title,
            @Schema(required = true, description = "Markdown", example = "Do renewals need a **new** registration?")
            @NotBlank @Size(max = 20000) String body) {
    }

    @Schema(name = "PostRequest", example = """
            {"body": "Yes, each renewal is registered again; see the *Deal registration guide*."}""")
    public record PostRequest(
            @Schema(required = true, description = "Markdown", example = "Yes, each renewal is registered again.")
            @NotBlank @Size(max = 20000) String body) {
    }

    @Schema(name = "ThreadModeration", example = """
            {"hidden": false, "locked": true, "pinned": true}""")
    public record ThreadModeration(
            @Schema(nullable = true, description = "Hide from partners (absent = unchanged)", example = "false") Boolean hidden,
            @Schema(nullable = true, description = "No more replies from partners (absent = unchanged)", example = "true")
            Boolean locked,
            @Schema(nullable = true, description = "Listed with ?pinned=true (absent = unchanged)", example = "true")
            Boolean pinned) {
    }

    @Schema(name = "PostModeration", example = """
            {"hidden": true}""")
    public record PostModeration(
            @Schema(required = true, description = "Hide from partners", example = "true") @NotNull Boolean hidden) {
    }

    @Schema(name = "AcceptedAnswerRequest", example = """
            {"postId": "1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e"}""")
    public record AcceptedAnswerRequest(
            @Schema(required = true, example = "1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e") @NotNull UUID postId) {
    }

    @Schema(name = "Thread", example = """
            {"id": "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b", "spaceId": "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c",
             "kind": "QUESTION", "title": "How do I register a renewal?", "body": "Do renewals need a **new** one?",
             "bodyHtml": "<p>Do renewals need a <strong>new</strong> one?</p>", "authorId": "ada",
             "authorPartnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "mentions": [], "mentionedMembers": [], "hidden": false,
             "locked": false, "pinned": false, "acceptedPostId": null, "createdAt": "2026-11-27T10:00:00Z",
             "lastActivityAt": "2026-11-27T11:00:00Z", "version": 1}""")
    public record ThreadView(
            @Schema(required = true, example = "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b") UUID id,
            @Schema(required = true, example = "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c") UUID spaceId,
            @Schema(required = true, example = "QUESTION") ThreadKind kind,
            @Schema(required = true, example = "How do I register a renewal?") String title,
            @Schema(required = true, description = "Markdown as written", example = "Do renewals need a **new** one?")
            String body,
            @Schema(required = true, description = "The Markdown rendered to sanitised HTML",
                    example = "<p>Do renewals need a <strong>new</strong> one?</p>") String bodyHtml,
            @Schema(required = true, example = "ada") String authorId,
            @Schema(nullable = true, description = "null when the vendor wrote it",
                    example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") UUID authorPartnerId,
            @Schema(required = true, description = "User names mentioned as @name", example = "[\"manager\"]")
            List<String> mentions,
            @Schema(required = true, description = "The same mentions, each with the member its person belongs to")
            List<MentionView> mentionedMembers,
            @Schema(required = true, example = "false") boolean hidden,
            @Schema(required = true, example = "false") boolean locked,
            @Schema(required = true, example = "false") boolean pinned,
            @Schema(nullable = true, example = "1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e") UUID acceptedPostId,
            @Schema(required = true, example = "2026-11-27T10:00:00Z") Instant createdAt,
            @Schema(required = true, example = "2026-11-27T11:00:00Z") Instant lastActivityAt,
            @Schema(required = true, description = "The version behind the ETag", example = "1") long version) {

        static ThreadView of(DiscussionThread t, String bodyHtml, List<MentionView> mentionedMembers) {
            return new ThreadView(t.id, t.spaceId, t.kind, t.title, t.body, bodyHtml, t.authorId, t.authorPartnerId,
                    List.copyOf(t.mentions), mentionedMembers, t.hidden, t.locked, t.pinned, t.acceptedPostId, t.createdAt,
                    t.lastActivityAt, t.version);
        }
    }

    @Schema(name = "Post", example = """
            {"id": "1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e", "threadId": "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b",
             "body": "Yes, @ada: register it again.",
             "bodyHtml": "<p>Yes, <span class=\\"mention\\" data-handle=\\"ada\\">@ada</span>: register it again.</p>",
             "authorId": "manager", "authorPartnerId": null, "mentions": ["ada"],
             "mentionedMembers": [{"handle": "ada", "partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"}], "hidden": false, "votes": 3,
             "votedByMe": true, "accepted": true, "createdAt": "2026-11-27T11:00:00Z", "editedAt": null, "version": 0}""")
    public record PostView(
            @Schema(required = true, example = "1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e") UUID id,
            @Schema(required = true, example = "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b") UUID threadId,
            @Schema(required = true, description = "Markdown as written", example = "Yes, @ada: register it again.")
            String body,
            @Schema(required = true, description = "The Markdown rendered to sanitised HTML; each mention is a "
                    + "<span class=\"mention\" data-handle=\"…\">",
                    example = "<p>Yes, <span class=\"mention\" data-handle=\"ada\">@ada</span>: register it again.</p>")
            String bodyHtml,
            @Schema(required = true, example = "manager") String authorId,
            @Schema(nullable = true, description = "null when the vendor wrote it", example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d")
            UUID authorPartnerId,
            @Schema(required = true, description = "User names mentioned as @name, in order", example = "[\"ada\"]")
            List<String> mentions,
            @Schema(required = true, description = "The same mentions, each with the member its person belongs to")
            List<MentionView> mentionedMembers,
            @Schema(required = true, example = "false") boolean hidden,
            @Schema(required = true, description = "How many people voted for it", example = "3") long votes,
            @Schema(required = true, example = "true") boolean votedByMe,
            @Schema(required = true, description = "The accepted answer of its question", example = "true") boolean accepted,
            @Schema(required = true, example = "2026-11-27T11:00:00Z") Instant createdAt,
            @Schema(nullable = true, example = "2026-11-27T12:00:00Z") Instant editedAt,
            @Schema(required = true, description = "The version behind the ETag", example = "0") long version) {
    }

    @Schema(name = "MentioningText", example = """
            {"kind": "THREAD", "id": "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b", "threadId": "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b",
             "createdAt": "2026-11-27T10:00:00Z",
             "thread": {"id": "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b", "spaceId": "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c",
              "kind": "QUESTION", "title": "Renewals", "body": "@ada, do renewals need a new one?",
              "bodyHtml": "<p><span class=\\"mention\\" data-handle=\\"ada\\">@ada</span>, do renewals need a new one?</p>",
              "authorId": "manager", "authorPartnerId": null, "mentions": ["ada"],
              "mentionedMembers": [{"handle": "ada", "partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"}],
              "hidden": false, "locked": false, "pinned": false, "acceptedPostId": null,
              "createdAt": "2026-11-27T10:00:00Z", "lastActivityAt": "2026-11-27T10:00:00Z", "version": 0},
             "post": null}""")
    public record MentioningTextView(
            @Schema(required = true, description = "THREAD: a thread's opening text; POST: a reply", example = "THREAD")
            WrittenText.Kind kind,
            @Schema(required = true, description = "The thread's id (THREAD) or the post's (POST)",
                    example = "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b") UUID id,
            @Schema(required = true, example = "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b") UUID threadId,
            @Schema(required = true, example = "2026-11-27T10:00:00Z") Instant createdAt,
            @Schema(nullable = true, description = "The thread, for THREAD") ThreadView thread,
            @Schema(nullable = true, description = "The post, for POST") PostView post) {
    }

    @Schema(name = "Mention", example = """
            {"handle": "ada", "partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"}""")
    public record MentionView(
            @Schema(required = true, description = "The user name mentioned as @handle", example = "ada") String handle,
            @Schema(nullable = true, description = "The member (partner) the person belongs to; null for the vendor's "
                    + "people, for someone the community has not seen write yet, and for a member the caller may not see",
                    example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") UUID partnerId) {
    }
}
