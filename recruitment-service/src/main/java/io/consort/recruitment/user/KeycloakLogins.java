package io.consort.recruitment.user;

import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Partner logins in Keycloak, through its Admin REST API as the confidential client
 * {@code consort-services} (client credentials; its service account has manage-users, view-users,
 * query-users and view-realm in realm {@code prm}). Uses the {@code quarkus.keycloak.admin-client.*}
 * settings but builds its own client rather than injecting the extension's bean, because that bean's
 * HTTP client has no request timeout: here every call, the token request included, gives up after
 * {@code consort.recruitment.users.keycloak.timeout} (connecting included). Nothing is contacted until
 * the first call, so the service starts while Keycloak is down.
 *
 * <p>Every failure is a {@link KeycloakUnavailableException} (retry) or a {@link KeycloakRefusedException}
 * (give up), see {@link KeycloakFailures}.
 */
@ApplicationScoped
public class KeycloakLogins {

    /** The user attribute the realm's token mapper turns into the {@code partner_id} claim. */
    static final String PARTNER_ID_ATTRIBUTE = CallerScope.PARTNER_ID_CLAIM;
    /** Keycloak asks the person for a password at the first login: no password ever passes through us. */
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    private static final Set<String> PARTNER_ROLES = Set.of(Roles.PARTNER_ADMIN, Roles.PARTNER_USER);

    @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url")
    String serverUrl;
    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;
    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id")
    String clientId;
    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret")
    String clientSecret;
    @ConfigProperty(name = "consort.recruitment.users.keycloak.timeout", defaultValue = "15s")
    Duration timeout;

    private Keycloak keycloak;

    /** A login as Keycloak holds it: its id, the partner it belongs to (if any) and whether it is enabled. */
    record Login(String id, UUID partnerId, boolean enabled) {
    }

    /**
     * Creates the enabled login {@code email} with the partner's id and the password action; answers
     * its id, or empty when Keycloak already has a login with that name or address (409).
     */
    Optional<String> create(PartnerUser user) {
        UserRepresentation login = new UserRepresentation();
        login.setUsername(user.email());
        login.setEmail(user.email());
        login.setFirstName(user.firstName());
        login.setLastName(user.lastName());
        login.setEnabled(true);
        login.setAttributes(Map.of(PARTNER_ID_ATTRIBUTE, List.of(user.partnerId().toString())));
        login.setRequiredActions(List.of(UPDATE_PASSWORD));
        return call("create login " + user.email(), () -> {
            try (Response answer = realm().users().create(login)) {
                int status = answer.getStatus();
                if (status == 409) {
                    return Optional.empty();
                }
                if (status != 201 || answer.getLocation() == null) {
                    throw KeycloakFailures.forStatus("create login " + user.email(), status,
                            KeycloakFailures.bodyOf(answer));
                }
                return Optional.of(lastSegment(answer.getLocation()));
            }
        });
    }

    /** The login named {@code username} exactly, read in full (a search answer may leave attributes out). */
    Optional<Login> findByUsername(String username) {
        return call("look up login " + username, () -> {
            List<UserRepresentation> found = realm().users().searchByUsername(username, true);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            UserRepresentation login = realm().users().get(found.get(0).getId()).toRepresentation();
            return Optional.of(new Login(login.getId(), partnerIdOf(login), Boolean.TRUE.equals(login.isEnabled())));
        });
    }

    /**
     * Makes {@code role} the login's only partner realm role: adds it if missing and removes the other
     * one, so a former admin invited again as a user does not keep admin rights. Repeating it changes nothing.
     */
    void assignPartnerRole(String loginId, PartnerUserRole role) {
        call("assign role " + role.realmRole() + " to login " + loginId, () -> {
            RoleScopeResource realmRoles = realm().users().get(loginId).roles().realmLevel();
            List<RoleRepresentation> current = realmRoles.listAll();
            List<RoleRepresentation> stale = current.stream()
                    .filter(r -> PARTNER_ROLES.contains(r.getName()) && !r.getName().equals(role.realmRole()))
                    .toList();
            if (!stale.isEmpty()) {
                realmRoles.remove(stale);
            }
            if (current.stream().noneMatch(r -> role.realmRole().equals(r.getName()))) {
                realmRoles.add(List.of(realm().roles().get(role.realmRole()).toRepresentation()));
            }
            return null;
        });
    }

    /** Enables or disables the login; answers false when Keycloak has no such login (any more). */
    boolean setEnabled(String loginId, boolean enabled) {
        return call((enabled ? "enable" : "disable") + " login " + loginId, () -> {
            UserRepresentation login;
            try {
                login = realm().users().get(loginId).toRepresentation();
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return false;
                }
                throw e;
            }
            if (!Boolean.valueOf(enabled).equals(login.isEnabled())) {
                // The whole representation goes back: an update without the attributes could drop partner_id.
                login.setEnabled(enabled);
                realm().users().get(loginId).update(login);
            }
            return true;
        });
    }

    /**
     * Has Keycloak e-mail the person a link to set their password (the login's required action), valid for
     * {@code lifespan}: the invitation. Keycloak sends it through the realm's SMTP server, and answers an
     * error when it cannot, so the provisioning is tried again rather than left without a way in.
     */
    void sendInvitation(String loginId, String clientId, Optional<String> redirectUri, Duration lifespan) {
        call("e-mail the invitation of login " + loginId, () -> {
            realm().users().get(loginId).executeActionsEmail(clientId, redirectUri.orElse(null),
                    (int) lifespan.toSeconds(), List.of(UPDATE_PASSWORD));
            return null;
        });
    }

    /** Ends the login's sessions, so a disabled person cannot refresh tokens either. */
    void logout(String loginId) {
        call("log out login " + loginId, () -> {
            realm().users().get(loginId).logout();
            return null;
        });
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (KeycloakRefusedException | KeycloakUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KeycloakFailures.translate(what, e);
        }
    }

    private RealmResource realm() {
        return keycloak().realm(realm);
    }

    private synchronized Keycloak keycloak() {
        if (keycloak == null) {
            // Quarkus's provider registers the admin client's own JSON mapping (lenient about fields a
            // newer Keycloak adds); the read timeout property bounds connecting and waiting alike.
            Client http = Keycloak.getClientProvider().newRestEasyClient(null, null, false);
            http.property(QuarkusRestClientProperties.READ_TIMEOUT, timeout.toMillis());
            keycloak = KeycloakBuilder.builder()
                    .serverUrl(serverUrl)
                    .realm(realm)
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .resteasyClient(http)
                    .build();
        }
        return keycloak;
    }

    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }

    private static UUID partnerIdOf(UserRepresentation login) {
        List<String> values = login.getAttributes() == null ? null : login.getAttributes().get(PARTNER_ID_ATTRIBUTE);
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(values.get(0));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lastSegment(URI location) {
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
