package io.consort.community.discussion;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.persistence.NativeQueries;
import io.consort.chassis.problem.Problems;
import io.consort.community.access.CommunityCaller;
import io.consort.community.discussion.Dtos.MentioningTextView;
import io.consort.community.discussion.Dtos.PostView;
import io.consort.community.discussion.Dtos.ThreadView;
import io.consort.community.space.Space;
import io.consort.community.space.Spaces;
import io.consort.community.support.Items;
import io.consort.community.support.Markdown;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.AnswerAccepted;
import io.consort.contracts.events.PostCreated;
import io.consort.contracts.events.ThreadCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Threads and posts. A thread is visible where its space is and, for partners, while it is not hidden;
 * a post also while it is not hidden. Anything the caller may not see answers 404. Partners change only
 * what they wrote; the vendor moderates.
 */
@ApplicationScoped
public class Discussions {

    @Inject
    CommunityCaller caller;

    @Inject
    Spaces spaces;

    @Inject
    Outbox outbox;

    @Inject
    Mentions mentions;

    @Inject
    EntityManager em;

    @Transactional
    public DiscussionThread start(Dtos.ThreadRequest request) {
        Space space = spaces.visible(request.spaceId());
        DiscussionThread thread = new DiscussionThread();
        thread.id = UUID.randomUUID();
        thread.spaceId = space.id;
        thread.kind = request.kind();
        thread.title = request.title().strip();
        thread.body = request.body();
        thread.mentions = Markdown.mentions(request.body());
        thread.authorId = caller.userId();
        thread.authorPartnerId = caller.partnerIdOrNull();
        thread.createdAt = Instant.now();
        thread.lastActivityAt = thread.createdAt;
        thread.persist();
        mentions.writerSeen();
        mentions.store(thread);
        outbox.emit(EventTypes.THREAD_CREATED, thread.id, thread.authorPartnerId, new ThreadCreated(thread.id,
                space.id, thread.authorPartnerId, thread.authorId,
                ThreadCreated.Kind.valueOf(thread.kind.name()), thread.title, thread.createdAt));
        return thread;
    }

    public Page<DiscussionThread> threads(PageRequest page, UUID spaceId, Boolean pinned) {
        if (!caller.seesCommunity()) {
            return new Page<>(List.of(), null);
        }
        Map<String, Object> parameters = new HashMap<>();
        KeysetQuery<DiscussionThread> query = KeysetQuery.of(DiscussionThread.class)
                .whereEqual("spaceId", spaceId).whereEqual("pinned", pinned);
        String visibleSpaces = spaces.visibleIdsHql(parameters);
        if (visibleSpaces != null) {
            query.where("hidden = false and spaceId in (" + visibleSpaces + ")", parameters);
        }
        return query.fetch(page, t -> t.createdAt, t -> t.id);
    }

    /** The thread if the caller may see it, else 404. */
    public DiscussionThread thread(UUID id) {
        return Items.visible(DiscussionThread.<DiscussionThread>findById(id),
                t -> (!t.hidden || caller.isVendor()) && spaces.isVisible(t.spaceId), "thread", id);
    }

    @Transactional
    public DiscussionThread moderate(UUID id, String ifMatch, Dtos.ThreadModeration moderation) {
        DiscussionThread thread = Items.toChange(thread(id), ifMatch);
        if (moderation.hidden() != null) {
            thread.hidden = moderation.hidden();
        }
        if (moderation.locked() != null) {
            thread.locked = moderation.locked();
        }
        if (moderation.pinned() != null) {
            thread.pinned = moderation.pinned();
        }
        em.flush();
        return thread;
    }

