package io.consort.recruitment.partner;

import io.agroal.api.AgroalDataSource;
import io.consort.chassis.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The partner change feed: rows the {@code partners_changes} trigger writes for every insert and update
 * of a partner, read in (position, seq) order below the transaction horizon, so a reader never misses
 * a change that commits later and sees each partner's changes in the order they were made (see
 * V8__partner_changes_horizon.sql). Writers take no lock for it.
 */
@ApplicationScoped
public class PartnerChanges {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PartnerRepository partners;

    /** One committed change: what the partner became, at which version, by whom; and where it is in the feed. */
    public record Change(long sequence, Cursor cursor, UUID partnerId, String operation, PartnerState state,
            long version, String origin, Instant changedAt) {
    }

    /**
     * A place in the feed: after the change at {@code position} (its writer's transaction id, or a larger one
     * the partner's previous change had) and {@code sequence}. Shown as {@code "position.sequence"}; a bare
     * number is a cursor from before positions existed, {@code (0, number)}.
     */
    public record Cursor(long position, long sequence) {

        public static final Cursor START = new Cursor(0, 0);

        /** The cursor a client sent back; 400 naming {@code since} when it is not one this feed gives. */
        public static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return START;
            }
            String[] parts = text.strip().split("\\.", -1);
            try {
                if (parts.length == 1) {
                    return new Cursor(0, nonNegative(parts[0]));
                }
                if (parts.length == 2) {
                    return new Cursor(Long.parseUnsignedLong(parts[0]), nonNegative(parts[1]));
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw Problems.invalidField("since", "is not a cursor this feed returned");
        }

        private static long nonNegative(String digits) {
            long value = Long.parseLong(digits);
            if (value < 0 || digits.startsWith("+")) {
                throw new NumberFormatException(digits);
            }
            return value;
        }

        @Override
        public String toString() {
            return Long.toUnsignedString(position) + "." + sequence;
        }
    }

    /**
     * Up to {@code limit} changes after {@code since}, in feed order, all of transactions that have ended; only
     * those of {@code partners} unless it is null (a vendor-side reader sees every partner's).
     */
    public List<Change> after(Cursor since, int limit, Collection<UUID> partners) {
        String sql = "SELECT seq, position::text, partner_id, operation, state, version, origin, changed_at "
                + "FROM partner_changes WHERE (position, seq) > (?::text::xid8, ?) "
                + "AND position < pg_snapshot_xmin(pg_current_snapshot())"
                + (partners == null ? "" : " AND partner_id = ANY (?)") + " ORDER BY position, seq LIMIT ?";
        List<Change> changes = new ArrayList<>(limit);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int p = 1;
            query.setString(p++, Long.toUnsignedString(since.position()));
            query.setLong(p++, since.sequence());
            if (partners != null) {
                query.setArray(p++, connection.createArrayOf("uuid", partners.toArray()));
            }
            query.setInt(p, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong(1);
                    changes.add(new Change(sequence, new Cursor(Long.parseUnsignedLong(rows.getString(2)), sequence),
                            rows.getObject(3, UUID.class), rows.getString(4), PartnerState.valueOf(rows.getString(5)),
                            rows.getLong(6), rows.getString(7), rows.getObject(8, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the partner change feed", e);
        }
        return changes;
    }

    /** A committed change of the feed, with the partner as it is now (absent if the caller may not see it). */
    public record FeedEntry(Change change, Partner partner) {
    }

    /** Changes of the feed, and whether more follow them already. */
    public record FeedPage(List<FeedEntry> entries, boolean more) {
    }

    /**
     * Up to {@code limit} committed changes after {@code since}, in feed order; of {@code onlyPartners}
     * unless it is null. Each comes with the partner as it is now, read through the scope filter.
     */
    public FeedPage changesAfter(Cursor since, int limit, Collection<UUID> onlyPartners) {
        List<Change> found = after(since, limit + 1, onlyPartners);
        boolean more = found.size() > limit;
        List<Change> page = more ? found.subList(0, limit) : found;
        List<UUID> ids = page.stream().map(Change::partnerId).distinct().toList();
        Map<UUID, Partner> current = ids.isEmpty() ? Map.of()
                : partners.list("id in ?1", ids).stream().collect(Collectors.toMap(Partner::id, Function.identity()));
        return new FeedPage(page.stream().map(c -> new FeedEntry(c, current.get(c.partnerId()))).toList(), more);
    }
}
