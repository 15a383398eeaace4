package io.consort.chassis.security;

import java.util.Set;

/** Realm role names carried in {@code realm_access.roles}; use them in {@code @RolesAllowed}. */
public final class Roles {

    public static final String PRM_ADMIN = "prm-admin";
    public static final String CHANNEL_MANAGER = "channel-manager";
    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String PARTNER_USER = "partner-user";
    public static final String INTEGRATOR = "integrator";

    /** The vendor's own people and machines: they see every partner. */
    public static final Set<String> VENDOR_SIDE = Set.of(PRM_ADMIN, CHANNEL_MANAGER, INTEGRATOR);
    /** People working for a partner: they see only their partner (and its children). */
    public static final Set<String> PARTNER_SIDE = Set.of(PARTNER_ADMIN, PARTNER_USER);

    private Roles() {
    }
}