    @Transactional
    public Post reply(UUID threadId, Dtos.PostRequest request) {
        DiscussionThread thread = thread(threadId);
        if (thread.locked && !caller.isVendor()) {
            throw Problems.conflict("thread " + threadId + " is locked");
        }
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.threadId = thread.id;
        post.body = request.body();
        post.mentions = Markdown.mentions(request.body());
        post.authorId = caller.userId();
        post.authorPartnerId = caller.partnerIdOrNull();
        post.createdAt = Instant.now();
        post.persist();
        mentions.writerSeen();
        mentions.store(post);
        thread.lastActivityAt = post.createdAt;
        outbox.emit(EventTypes.POST_CREATED, post.id, post.authorPartnerId, new PostCreated(post.id, thread.id,
                thread.spaceId, post.authorPartnerId, post.authorId, post.createdAt));
        em.flush();
        return post;
    }

    public Page<Post> posts(UUID threadId, PageRequest page) {
        thread(threadId);
        KeysetQuery<Post> query = KeysetQuery.of(Post.class).whereEqual("threadId", threadId);
        if (!caller.isVendor()) {
            query.where("hidden = false");
        }
        return query.fetch(page, p -> p.createdAt, p -> p.id);
    }

    /** The post if the caller may see it (and its thread), else 404. */
    public Post post(UUID threadId, UUID postId) {
        thread(threadId);
        return Items.visible(Post.<Post>findById(postId), p -> p.threadId.equals(threadId) && (!p.hidden || caller.isVendor()),
                "post", postId);
    }

    @Transactional
    public Post edit(UUID threadId, UUID postId, String ifMatch, Dtos.PostRequest request) {
        Post post = post(threadId, postId);
        requireAuthor(post);
        Items.toChange(post, ifMatch);
        post.body = request.body();
        post.mentions = Markdown.mentions(request.body());
        post.editedAt = Instant.now();
        em.flush();
        mentions.store(post);
        return post;
    }

    @Transactional
    public void delete(UUID threadId, UUID postId, String ifMatch) {
        Post post = post(threadId, postId);
        if (!caller.isVendor()) {
            requireAuthor(post);
        }
        Items.toChange(post, ifMatch);
        DiscussionThread thread = thread(threadId);
        if (postId.equals(thread.acceptedPostId)) {
            throw Problems.conflict("post " + postId + " is the accepted answer; it cannot be deleted");
        }
        post.delete();
    }

    @Transactional
    public Post moderatePost(UUID threadId, UUID postId, String ifMatch, Dtos.PostModeration moderation) {
        Post post = Items.toChange(post(threadId, postId), ifMatch);
        post.hidden = moderation.hidden();
        em.flush();
        return post;
    }

    /** One vote per person and post; voting again changes nothing. */
    @Transactional
    public void vote(UUID threadId, UUID postId) {
        post(threadId, postId);
        NativeQueries.column(em, Integer.class, """
                insert into post_vote (post_id, voter, created_at) values (?, ?, ?)
                on conflict do nothing returning 1""", postId, caller.userId(), Instant.now());
    }

    @Transactional
    public void unvote(UUID threadId, UUID postId) {
        post(threadId, postId);
        NativeQueries.column(em, Integer.class, "delete from post_vote where post_id = ? and voter = ? returning 1",
                postId, caller.userId());
    }

    /** The question's author or the vendor accepts one answer; accepting it again changes nothing. */
    @Transactional
    public DiscussionThread accept(UUID threadId, UUID postId) {
        DiscussionThread thread = thread(threadId);
        if (thread.kind != ThreadKind.QUESTION) {
            throw Problems.conflict("thread " + threadId + " is a discussion; only questions have an accepted answer");
        }
        if (!caller.isVendor() && !caller.userId().equals(thread.authorId)) {
            throw Problems.forbidden("only the question's author or the vendor accepts its answer");
        }
        Post post = post(threadId, postId);
        if (postId.equals(thread.acceptedPostId)) {
            return thread;
        }
        if (thread.acceptedPostId != null) {
            throw Problems.conflict("thread " + threadId + " already has an accepted answer");
        }
        thread.acceptedPostId = post.id;
        Instant now = Instant.now();
        outbox.emit(EventTypes.ANSWER_ACCEPTED, thread.id, post.authorPartnerId,
                new AnswerAccepted(thread.id, post.id, post.authorPartnerId, caller.userId(), now));
        em.flush();
        return thread;
    }

