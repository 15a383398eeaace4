package io.consort.community.access;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Who may see an item (space, resource, announcement): a minimum tier (by rank), programs, regions. Each
 * empty part admits everyone; a member must pass every part. A hidden item admits no member at all.
 * The same rule exists three times, kept together here: {@link #admits} for single items, {@link #hql} for
 * lists, {@link #sql} for search.
 */
@Embeddable
public class Visibility {

    @Column(name = "min_tier")
    public String minimumTier;

    @Column(name = "min_tier_rank")
    public Integer minimumTierRank;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "program_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> programIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regions", nullable = false, columnDefinition = "text[]")
    public List<String> regions = new ArrayList<>();

    @Column(name = "hidden", nullable = false)
    public boolean hidden;

    public static Visibility of(String minimumTier, Integer minimumTierRank, List<UUID> programIds, List<String> regions,
            boolean hidden) {
        Visibility v = new Visibility();
        v.hidden = hidden;
        v.minimumTier = minimumTier;
        v.minimumTierRank = minimumTierRank;
        v.programIds = programIds == null ? new ArrayList<>() : new ArrayList<>(programIds);
        v.regions = regions == null ? new ArrayList<>() : new ArrayList<>(regions);
        return v;
    }

    public boolean admits(Audience audience) {
        if (audience == null) {
            return true;
        }
        return !hidden && (minimumTierRank == null || audience.tierRank() >= minimumTierRank)
                && (programIds.isEmpty() || audience.programId() != null && programIds.contains(audience.programId()))
                && (regions.isEmpty() || audience.region() != null && regions.contains(audience.region()));
    }

    /**
     * The rule as an HQL condition on the embedded property {@code path} (e.g. {@code visibility}), binding
     * its parameters into {@code parameters}; {@code null} for a vendor-side caller (no restriction).
     */
    public static String hql(String path, Audience audience, Map<String, Object> parameters) {
        if (audience == null) {
            return null;
        }
        parameters.put("audienceRank", audience.tierRank());
        parameters.put("audienceProgram", audience.programId() == null ? new UUID(0, 0) : audience.programId());
        parameters.put("audienceRegion", audience.region() == null ? "" : audience.region());
        return path + ".hidden = false and (" + path + ".minimumTierRank is null or " + path + ".minimumTierRank <= :audienceRank)"
                + " and (coalesce(array_length(" + path + ".programIds), 0) = 0 or array_contains(" + path + ".programIds, :audienceProgram))"
                + " and (coalesce(array_length(" + path + ".regions), 0) = 0 or array_contains(" + path + ".regions, :audienceRegion))";
    }

    /**
     * The rule as SQL on table alias {@code alias}, with JDBC placeholders filled in order by
     * {@link #sqlParameters}; {@code true} for a vendor-side caller.
     */
    public static String sql(String alias, Audience audience) {
        if (audience == null) {
            return "true";
        }
        return "not " + alias + ".hidden and (" + alias + ".min_tier_rank is null or " + alias + ".min_tier_rank <= ?)"
                + " and (cardinality(" + alias + ".program_ids) = 0 or ?::uuid = any(" + alias + ".program_ids))"
                + " and (cardinality(" + alias + ".regions) = 0 or ? = any(" + alias + ".regions))";
    }

    public static List<Object> sqlParameters(Audience audience) {
        if (audience == null) {
            return List.of();
        }
        return List.of(audience.tierRank(), audience.programId() == null ? new UUID(0, 0) : audience.programId(),
                audience.region() == null ? "" : audience.region());
    }
}
