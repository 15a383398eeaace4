package io.consort.community.access;

import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.community.membership.Member;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

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

    private Optional<Audience> audience;

    public boolean isVendor() {
        return scope.isVendorSide();
    }

    /** The caller's audience; empty for the vendor and for a partner without an active membership. */
    public Optional<Audience> audience() {
        if (audience == null) {
            audience = scope.isVendorSide() ? Optional.empty() : scope.partnerId()
                    .flatMap(id -> Optional.ofNullable(Member.<Member>findById(Member.idFor(id))))
                    .filter(Member::active)
                    .map(m -> new Audience(m.partnerId, m.programId, m.region, m.tierRank));
        }
        return audience;
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
