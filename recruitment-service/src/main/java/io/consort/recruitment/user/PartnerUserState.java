package io.consort.recruitment.user;

import io.consort.recruitment.support.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code PROVISIONING → ACTIVE | FAILED}, and from any of those {@code DEACTIVATING → DEACTIVATED}.
 * {@code PROVISIONING} and {@code DEACTIVATING} are pending: the row is written, the Keycloak change
 * that goes with it is the provisioner's to make (and retry). {@code FAILED} is for what retrying cannot
 * fix, such as an address whose Keycloak login belongs to another partner.
 */
public enum PartnerUserState {
    PROVISIONING,
    ACTIVE,
    FAILED,
    DEACTIVATING,
    DEACTIVATED;

    /** What can happen to a partner user. */
    public enum Action {
        /** Keycloak has the login, with the partner's id and the role. */
        PROVISIONED,
        /** Keycloak refused the login for good. */
        REFUSED,
        /** Someone asked to take the login away. */
        DEACTIVATE,
        /** Keycloak has the login disabled (or never had it). */
        DISABLED
    }

    /** The states the provisioner has work to do in. */
    public static final Set<PartnerUserState> PENDING = EnumSet.of(PROVISIONING, DEACTIVATING);

    private static final Map<Action, Set<PartnerUserState>> ALLOWED_FROM = Map.of(
            Action.PROVISIONED, EnumSet.of(PROVISIONING),
            Action.REFUSED, EnumSet.of(PROVISIONING),
            Action.DEACTIVATE, EnumSet.of(PROVISIONING, ACTIVE, FAILED),
            Action.DISABLED, EnumSet.of(DEACTIVATING));

    public PartnerUserState after(Action action) {
        if (!ALLOWED_FROM.get(action).contains(this)) {
            throw new IllegalTransitionException("cannot " + action.name().toLowerCase() + " a partner user that is "
                    + name());
        }
        return switch (action) {
            case PROVISIONED -> ACTIVE;
            case REFUSED -> FAILED;
            case DEACTIVATE -> DEACTIVATING;
            case DISABLED -> DEACTIVATED;
        };
    }

    public boolean isPending() {
        return PENDING.contains(this);
    }
}
