package io.consort.community.access;

import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.community.membership.Member;
import io.consort.community.membership.MemberStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The caller as the community sees it: vendor side (sees and moderates everything), an active member
 * (sees what its membership's program, region and tier admit), or a partner-side caller without an active
 * membership (not activated yet, suspended, terminated: sees nothing). Read once per request, so a tier
 * change applies from the next request on, without anyone touching the items.
 */
@RequestScoped
public class CommunityCaller {

    @Inject
    CallerScope scope;

    @Inject
    EntityManager em;

    private Optional<Audience> audience;

    public boolean isVendor() {
        return scope.isVendorSide();
    }

    /** The caller's audience; empty for the vendor and for a partner without an active membership. */
    public Optional<Audience> audience() {
        if (audience == null) {
            audience = scope.isVendorSide() ? Optional.empty() : scope.partnerId().flatMap(this::activeMembership);
        }
        return audience;
    }

    /**
     * The partner's membership as the four values a rule reads, if it is active ({@link Member#active}: joined
     * and ACTIVE). One indexed row read with JDBC on every partner-side request: no entity is loaded into the
     * session, so nothing is snapshotted for dirty checking or flushed.
     */
    private Optional<Audience> activeMembership(UUID partnerId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select partner_id, program_id, region, tier_rank from member
                     where id = ? and joined_at is not null and status = ?""")) {
                statement.setObject(1, Member.idFor(partnerId));
                statement.setString(2, MemberStatus.ACTIVE.name());
                try (ResultSet r = statement.executeQuery()) {
                    return r.next() ? Optional.of(new Audience(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                            r.getString(3), r.getInt(4))) : Optional.empty();
                }
            }
        });
    }

    /** Whether the caller sees anything at all: the vendor, or an active member. */
    public boolean seesCommunity() {
        return isVendor() || audience().isPresent();
    }

    /** The audience for a rule check: null (no restriction) for the vendor. Call after {@link #seesCommunity}. */
    public Audience audienceOrNull() {
        return audience().orElse(null);
    }

    /** Whether the caller may see an item under this rule. */
    public boolean admits(Visibility visibility) {
        return isVendor() || audience().map(visibility::admits).orElse(false);
    }

    public String userId() {
        return scope.origin();
    }

    /** The caller's partner; null for the vendor. */
    public UUID partnerIdOrNull() {
        return isVendor() ? null : scope.partnerId().orElse(null);
    }

    public void requireVendor() {
        if (!isVendor()) {
            throw Problems.forbidden("only the vendor may do this");
        }
    }
}
