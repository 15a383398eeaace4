package io.consort.community.access;

import java.util.UUID;

/**
 * Who a partner-side caller is to the visibility rules: its membership's program, region and tier rank.
 * Vendor-side callers have no audience; they see everything.
 */
public record Audience(UUID partnerId, UUID programId, String region, int tierRank) {
}
