package io.consort.integration.subscription;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problem;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.integration.delivery.DeliveryQueue;
import io.consort.integration.delivery.StandardWebhooks;
import io.consort.integration.address.TargetAddresses;
import io.consort.integration.address.TargetRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Subscriptions and their secrets. Who may subscribe to what: vendor-side integrators and prm-admins to any
 * events, optionally one partner's; a partner-admin only to its own partner's (the subscription is bound to
 * that partner whatever the body says, and naming another partner is a 404 like any other partner's item).
 */
@ApplicationScoped
public class Subscriptions {

    /** The longest grace period a rotation may give the old secret. */
    public static final Duration MAX_GRACE = Duration.ofDays(7);

    @Inject
    CallerScope caller;

    @Inject
    TargetAddresses targets;

    @Inject
    DeliveryQueue queue;

    @Inject
    SecretCipher cipher;

    @ConfigProperty(name = "consort.integration.secret-grace")
    Duration defaultGrace;

    Clock clock = Clock.systemUTC();

    /** The new subscription and its secret, which is never shown again. */
    public record Created(Subscription subscription, String secret) {
    }

    @Transactional
    public Created create(SubscriptionRequest request) {
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.partnerId = ownerFor(request.partnerId());
        apply(s, request);
        s.status = Subscription.Status.ACTIVE;
        String secret = StandardWebhooks.newSecret();
        s.secret = cipher.seal(secret, s.id);
        s.createdBy = caller.origin();
        s.createdAt = now();
        s.updatedAt = s.createdAt;
        s.persist();
        return new Created(s, secret);
    }

    /** The subscription if the caller may see it, else a 404 problem. */
    public Subscription visible(UUID id) {
        Subscription s = Subscription.findById(id);
        if (s == null) {
            throw Problems.notFound("webhook subscription", id);
        }
        return s;
    }

    public Page<Subscription> list(PageRequest page, Subscription.Status status, UUID partnerId) {
        return KeysetQuery.of(Subscription.class)
                .whereEqual("status", status)
                .whereEqual("partnerId", partnerId)
                .fetch(page, s -> s.createdAt, s -> s.id);
    }

    @Transactional
    public Subscription replace(UUID id, SubscriptionRequest request, String ifMatch) {
        Subscription s = visible(id);
        ETags.requireMatch(ifMatch, s.version);
        UUID owner = ownerFor(request.partnerId());
        if (!java.util.Objects.equals(owner, s.partnerId)) {
            throw Problems.invalidField("partnerId", "a subscription's partner cannot change; create another one");
        }
        apply(s, request);
        s.updatedAt = now();
        return s;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Subscription s = visible(id);
        ETags.requireMatch(ifMatch, s.version);
        s.delete();
    }

    /** Starts deliveries again after a disable: failures forgotten; events missed meanwhile come back by replay. */
    @Transactional
    public Subscription enable(UUID id, String ifMatch) {
        Subscription s = visible(id);
        ETags.requireMatch(ifMatch, s.version);
        if (s.status == Subscription.Status.ACTIVE) {
            return s;
        }
        // The address may have been fine when subscribed and not any more.
        targetRefusal(s.url).ifPresent(reason -> {
            throw Problems.unprocessable("the target URL is refused now: " + reason);
        });
        s.status = Subscription.Status.ACTIVE;
        s.disabledReason = null;
        s.disabledAt = null;
        s.updatedAt = now();
        queue.resetHealth(id);
        return s;
    }

    @Transactional
    public Subscription disable(UUID id, String ifMatch) {
        Subscription s = visible(id);
        ETags.requireMatch(ifMatch, s.version);
        if (s.status == Subscription.Status.DISABLED) {
            return s;
        }
        s.status = Subscription.Status.DISABLED;
        s.disabledReason = "disabled by " + caller.origin();
        s.disabledAt = now();
        s.updatedAt = s.disabledAt;
        queue.failPending(id, "subscription " + s.disabledReason);
        return s;
    }

    /** A new secret; the old one keeps signing beside it for {@code grace} (default: the configured period). */
    @Transactional
    public SecretRotation rotateSecret(UUID id, Duration grace, String ifMatch) {
        Duration period = grace == null ? defaultGrace : grace;
        if (period.isNegative() || period.compareTo(MAX_GRACE) > 0) {
            throw Problems.invalidField("grace", "must be an ISO-8601 duration between PT0S and P7D");
        }
        Subscription s = visible(id);
        ETags.requireMatch(ifMatch, s.version);
        Instant now = now();
        String secret = StandardWebhooks.newSecret();
        s.previousSecret = s.secret;
        s.previousSecretExpiresAt = now.plus(period);
        s.secret = cipher.seal(secret, s.id);
        s.updatedAt = now;
        return new SecretRotation(secret, s.previousSecretExpiresAt);
    }

    private void apply(Subscription s, SubscriptionRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<EventTypePattern> patterns = new ArrayList<>();
        for (int i = 0; i < request.eventTypes().size(); i++) {
            try {
                patterns.add(EventTypePattern.parse(request.eventTypes().get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]", e.getMessage()));
            }
        }
        targetRefusal(request.url()).ifPresent(reason -> errors.add(new Problem.FieldError("url", reason)));
        if (!errors.isEmpty()) {
            throw Problems.invalid("The subscription is not valid", errors);
        }
        s.url = request.url().trim();
        s.eventTypes(patterns);
        s.description = request.description();
    }

    private Optional<String> targetRefusal(String url) {
        try {
            targets.resolve(url);
            return Optional.empty();
        } catch (TargetRefusedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Who owns a new subscription: the named partner (vendor side), or the caller's own partner. */
    private UUID ownerFor(UUID requested) {
        if (caller.isVendorSide()) {
            return requested;
        }
        UUID own = caller.partnerId()
                .orElseThrow(() -> Problems.forbidden("a partner-side caller needs a partner to subscribe for"));
        if (requested != null) {
            caller.requirePartnerAccess(requested);
            return requested;
        }
        return own;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
