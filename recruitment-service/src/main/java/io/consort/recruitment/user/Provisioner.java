package io.consort.recruitment.user;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.retry.RetrySchedule;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.PartnerUserAdded;
import io.consort.recruitment.support.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes Keycloak match one pending partner user per call, in one transaction that holds the row's lock
 * for the Keycloak calls (each bounded by the client's timeout) and records the outcome: the new state
 * and its event together, or the failed attempt and when to try again. Every step is safe to repeat, so
 * a crash between a Keycloak change and the commit only repeats the step: a login that already exists
 * (409) is adopted when it carries this partner's id. The last step e-mails the person the invitation
 * (Keycloak's execute-actions mail: a link to set their password); a crash after it may send a second.
 */
@ApplicationScoped
public class Provisioner {

    private static final Logger LOG = Logger.getLogger(Provisioner.class);

    /** Who the audit columns name for the provisioner's changes. */
    static final String ACTOR = "keycloak-provisioner";

    @Inject
    PartnerUserRepository users;

    @Inject
    KeycloakLogins keycloak;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "consort.recruitment.users.provisioning.initial-backoff", defaultValue = "1s")
    Duration initialBackoff;

    @ConfigProperty(name = "consort.recruitment.users.provisioning.max-backoff", defaultValue = "5m")
    Duration maxBackoff;

    @ConfigProperty(name = "consort.recruitment.users.keycloak.timeout", defaultValue = "15s")
    Duration keycloakTimeout;

    @ConfigProperty(name = "consort.recruitment.users.invitation.enabled", defaultValue = "true")
    boolean invitationEnabled;

    @ConfigProperty(name = "consort.recruitment.users.invitation.client-id", defaultValue = "consort-portal")
    String invitationClientId;

    @ConfigProperty(name = "consort.recruitment.users.invitation.redirect-uri")
    Optional<String> invitationRedirectUri;

    @ConfigProperty(name = "consort.recruitment.users.invitation.lifespan", defaultValue = "72h")
    Duration invitationLifespan;

    /** Works on the oldest due partner user, if one is due; answers whether there was one. */
    public boolean attemptNext() {
        // Up to eight Keycloak calls (token, create, search, read, roles, role, mapping, invitation) fit in it.
        int timeoutSeconds = (int) Math.max(60, keycloakTimeout.multipliedBy(10).toSeconds());
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            Optional<PartnerUser> due = users.lockNextDue(Timestamps.now());
            due.ifPresent(this::attempt);
            return due.isPresent();
        });
    }

    /** When the next attempt falls due, if anything is pending. */
    public Optional<Instant> nextDue() {
        return QuarkusTransaction.requiringNew().call(() -> users.earliestDue());
    }

    private void attempt(PartnerUser user) {
        try {
            switch (user.state()) {
                case PROVISIONING -> provision(user);
                case DEACTIVATING -> disable(user);
                default -> throw new IllegalStateException("partner user " + user.id() + " is not pending: "
                        + user.state());
            }
        } catch (KeycloakRefusedException e) {
            if (user.state() == PartnerUserState.PROVISIONING) {
                LOG.warnf("Login of partner user %s refused for good: %s", user.id(), e.getMessage());
                user.refused(e.getMessage(), ACTOR, Timestamps.now());
            } else {
                // A deactivation must happen eventually; whoever reads lastError can fix what blocks it.
                retryLater(user, e);
            }
        } catch (RuntimeException e) {
            retryLater(user, e);
        }
    }

    private void provision(PartnerUser user) {
        if (user.keycloakUserId() == null) {
            user.linkTo(keycloak.create(user).orElseGet(() -> adopt(user)));
        }
        keycloak.assignPartnerRole(user.keycloakUserId(), user.role());
        if (invitationEnabled) {
            // Last, so that the link works when it arrives; a failure retries every step, each repeatable.
            keycloak.sendInvitation(user.keycloakUserId(), invitationClientId, invitationRedirectUri,
                    invitationLifespan);
        }
        Instant now = Timestamps.now();
        user.provisioned(ACTOR, now);
        outbox.emit(EventTypes.PARTNER_USER_ADDED, user.id(), user.partnerId(), new PartnerUserAdded(
                user.partnerId(), user.id(), user.keycloakUserId(), user.email(), user.role().eventRole(), now));
        LOG.debugf("Partner user %s has Keycloak login %s", user.id(), user.keycloakUserId());
    }

    /**
     * Keycloak already has a login of this name or address: ours from an attempt whose commit was lost,
     * or from a deactivated user of the same partner invited again (enabled again here). A login of
     * another partner, or none at all, is never taken over.
     */
    private String adopt(PartnerUser user) {
        KeycloakLogins.Login login = keycloak.findByUsername(user.email())
                .orElseThrow(() -> new KeycloakRefusedException("Keycloak has another login with the address "
                        + user.email() + "; it cannot be given to this partner"));
        if (!Objects.equals(login.partnerId(), user.partnerId())) {
            throw new KeycloakRefusedException("Keycloak login " + user.email() + " belongs to "
                    + (login.partnerId() == null ? "no partner" : "another partner")
                    + "; it is not taken over");
        }
        if (!login.enabled()) {
            keycloak.setEnabled(login.id(), true);
        }
        return login.id();
    }

    private void disable(PartnerUser user) {
        if (user.keycloakUserId() == null) {
            // The login may exist from an attempt whose commit was lost; only this partner's is touched.
            keycloak.findByUsername(user.email())
                    .filter(login -> user.partnerId().equals(login.partnerId()))
                    .ifPresent(login -> user.linkTo(login.id()));
        }
        if (user.keycloakUserId() != null && keycloak.setEnabled(user.keycloakUserId(), false)) {
            keycloak.logout(user.keycloakUserId());
        }
        user.disabled(ACTOR, Timestamps.now());
    }

    private void retryLater(PartnerUser user, RuntimeException e) {
        Instant now = Timestamps.now();
        Duration delay = new RetrySchedule(initialBackoff, maxBackoff).delayAfter(user.attempts() + 1);
        String error = e instanceof KeycloakUnavailableException || e instanceof KeycloakRefusedException
                ? e.getMessage() : "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
        user.retryLater(error, now.plus(delay), ACTOR, now);
        if (e instanceof KeycloakUnavailableException || e instanceof KeycloakRefusedException) {
            LOG.warnf("Partner user %s: attempt %d failed, next in %d ms: %s", user.id(), user.attempts(),
                    delay.toMillis(), error);
        } else {
            LOG.errorf(e, "Partner user %s: attempt %d failed unexpectedly, next in %d ms", user.id(),
                    user.attempts(), delay.toMillis());
        }
    }
}
