package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner became a member of the community: its partner was activated. {@code tier} and {@code tierRank}
 * are the membership's tier when it opened (the entry tier REGISTERED, rank 0, until a tier.changed arrives).
 */
public record MemberJoined(UUID memberId, UUID partnerId, UUID programId, String region, String tier, int tierRank,
        Instant occurredAt) {
}
