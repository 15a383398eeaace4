package io.consort.community.search;

import io.consort.chassis.paging.Page;
import io.consort.chassis.problem.Problems;
import io.consort.community.access.Audience;
import io.consort.community.access.CommunityCaller;
import io.consort.community.access.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * Runs without a transaction: three reads in autocommit (the membership, the visible spaces, the search),
     * no BEGIN/COMMIT round trips. The planner settings the search needs (a custom plan with the query's values
     * every time, no JIT) are the community's connection options (application.properties), not a statement.
     */
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
        String text = q.strip();
        List<SearchHit> hits = em.unwrap(Session.class).doReturningWork(connection -> {
            List<Object> parameters = new ArrayList<>();
            String sql = statement(text, audience, audience == null ? null : visibleSpaces(connection, audience),
                    after, limit + 1, parameters);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
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

    /**
     * The search statement. Resources carry their own rule; threads and posts are restricted to the spaces the
     * member may see ({@code spaces}, null for the vendor) and to what is not hidden. Ranked and cut to the page
     * on (kind, id, rank) alone; only the page's rows are joined back for title and text, and only they get a
     * headline. The tsquery is written out in every branch rather than shared through a CTE, so that, planned
     * with its value, it folds to a constant and each branch is estimated from the tsvector statistics.
     */
    private static String statement(String text, Audience audience, Array spaces, Optional<Position> after, int rows,
            List<Object> parameters) {
        String query = "websearch_to_tsquery('english', ?)";
        StringBuilder sql = new StringBuilder("""
                select page.kind, page.id, coalesce(p.thread_id, t.id) as thread_id,
                       coalesce(r.title, t.title, pt.title) as title, page.rank,
                       ts_headline('english', case page.kind
                           when 'RESOURCE' then r.title || ' ' || coalesce(r.description, '') || ' ' || r.tags_text
                           when 'THREAD' then t.title || ' ' || t.body
                           else p.body end, %1$s, ?) as snippet
                from (select kind, id, rank from (
                    select 'RESOURCE' as kind, r.id, ts_rank(r.search_vector, %1$s) as rank
                      from library_resource r
                     where r.search_vector @@ %1$s and (%2$s)
                    union all
                    select 'THREAD', t.id, ts_rank(t.search_vector, %1$s)
                      from discussion_thread t
                     where t.search_vector @@ %1$s %3$s
                    union all
                    select 'POST', p.id, ts_rank(p.search_vector, %1$s)
                      from post p
                     where p.search_vector @@ %1$s %4$s
                    ) hits
                """.formatted(query, Visibility.sql("r", audience),
                spaces == null ? "" : "and not t.hidden and t.space_id = any(?)",
                spaces == null ? "" : """
                        and not p.hidden and exists (select 1 from discussion_thread t
                               where t.id = p.thread_id and not t.hidden and t.space_id = any(?))"""));
        parameters.addAll(List.of(text, HEADLINE, text, text));
        parameters.addAll(Visibility.sqlParameters(audience));
        parameters.addAll(List.of(text, text));
        if (spaces != null) {
            parameters.add(spaces);
        }
        parameters.addAll(List.of(text, text));
        if (spaces != null) {
            parameters.add(spaces);
        }
        after.ifPresent(position -> {
            sql.append("where rank < ? or (rank = ? and id < ?)\n");
            parameters.addAll(List.of(position.rank(), position.rank(), position.id()));
        });
        sql.append("""
                order by rank desc, id desc limit ?) page
                left join library_resource r on page.kind = 'RESOURCE' and r.id = page.id
                left join discussion_thread t on page.kind = 'THREAD' and t.id = page.id
                left join post p on page.kind = 'POST' and p.id = page.id
                left join discussion_thread pt on pt.id = p.thread_id
                order by page.rank desc, page.id desc""");
        parameters.add(rows);
        return sql.toString();
    }

    /**
     * The spaces the member may see, read before the search: a handful of rows, and a list of ids the planner
     * weighs well (joined through the rule's array predicates, the spaces were estimated at one row and the
     * posts planned from the wrong end: every post of every visible thread instead of the index's matches).
     */
    private static Array visibleSpaces(Connection connection, Audience audience) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select s.id from space s where " + Visibility.sql("s", audience))) {
            List<Object> parameters = Visibility.sqlParameters(audience);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return connection.createArrayOf("uuid", ids.toArray());
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
