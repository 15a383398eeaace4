package io.consort.chassis.security;

import java.util.Set;
import java.util.UUID;

/**
 * Optional bean a service provides when partners form a hierarchy (a distributor sees its resellers).
 * Without one, a partner-side caller sees only its own partner.
 */
public interface PartnerHierarchy {

    /** Every partner below {@code partnerId}, at any depth; never contains {@code partnerId} itself. */
    Set<UUID> descendantsOf(UUID partnerId);
}
