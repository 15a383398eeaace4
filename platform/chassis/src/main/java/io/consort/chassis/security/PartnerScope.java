package io.consort.chassis.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Hibernate filter that restricts every entity query (HQL, Panache, criteria, and find-by-id) to
 * the partners a restricted caller ({@link CallerScope#isRestricted()}: authenticated, not vendor
 * side) may see. It is declared on {@link PartnerOwned} with {@code autoEnabled} so no repository can
 * forget it; its parameters are resolved per session from the current {@link CallerScope}. Outside a
 * request (Kafka consumers, the outbox relay, startup) and for vendor-side or anonymous callers it
 * lets everything through.
 *
 * <p>An entity whose partner column is not {@code partner_id} (the partner itself, keyed by {@code id})
 * declares {@code @Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION_ON_ID)}.
 */
public final class PartnerScope {

    public static final String FILTER = "consortPartnerScope";
    public static final String PARAM_ALL = "consortScopeAll";
    public static final String PARAM_PARTNERS = "consortScopePartners";
    public static final String CONDITION = "(:" + PARAM_ALL + " = true or partner_id in (:" + PARAM_PARTNERS + "))";
    public static final String CONDITION_ON_ID = "(:" + PARAM_ALL + " = true or id in (:" + PARAM_PARTNERS + "))";

    /** A UUID no partner has: an empty IN list is invalid SQL, and "sees nothing" must still be a list. */
    static final UUID NOBODY = new UUID(0L, 0L);

    private PartnerScope() {
    }

    /** {@code true} when the current caller is not restricted. */
    public static final class AllResolver implements Supplier<Boolean> {
        @Override
        public Boolean get() {
            return withScope(scope -> !scope.isRestricted(), true);
        }
    }

    /** The partners the current caller may see (a sentinel when none). */
    public static final class PartnersResolver implements Supplier<List<UUID>> {
        @Override
        public List<UUID> get() {
            return withScope(scope -> {
                if (!scope.isRestricted()) {
                    return List.of(NOBODY);
                }
                Set<UUID> ids = scope.visiblePartnerIds();
                return ids.isEmpty() ? List.of(NOBODY) : List.copyOf(ids);
            }, List.of(NOBODY));
        }
    }

    private static <T> T withScope(java.util.function.Function<CallerScope, T> f, T outsideRequest) {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return outsideRequest;
        }
        InstanceHandle<CallerScope> handle = container.instance(CallerScope.class);
        if (!handle.isAvailable()) {
            return outsideRequest;
        }
        return f.apply(handle.get());
    }
}
