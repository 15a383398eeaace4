package io.consort.community.membership;

import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who sees which membership: the vendor every member; a partner-side caller its own (and a partner-admin
 * its children's) plus the ACTIVE members listed in the partner directory. Partners community has heard
 * of but never seen activated are no members and appear nowhere.
 */
@ApplicationScoped
public class Members {

    @Inject
    CallerScope caller;

    public Page<Member> list(PageRequest page, MemberStatus status) {
        Map<String, Object> parameters = new HashMap<>();
        KeysetQuery<Member> query = KeysetQuery.of(Member.class).keys("joinedAt", "id")
                .where("joinedAt is not null").whereEqual("status", status);
        if (caller.isRestricted()) {
            parameters.put("own", caller.visiblePartnerIds());
            parameters.put("listed", MemberStatus.ACTIVE);
            query.where("(partnerId in :own or (listedInDirectory = true and status = :listed))", parameters);
        }
        return query.fetch(page, m -> m.joinedAt, m -> m.id);
    }

    public Member get(UUID partnerId) {
        Member member = Member.findById(Member.idFor(partnerId));
        if (member == null || !member.joined() || !visible(member)) {
            throw Problems.notFound("member", partnerId);
        }
        return member;
    }

    private boolean visible(Member member) {
        return !caller.isRestricted() || caller.canAccess(member.partnerId)
                || member.listedInDirectory && member.status == MemberStatus.ACTIVE;
    }
}
