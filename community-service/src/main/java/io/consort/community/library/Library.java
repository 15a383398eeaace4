package io.consort.community.library;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.persistence.NativeQueries;
import io.consort.chassis.problem.Problems;
import io.consort.community.access.CommunityCaller;
import io.consort.community.access.Visibility;
import io.consort.community.access.VisibilityRule;
import io.consort.community.library.LibraryDtos.ResourceView;
import io.consort.community.library.LibraryDtos.VersionRequest;
import io.consort.community.library.LibraryDtos.VersionView;
import io.consort.community.support.Items;
import io.consort.community.support.Markdown;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ResourceOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The resource library. Members see the resources their membership admits, and of those only the current
 * version; the vendor sees every version. Opening a resource (after accepting its terms, when it has any)
 * records resource.opened for the opener's partner.
 */
@ApplicationScoped
public class Library {

    @Inject
    CommunityCaller caller;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Transactional
    public LibraryResource create(LibraryDtos.ResourceRequest request) {
        LibraryResource resource = new LibraryResource();
        resource.id = UUID.randomUUID();
        describe(resource, request.title(), request.description(), request.kind(), request.tags(), request.visibility(),
                request.terms());
        resource.createdAt = Instant.now();
        resource.updatedAt = resource.createdAt;
        resource.createdBy = caller.userId();
        resource.currentVersion = 1;
        resource.persist();
        addVersion(resource, 1, request.content());
        return resource;
    }

    @Transactional
    public LibraryResource update(UUID id, String ifMatch, LibraryDtos.ResourceUpdate update) {
        LibraryResource resource = Items.toChange(visible(id), ifMatch);
        describe(resource, update.title(), update.description(), update.kind(), update.tags(), update.visibility(),
                update.terms());
        resource.updatedAt = Instant.now();
        em.flush();
        return resource;
    }

    /** A new current version; the older ones stay, readable to the vendor. */
    @Transactional
    public ResourceVersion publishVersion(UUID id, String ifMatch, VersionRequest content) {
        LibraryResource resource = Items.toChange(visible(id), ifMatch);
        resource.currentVersion++;
        resource.updatedAt = Instant.now();
        ResourceVersion version = addVersion(resource, resource.currentVersion, content);
        em.flush();
        return version;
    }

    public Page<LibraryResource> list(PageRequest page, String tag, ResourceKind kind) {
        if (!caller.seesCommunity()) {
            return new Page<>(List.of(), null);
        }
        Map<String, Object> parameters = new HashMap<>();
        KeysetQuery<LibraryResource> query = KeysetQuery.of(LibraryResource.class).whereEqual("kind", kind)
                .where(Visibility.hql("visibility", caller.audienceOrNull(), parameters), parameters);
        if (tag != null && !tag.isBlank()) {
            query.where("array_contains(tags, :tag)", Map.of("tag", tag.strip()));
        }
        return query.fetch(page, r -> r.createdAt, r -> r.id);
    }

    /** The resource if the caller may see it, else 404. */
    public LibraryResource visible(UUID id) {
        return Items.visible(LibraryResource.<LibraryResource>findById(id), r -> caller.admits(r.visibility), "resource", id);
    }

    public Page<ResourceVersion> versions(UUID id, PageRequest page) {
        visible(id);
        return KeysetQuery.of(ResourceVersion.class).whereEqual("resourceId", id).fetch(page, v -> v.createdAt, v -> v.id);
    }

    /** A version: the vendor reads any; a member only the current one. */
    public ResourceVersion version(UUID id, int number) {
        LibraryResource resource = visible(id);
        ResourceVersion version = ResourceVersion.of(id, number).orElse(null);
        if (version == null || !caller.isVendor() && number != resource.currentVersion) {
            throw Problems.notFound("version " + number + " of resource " + id + " not found");
        }
        return version;
    }