    public PostView view(Post post) {
        return views(List.of(post)).get(0);
    }

    /** Posts with their vote counts and the caller's own votes, in two queries for a whole page. */
    public List<PostView> views(List<Post> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = posts.stream().map(p -> p.id).toList();
        Map<UUID, Long> votes = new HashMap<>();
        UUID[] idArray = ids.toArray(UUID[]::new);
        // post_id and count in one text column each row: NativeQueries reads one column.
        NativeQueries.column(em, String.class,
                "select post_id || ' ' || count(*) from post_vote where post_id = any(?) group by post_id", (Object) idArray)
                .forEach(row -> votes.put(UUID.fromString(row.substring(0, 36)), Long.parseLong(row.substring(37))));
        Set<UUID> mine = new HashSet<>(NativeQueries.column(em, UUID.class,
                "select post_id from post_vote where post_id = any(?) and voter = ?", idArray,
                caller.userId()));
        Set<UUID> accepted = new HashSet<>(NativeQueries.column(em, UUID.class,
                "select accepted_post_id from discussion_thread where accepted_post_id = any(?)", (Object) idArray));
        Map<UUID, List<Dtos.MentionView>> mentioned = mentions.resolved(texts(posts, p -> p.id, p -> p.mentions));
        return posts.stream().map(p -> new PostView(p.id, p.threadId, p.body, Markdown.toSafeHtmlWithMentions(p.body),
                p.authorId, p.authorPartnerId, List.copyOf(p.mentions), mentioned.getOrDefault(p.id, List.of()), p.hidden, votes.getOrDefault(p.id, 0L), mine.contains(p.id),
                accepted.contains(p.id), p.createdAt, p.editedAt, p.version)).toList();
    }

    public ThreadView view(DiscussionThread thread) {
        return threadViews(List.of(thread)).get(0);
    }

    /** Threads with their opening text rendered and its mentions resolved, in one query for a whole page. */
    public List<ThreadView> threadViews(List<DiscussionThread> threads) {
        Map<UUID, List<Dtos.MentionView>> mentioned = mentions.resolved(texts(threads, t -> t.id, t -> t.mentions));
        return threads.stream().map(t -> ThreadView.of(t, Markdown.toSafeHtmlWithMentions(t.body),
                mentioned.getOrDefault(t.id, List.of()))).toList();
    }

    /** Texts that mention someone (threads' opening texts and posts), each as its thread's or post's view. */
    public List<MentioningTextView> mentioningViews(List<WrittenText> texts) {
        List<UUID> ids = texts.stream().map(t -> t.id).toList();
        Map<UUID, ThreadView> threads = new HashMap<>();
        Map<UUID, PostView> posts = new HashMap<>();
        if (!ids.isEmpty()) {
            threadViews(DiscussionThread.list("id in ?1", ids)).forEach(v -> threads.put(v.id(), v));
            views(Post.list("id in ?1", ids)).forEach(v -> posts.put(v.id(), v));
        }
        return texts.stream().map(t -> new MentioningTextView(t.kind, t.id, t.threadId, t.createdAt,
                t.kind == WrittenText.Kind.THREAD ? threads.get(t.id) : null,
                t.kind == WrittenText.Kind.POST ? posts.get(t.id) : null)).toList();
    }

    private static <T> Map<UUID, List<String>> texts(List<T> items, Function<T, UUID> id, Function<T, List<String>> handles) {
        Map<UUID, List<String>> texts = new LinkedHashMap<>();
        items.forEach(item -> texts.put(id.apply(item), handles.apply(item)));
        return texts;
    }

    private void requireAuthor(Post post) {
        if (!caller.userId().equals(post.authorId)) {
            throw Problems.forbidden("only its author changes a post");
        }
    }
}
