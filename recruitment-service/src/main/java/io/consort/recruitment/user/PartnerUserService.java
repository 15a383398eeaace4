package io.consort.recruitment.user;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.recruitment.partner.PartnerReads;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's people. Each change is committed here at once and its Keycloak side is queued for the
 * {@link ProvisioningWorker}: whether Keycloak is up decides when a login works, never whether the
 * approval, the invitation or the deactivation succeeds.
 */
@ApplicationScoped
public class PartnerUserService {

    @Inject
    PartnerUserRepository users;

    @Inject
    PartnerReads partners;

    @Inject
    Event<LoginChangeQueued> queued;

    /**
     * The approved application's contact becomes the new partner's first {@code partner-admin}, inside
     * the approval's transaction: the partner never exists without the admin login being on its way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PartnerUser addFirstAdmin(UUID partnerId, String contactName, String contactEmail, String by,
            Instant now) {
        return queue(PartnerUser.invite(UUID.randomUUID(), partnerId,
                PartnerUser.Person.fromContact(contactEmail, contactName), PartnerUserRole.PARTNER_ADMIN, by, now));
    }

    @Transactional
    public PartnerUser invite(UUID partnerId, PartnerUserRequest request, String by) {
        partners.get(partnerId);
        users.lockUsersOf(partnerId);
        String email = PartnerUser.normaliseEmail(request.email());
        users.findLiveByEmail(partnerId, email).ifPresent(existing -> {
            throw Problems.conflict("partner " + partnerId + " already has a user with the address " + email
                    + " (" + existing.state() + ")");
        });
        return queue(PartnerUser.invite(UUID.randomUUID(), partnerId,
                new PartnerUser.Person(email, request.firstName().strip(), request.lastName().strip()),
                request.role(), by, Timestamps.now()));
    }

    /** Takes the login away; refused while the user is the partner's last active administrator. */
    @Transactional
    public PartnerUser deactivate(UUID partnerId, UUID userId, String ifMatch, String by) {
        users.lockUsersOf(partnerId);
        PartnerUser user = users.findInPartner(partnerId, userId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("user", userId));
        ETags.requireMatch(ifMatch, user.version());
        if (user.isLastActiveAdmin(users.countActiveAdmins(partnerId))) {
            throw Problems.unprocessable("user " + userId + " is the last active partner-admin of partner " + partnerId
                    + "; invite another partner-admin first");
        }
        user.deactivate(by, Timestamps.now());
        queued.fire(new LoginChangeQueued(user.id()));
        return user;
    }

    public PartnerUser get(UUID partnerId, UUID userId) {
        return users.findInPartner(partnerId, userId, LockModeType.NONE)
                .orElseThrow(() -> Problems.notFound("user", userId));
    }

    public Page<PartnerUser> list(UUID partnerId, PageRequest page, Sort sort, PartnerUserState state) {
        partners.get(partnerId);
        return KeysetQuery.of(PartnerUser.class).sort(sort)
                .whereEqual("partnerId", partnerId)
                .whereEqual("state", state)
                .fetch(page, PartnerUser::createdAt, PartnerUser::id);
    }

    private PartnerUser queue(PartnerUser user) {
        users.persist(user);
        queued.fire(new LoginChangeQueued(user.id()));
        return user;
    }
}
