package io.consort.community.announcement;

import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.community.access.CommunityCaller;
import io.consort.community.access.Visibility;
import io.consort.community.access.VisibilityRule;
import io.consort.community.support.Items;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announcements. The vendor sees and edits all of them; a member's feed holds those that are current
 * (published, not expired) and whose rule admits its membership; any other answers 404 to it.
 */
@ApplicationScoped
public class Announcements {

    @Inject
    CommunityCaller caller;

    @Transactional
    public Announcement create(AnnouncementDtos.AnnouncementRequest request) {
        Announcement announcement = new Announcement();
        announcement.id = UUID.randomUUID();
        apply(announcement, request);
        announcement.createdAt = Instant.now();
        announcement.createdBy = caller.userId();
        announcement.persist();
        return announcement;
    }

    @Transactional
    public Announcement replace(UUID id, String ifMatch, AnnouncementDtos.AnnouncementRequest request) {
        Announcement announcement = Items.toChange(visible(id, Instant.now()), ifMatch);
        apply(announcement, request);
        Announcement.getEntityManager().flush();
        return announcement;
    }

    /** The vendor: every announcement ({@code currentOnly} narrows); a member: its feed. */
    public Page<Announcement> list(PageRequest page, boolean currentOnly, Instant now) {
        if (!caller.seesCommunity()) {
            return new Page<>(List.of(), null);
        }
        Map<String, Object> parameters = new HashMap<>();
        KeysetQuery<Announcement> query = KeysetQuery.of(Announcement.class).keys("publishAt", "id")
                .where(Visibility.hql("visibility", caller.audienceOrNull(), parameters), parameters);
        if (currentOnly || !caller.isVendor()) {
            query.where("publishAt <= :now and (expiresAt is null or expiresAt > :now)", Map.of("now", now));
        }
        return query.fetch(page, a -> a.publishAt, a -> a.id);
    }

    public Announcement visible(UUID id, Instant now) {
        return Items.visible(Announcement.<Announcement>findById(id),
                a -> caller.isVendor() || caller.admits(a.visibility) && a.currentAt(now), "announcement", id);
    }

    private static void apply(Announcement announcement, AnnouncementDtos.AnnouncementRequest request) {
        if (request.expiresAt() != null && !request.expiresAt().isAfter(request.publishAt())) {
            throw Problems.invalidField("expiresAt", "must be after publishAt");
        }
        announcement.title = request.title().strip();
        announcement.body = request.body();
        announcement.visibility = (request.visibility() == null ? VisibilityRule.EVERYONE : request.visibility())
                .toVisibility("visibility");
        announcement.publishAt = request.publishAt();
        announcement.expiresAt = request.expiresAt();
    }
}
