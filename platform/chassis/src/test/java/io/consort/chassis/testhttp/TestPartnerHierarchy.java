package io.consort.chassis.testhttp;

import io.consort.chassis.security.PartnerHierarchy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A fixed two-level hierarchy: PARENT distributes through CHILD. */
@ApplicationScoped
public class TestPartnerHierarchy implements PartnerHierarchy {
    public static final UUID PARENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    public static final UUID CHILD = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    private static final Map<UUID, Set<UUID>> CHILDREN = Map.of(PARENT, Set.of(CHILD));

    @Override
    public Set<UUID> descendantsOf(UUID partnerId) {
        return CHILDREN.getOrDefault(partnerId, Set.of());
    }
}
