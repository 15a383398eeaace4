package io.consort.community.discussion;

import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.persistence.NativeQueries;
import io.consort.chassis.security.CallerScope;
import io.consort.community.access.CommunityCaller;
import io.consort.community.discussion.Dtos.MentionView;
import io.consort.community.membership.MemberStatus;
import io.consort.community.space.Spaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Who threads' opening texts and posts mention. A handle is a person's user name (what they post under). The
 * community learns which member a person belongs to when the person writes (starts a thread or replies); a
 * mention of a person it knows is stored with that partner, and mentions written before the person was first
 * seen are resolved then.
 */
@ApplicationScoped
public class Mentions {

    @Inject
    CommunityCaller caller;

    @Inject
    CallerScope scope;

    @Inject
    Spaces spaces;

    @Inject
    EntityManager em;

    /** Records the calling person (a writer) and resolves earlier mentions of them to their partner. */
    public void writerSeen() {
        String handle = caller.userId();
        UUID partner = caller.partnerIdOrNull();
        NativeQueries.column(em, Integer.class, """
                insert into community_person (handle, partner_id, last_seen_at) values (?, ?, ?)
                on conflict (handle) do update set partner_id = excluded.partner_id, last_seen_at = excluded.last_seen_at
                returning 1""", handle, partner, Instant.now());
        for (String table : new String[] { "post_mention", "thread_mention" }) {
            NativeQueries.column(em, Integer.class, "update " + table + """
                     set partner_id = ? where handle = ? and partner_id is distinct from ?
                    returning 1""", partner, handle, partner);
        }
    }

    /** Stores the post's current mentions (after a reply or an edit), each resolved if the person is known. */
    public void store(Post post) {
        store("post_mention", "post_id", post.id, post.mentions);
    }

    /** Stores the mentions of a thread's opening text (when it is started), each resolved if the person is known. */
    public void store(DiscussionThread thread) {
        store("thread_mention", "thread_id", thread.id, thread.mentions);
    }

    private void store(String table, String idColumn, UUID textId, List<String> handles) {
        NativeQueries.column(em, Integer.class, "delete from " + table + " where " + idColumn + " = ? returning 1", textId);
        if (handles.isEmpty()) {
            return;
        }
        NativeQueries.column(em, Integer.class, "insert into " + table + " (" + idColumn + ", handle, partner_id)" + """
                 select ?, m.handle, person.partner_id
                  from unnest(?::text[]) as m(handle) left join community_person person on person.handle = m.handle
                returning 1""", textId, handles.toArray(String[]::new));
    }

    /**
     * The mentions of these texts (posts, or threads' opening texts: id → its handles in order of mention),
     * each with its person's partner when the community knows it and the caller may see that member (the
     * vendor: any; a partner: its own, or an ACTIVE member listed in the directory).
     */
    public Map<UUID, List<MentionView>> resolved(Map<UUID, List<String>> texts) {
        Map<UUID, List<MentionView>> byText = new HashMap<>();
        if (texts.values().stream().allMatch(List::isEmpty)) {
            return byText;
        }
        UUID[] ids = texts.keySet().toArray(UUID[]::new);
        Map<UUID, Map<String, UUID>> partners = new HashMap<>();
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select m.text_id, m.handle, m.partner_id, coalesce(member.listed_in_directory and member.status = ?, false)
                      from text_mention m left join member on member.partner_id = m.partner_id
                     where m.text_id = any(?)""")) {
                statement.setString(1, MemberStatus.ACTIVE.name());
                statement.setObject(2, ids);
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        UUID partner = r.getObject(3, UUID.class);
                        boolean visible = partner != null
                                && (!scope.isRestricted() || scope.canAccess(partner) || r.getBoolean(4));
                        partners.computeIfAbsent(r.getObject(1, UUID.class), k -> new HashMap<>())
                                .put(r.getString(2), visible ? partner : null);
                    }
                }
            }
        });
        texts.forEach((id, handles) -> {
            Map<String, UUID> known = partners.getOrDefault(id, Map.of());
            Map<String, MentionView> views = new LinkedHashMap<>();
            handles.forEach(handle -> views.put(handle, new MentionView(handle, known.get(handle))));
            byText.put(id, new ArrayList<>(views.values()));
        });
        return byText;
    }

    /**
     * The texts (threads' opening texts and posts) that mention the caller, oldest first, as far as the caller
     * may see them: for a partner-side caller, texts mentioning it or any person of its member; for the vendor,
     * texts mentioning it. Never hidden posts, hidden threads or threads of spaces the caller may not see.
     */
    public Page<WrittenText> mentioningCaller(PageRequest page) {
        if (!caller.seesCommunity()) {
            return new Page<>(List.of(), null);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("handle", caller.userId());
        KeysetQuery<WrittenText> query = KeysetQuery.of(WrittenText.class);
        UUID partner = caller.partnerIdOrNull();
        if (partner == null) {
            query.where("id in (select m.textId from TextMention m where m.handle = :handle)", parameters);
        } else {
            parameters.put("partner", partner);
            query.where("id in (select m.textId from TextMention m where m.handle = :handle or m.partnerId = :partner)",
                    parameters);
        }
        String visibleSpaces = spaces.visibleIdsHql(parameters);
        if (visibleSpaces != null) {
            query.where("hidden = false and threadId in (select t.id from DiscussionThread t where t.hidden = false"
                    + " and t.spaceId in (" + visibleSpaces + "))", parameters);
        }
        return query.fetch(page, t -> t.createdAt, t -> t.id);
    }
}
