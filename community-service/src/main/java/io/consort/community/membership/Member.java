package io.consort.community.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's community membership, folded from events. Every change keeps the time of the fact it
 * came from and ignores a fact older than the one it already holds, so applying the same facts in any
 * order, any number of times, ends in the same row: what makes redeliveries, reordering and a replay
 * from offset zero agree. Not {@code PartnerOwned}: a partner also sees the members listed in the
 * directory, which {@link Members} decides.
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    /** What a fact did to the membership that the rest of the suite hears about. */
    public enum Change {
        NONE,
        JOINED,
        LEFT,
        JOINED_AND_LEFT
    }

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false, unique = true)
    public UUID partnerId;

    @Column(name = "program_id")
    public UUID programId;

    public String name;

    public String region;

    @Column(name = "listed_in_directory", nullable = false)
    public boolean listedInDirectory;

    @Column(name = "profile_at")
    public Instant profileAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "status_at")
    public Instant statusAt;

    @Column(nullable = false)
    public String tier;

    @Column(name = "tier_rank", nullable = false)
    public int tierRank;

    @Column(name = "tier_at")
    public Instant tierAt;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "left_at")
    public Instant leftAt;

    @Version
    public long version;

    /** The membership id is derived from the partner's, so a rebuild gives every member the id it had. */
    public static UUID idFor(UUID partnerId) {
        return UUID.nameUUIDFromBytes(("community-member:" + partnerId).getBytes(StandardCharsets.UTF_8));
    }

    public static Member heardOf(UUID partnerId) {
        Member member = new Member();
        member.id = idFor(partnerId);
        member.partnerId = partnerId;
        member.status = MemberStatus.PENDING;
        member.tier = Tiers.ENTRY;
        member.tierRank = Tiers.ENTRY_RANK;
        return member;
    }

    /** A member in the community's sense: its activation was seen. */
    public boolean joined() {
        return joinedAt != null;
    }

    /** May see and post where the rules let it: joined and currently ACTIVE. */
    public boolean active() {
        return joined() && status == MemberStatus.ACTIVE;
    }

    /** The partner's profile as of {@code at}; an older profile than the one held is ignored. */
    public void profile(Instant at, UUID programId, String name, String region, Boolean listedInDirectory) {
        if (profileAt != null && at.isBefore(profileAt)) {
            return;
        }
        profileAt = at;
        if (programId != null) {
            this.programId = programId;
        }
        if (name != null) {
            this.name = name;
        }
        if (region != null) {
            this.region = region;
        }
        if (listedInDirectory != null) {
            this.listedInDirectory = listedInDirectory;
        }
    }

    public Change activated(Instant at) {
        boolean wasMember = counted();
        if (joinedAt == null || at.isBefore(joinedAt)) {
            joinedAt = at;
        }
        lifecycle(MemberStatus.ACTIVE, at);
        return change(wasMember, wasGone(wasMember));
    }

    public Change reinstated(Instant at) {
        lifecycle(MemberStatus.ACTIVE, at);
        return Change.NONE;
    }

    public Change suspended(Instant at) {
        lifecycle(MemberStatus.SUSPENDED, at);
        return Change.NONE;
    }

    public Change terminated(Instant at) {
        boolean wasMember = counted();
        boolean wasGone = wasGone(wasMember);
        if (leftAt == null || at.isBefore(leftAt)) {
            leftAt = at;
        }
        status = MemberStatus.CLOSED;
        statusAt = leftAt;
        return change(wasMember, wasGone);
    }

    /** The latest tier wins; an older tier.changed arriving late changes nothing. */
    public void tierChanged(String tier, int rank, Instant at) {
        // Two changes at the same instant: the higher rank wins, whatever the arrival order.
        if (tierAt != null && (at.isBefore(tierAt) || at.equals(tierAt) && rank <= tierRank)) {
            return;
        }
        this.tier = tier;
        this.tierRank = rank;
        this.tierAt = at;
    }

    private void lifecycle(MemberStatus next, Instant at) {
        if (status == MemberStatus.CLOSED) {
            return;
        }
        // Ties (two facts at the same instant) go to SUSPENDED, so the outcome never depends on arrival order.
        if (statusAt == null || at.isAfter(statusAt) || at.equals(statusAt) && next == MemberStatus.SUSPENDED) {
            status = next;
            statusAt = at;
        }
    }

    private boolean counted() {
        return joinedAt != null;
    }

    private boolean wasGone(boolean wasMember) {
        return wasMember && leftAt != null;
    }

    private Change change(boolean wasMember, boolean wasGone) {
        boolean joinedNow = !wasMember && joinedAt != null;
        boolean leftNow = !wasGone && joinedAt != null && leftAt != null;
        if (joinedNow && leftNow) {
            return Change.JOINED_AND_LEFT;
        }
        return joinedNow ? Change.JOINED : leftNow ? Change.LEFT : Change.NONE;
    }
}
