package io.consort.community.space;

import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.community.access.CommunityCaller;
import io.consort.community.access.Visibility;
import io.consort.community.support.Items;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Spaces, as far as the caller may see them: a space it may not see answers 404, like one that does not exist. */
@ApplicationScoped
public class Spaces {

    @Inject
    CommunityCaller caller;

    @Transactional
    public Space create(SpaceRequest request) {
        Space space = new Space();
        space.id = UUID.randomUUID();
        apply(space, request);
        space.createdAt = Instant.now();
        space.createdBy = caller.userId();
        space.persist();
        return space;
    }

    @Transactional
    public Space replace(UUID id, String ifMatch, SpaceRequest request) {
        Space space = Items.toChange(visible(id), ifMatch);
        apply(space, request);
        Space.getEntityManager().flush();
        return space;
    }

    public Page<Space> list(PageRequest page) {
        if (!caller.seesCommunity()) {
            return new Page<>(List.of(), null);
        }
        Map<String, Object> parameters = new HashMap<>();
        return KeysetQuery.of(Space.class)
                .where(Visibility.hql("visibility", caller.audienceOrNull(), parameters), parameters)
                .fetch(page, s -> s.createdAt, s -> s.id);
    }

    /** The space if the caller may see it (and so post in it), else 404. */
    public Space visible(UUID id) {
        return Items.visible(Space.<Space>findById(id), s -> caller.admits(s.visibility), "space", id);
    }

    /** Whether the space exists and the caller may see it. */
    public boolean isVisible(UUID id) {
        Space space = Space.findById(id);
        return space != null && caller.admits(space.visibility);
    }

    /** HQL: the ids of the spaces the caller may see ({@code null} = all), for the items that live in spaces. */
    public String visibleIdsHql(Map<String, Object> parameters) {
        String rule = Visibility.hql("s.visibility", caller.audienceOrNull(), parameters);
        return rule == null ? null : "select s.id from Space s where " + rule;
    }

    private static void apply(Space space, SpaceRequest request) {
        space.visibility = request.rule();
        space.name = request.name().strip();
        space.description = request.description();
        space.kind = request.kind();
    }
}
