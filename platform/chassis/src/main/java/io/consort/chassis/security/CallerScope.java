package io.consort.chassis.security;

import io.consort.chassis.problem.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as far as data visibility goes. Vendor-side callers (prm-admin, channel-manager,
 * integrator) see everything; every other authenticated caller is restricted to its partner
 * ({@code partner_id}) and, for a {@code partner-admin}, through a {@link PartnerHierarchy} bean, its
 * descendants (domain.md: a partner-user sees only its own organisation). Anonymous callers are
 * neither (only public endpoints admit them, and those restrict themselves).
 */
@RequestScoped
public class CallerScope {

    public static final String PARTNER_ID_CLAIM = "partner_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<PartnerHierarchy> hierarchy;

    private Set<UUID> visible;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isVendorSide() {
        return !identity.isAnonymous() && Roles.VENDOR_SIDE.stream().anyMatch(identity::hasRole);
    }

    /** Partner-side wins only when no vendor role is present: a partner claim never narrows a vendor. */
    public boolean isPartnerSide() {
        if (identity.isAnonymous() || isVendorSide()) {
            return false;
        }
        return Roles.PARTNER_SIDE.stream().anyMatch(identity::hasRole) || partnerId().isPresent();
    }

    /**
     * Whether this caller's data access is limited to {@link #visiblePartnerIds()}: every authenticated
     * caller that is not vendor-side, including one with no role at all (fail closed). Anonymous
     * calls are not restricted here because only public endpoints admit them, and those restrict
     * what they show themselves.
     */
    public boolean isRestricted() {
        return !identity.isAnonymous() && !isVendorSide();
    }

    /** The {@code partner_id} claim of the token, if any (malformed values count as absent). */
    public Optional<UUID> partnerId() {
        return claim(PARTNER_ID_CLAIM).flatMap(CallerScope::parseUuid);
    }

    /** Name to record in change records: the user name, else the client id, else the principal name. */
    public String origin() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        return claim("preferred_username")
                .or(() -> claim("azp"))
                .or(() -> claim("client_id"))
                .or(() -> claim("clientId"))
                .orElseGet(() -> identity.getPrincipal().getName());
    }

    /**
     * The partners a restricted caller may see: its own, plus its descendants for a partner-admin. Empty
     * for a restricted caller without a {@code partner_id} claim (it sees nothing) and for unrestricted
     * callers (check {@link #isRestricted()} first: for them the set means nothing).
     */
    public Set<UUID> visiblePartnerIds() {
        if (visible == null) {
            Optional<UUID> own = isRestricted() ? partnerId() : Optional.empty();
            if (own.isEmpty()) {
                visible = Set.of();
            } else {
                Set<UUID> ids = new LinkedHashSet<>();
                ids.add(own.get());
                if (identity.hasRole(Roles.PARTNER_ADMIN) && hierarchy.isResolvable()) {
                    ids.addAll(hierarchy.get().descendantsOf(own.get()));
                }
                visible = Collections.unmodifiableSet(ids);
            }
        }
        return visible;
    }

    /** Whether this caller may see data of {@code partnerId}: vendor side always, anonymous never. */
    public boolean canAccess(UUID partnerId) {
        if (isVendorSide()) {
            return true;
        }
        return isRestricted() && partnerId != null && visiblePartnerIds().contains(partnerId);
    }

    /**
     * Throws the chassis 404 problem when a caller asks about a partner it may not see; answering 404
     * rather than 403 keeps other partners' existence secret.
     */
    public void requirePartnerAccess(UUID partnerId) {
        if (!canAccess(partnerId)) {
            throw Problems.notFound("partner " + partnerId + " not found");
        }
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String s = value.toString();
                // JSON-P string values print with quotes.
                if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                    s = s.substring(1, s.length() - 1);
                }
                return s.isBlank() ? Optional.empty() : Optional.of(s);
            }
        }
        Object attribute = identity.getAttribute(name);
        return attribute == null ? Optional.empty() : Optional.of(attribute.toString());
    }

    private static Optional<UUID> parseUuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
