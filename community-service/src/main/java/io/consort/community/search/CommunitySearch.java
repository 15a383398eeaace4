package io.consort.community.search;

import io.consort.chassis.paging.Page;
import io.consort.chassis.problem.Problems;
import io.consort.community.access.Audience;
import io.consort.community.access.CommunityCaller;
import io.consort.community.access.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * PostgreSQL full text over resources, threads and posts, restricted in SQL to what the caller may see
 * before anything is ranked, paged or highlighted: a hidden or not-visible item never reaches a count,
 * a rank or a snippet. Ranked by {@code ts_rank}, paged by a keyset on (rank, id), and only the page's
 * rows get a {@code ts_headline}.
 */
@ApplicationScoped
public class CommunitySearch {

    /**
     * Private-use characters as highlight markers (HTML escaping leaves them alone): the snippet is escaped,
     * then the markers become {@code <mark>}.
     */
    private static final String START = "\uE000";
    private static final String STOP = "\uE001";
    private static final String HEADLINE = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final Safelist MARK_ONLY = Safelist.none().addTags("mark");

    @Inject
    CommunityCaller caller;

    @Inject
    EntityManager em;

    @Transactional
    public Page<SearchHit> search(String q, int limit, Optional<String> cursor) {
        if (q == null || q.isBlank()) {
            throw Problems.invalidField("q", "must not be blank");
        }
        if (q.length() > 200) {
            throw Problems.invalidField("q", "must be at most 200 characters");
        }
        if (!caller.seesCommunity()) {
            return new Page<>(List.of(), null);
        }
        Optional<Position> after = cursor.map(CommunitySearch::decode);
        Audience audience = caller.audienceOrNull();
        boolean vendor = caller.isVendor();
        List<Object> parameters = new ArrayList<>();
        parameters.add(q.strip());
        StringBuilder sql = new StringBuilder("""
                with q as (select websearch_to_tsquery('english', ?) as query)
                select kind, id, thread_id, title, rank, ts_headline('english', text, q.query, ?) as snippet
                from (select * from (
                    select 'RESOURCE' as kind, r.id, null::uuid as thread_id, r.title,
                           ts_rank(r.search_vector, q.query) as rank,
                           r.title || ' ' || coalesce(r.description, '') || ' ' || r.tags_text as text
                      from library_resource r, q
                     where r.search_vector @@ q.query and\s""");
        parameters.add(HEADLINE);
        visibility(sql, parameters, "r", audience);
        sql.append("""
                    union all
                    select 'THREAD', t.id, t.id, t.title, ts_rank(t.search_vector, q.query), t.title || ' ' || t.body
                      from discussion_thread t join space s on s.id = t.space_id, q
                     where t.search_vector @@ q.query\s""");
        sql.append(vendor ? "" : "and not t.hidden ").append("and ");
        visibility(sql, parameters, "s", audience);
        sql.append("""
                    union all
                    select 'POST', p.id, p.thread_id, t.title, ts_rank(p.search_vector, q.query), p.body
                      from post p join discussion_thread t on t.id = p.thread_id join space s on s.id = t.space_id, q
                     where p.search_vector @@ q.query\s""");
        sql.append(vendor ? "" : "and not p.hidden and not t.hidden ").append("and ");
        visibility(sql, parameters, "s", audience);
        sql.append(") hits ");
        after.ifPresent(position -> {
            sql.append("where rank < ? or (rank = ? and id < ?) ");
            parameters.add(position.rank());
            parameters.add(position.rank());
            parameters.add(position.id());
        });
        sql.append("order by rank desc, id desc limit ?) page, q order by rank desc, id desc");
        parameters.add(limit + 1);

        List<SearchHit> hits = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                List<SearchHit> rows = new ArrayList<>();
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        rows.add(new SearchHit(SearchHit.Kind.valueOf(r.getString(1)), r.getObject(2, UUID.class),
                                r.getObject(3, UUID.class), r.getString(4), snippet(r.getString(6)), r.getFloat(5)));
                    }
                }
                return rows;
            }
        });
        if (hits.size() <= limit) {
            return new Page<>(hits, null);
        }
        List<SearchHit> page = hits.subList(0, limit);
        SearchHit last = page.get(limit - 1);
        return new Page<>(page, encode(new Position(last.rank(), last.id())));
    }

    private static void visibility(StringBuilder sql, List<Object> parameters, String alias, Audience audience) {
        sql.append('(').append(Visibility.sql(alias, audience)).append(")\n");
        parameters.addAll(Visibility.sqlParameters(audience));
    }

    /** Escapes the headline, turns the markers into {@code <mark>}, and lets only balanced marks through. */
    static String snippet(String headline) {
        if (headline == null) {
            return "";
        }
        String escaped = Entities.escape(headline).replace(START, "<mark>").replace(STOP, "</mark>");
        return Jsoup.clean(escaped, MARK_ONLY);
    }

    record Position(float rank, UUID id) {
    }

    static String encode(Position position) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + 16).put((byte) 1).putFloat(position.rank())
                .putLong(position.id().getMostSignificantBits()).putLong(position.id().getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static Position decode(String cursor) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)));
            if (buffer.remaining() != 21 || buffer.get() != 1) {
                throw new IllegalArgumentException("not a search cursor");
            }
            float rank = buffer.getFloat();
            return new Position(rank, new UUID(buffer.getLong(), buffer.getLong()));
        } catch (RuntimeException e) {
            throw Problems.invalidField("cursor", "is not a cursor this search gave out");
        }
    }
}