    @Transactional
    public Instant acceptTerms(UUID id) {
        LibraryResource resource = visible(id);
        if (resource.terms == null) {
            throw Problems.conflict("resource " + id + " has no terms to accept");
        }
        NativeQueries.column(em, Integer.class, """
                insert into terms_acceptance (resource_id, user_id, partner_id, accepted_at) values (?, ?, ?, ?)
                on conflict do nothing returning 1""", id, caller.userId(), caller.partnerIdOrNull(), Instant.now());
        return NativeQueries.column(em, java.time.OffsetDateTime.class,
                "select accepted_at from terms_acceptance where resource_id = ? and user_id = ?", id, caller.userId())
                .get(0).toInstant();
    }

    /** The current version's content; a partner's opening is recorded as resource.opened. */
    @Transactional
    public ResourceVersion open(UUID id) {
        LibraryResource resource = visible(id);
        UUID partner = caller.partnerIdOrNull();
        if (resource.terms != null && partner != null && !acceptedTerms(resource.id)) {
            throw Problems.unprocessable("accept the terms of resource " + id + " before opening it");
        }
        ResourceVersion version = ResourceVersion.of(id, resource.currentVersion).orElseThrow();
        if (partner != null) {
            outbox.emit(EventTypes.RESOURCE_OPENED, resource.id, partner, new ResourceOpened(resource.id,
                    version.number, partner, caller.userId(), version.title, Instant.now()));
        }
        return version;
    }

    public String callerId() {
        return caller.userId();
    }

    public ResourceView view(LibraryResource r) {
        return views(List.of(r)).get(0);
    }

    public List<ResourceView> views(List<LibraryResource> resources) {
        if (resources.isEmpty()) {
            return List.of();
        }
        Set<UUID> accepted = new HashSet<>(NativeQueries.column(em, UUID.class,
                "select resource_id from terms_acceptance where resource_id = any(?) and user_id = ?",
                resources.stream().map(r -> r.id).toArray(UUID[]::new), caller.userId()));
        return resources.stream().map(r -> new ResourceView(r.id, r.title, r.description, r.kind, List.copyOf(r.tags),
                VisibilityRule.of(r.visibility), r.terms != null, r.terms, accepted.contains(r.id), r.currentVersion,
                r.createdAt, r.updatedAt, r.version)).toList();
    }

    public static VersionView view(ResourceVersion v, int current) {
        return new VersionView(v.resourceId, v.number, v.title, v.url, v.textBody,
                Markdown.toSafeHtml(v.textBody), v.note, v.number == current, v.createdAt, v.createdBy);
    }

    private boolean acceptedTerms(UUID resourceId) {
        return !NativeQueries.column(em, Integer.class,
                "select 1 from terms_acceptance where resource_id = ? and user_id = ?", resourceId, caller.userId()).isEmpty();
    }

    private ResourceVersion addVersion(LibraryResource resource, int number, VersionRequest content) {
        boolean text = resource.kind == ResourceKind.TEXT;
        if (text && (content.text() == null || content.text().isBlank())) {
            throw Problems.invalidField("text", "a TEXT resource carries text");
        }
        if (!text && content.url() == null) {
            throw Problems.invalidField("url", "a " + resource.kind + " resource carries a URL");
        }
        ResourceVersion version = new ResourceVersion();
        version.id = UUID.randomUUID();
        version.resourceId = resource.id;
        version.number = number;
        version.title = resource.title;
        version.url = text ? null : content.url();
        version.textBody = text ? content.text() : null;
        version.note = content.note();
        version.createdAt = Instant.now();
        version.createdBy = caller.userId();
        version.persist();
        return version;
    }

    private static void describe(LibraryResource resource, String title, String description, ResourceKind kind,
            List<String> tags, VisibilityRule visibility, String terms) {
        resource.title = title.strip();
        resource.description = description;
        resource.kind = kind;
        resource.tags(tags);
        resource.visibility = (visibility == null ? VisibilityRule.EVERYONE : visibility).toVisibility("visibility");
        resource.terms = terms == null || terms.isBlank() ? null : terms;
    }
}
