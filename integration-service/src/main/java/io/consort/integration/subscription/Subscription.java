package io.consort.integration.subscription;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription: where to send which events, signed with which secrets. {@code partnerId} null means
 * every partner's events (and events about no partner); partner-side callers only ever see subscriptions of
 * their own partner ({@link PartnerOwned}'s filter hides the rest, the partner-less ones included). The
 * delivery health columns (failures in a row, the circuit breaker) belong to the dispatcher, which writes them
 * with SQL; they do not change the version, which is the configuration's.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PartnerOwned {

    public enum Status { ACTIVE, DISABLED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String url;

    /** The patterns, space-separated (they hold no spaces). */
    @Column(name = "event_types", nullable = false)
    String eventTypes;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> eventTypes() {
        return new ArrayList<>(Arrays.asList(eventTypes.split(" ")));
    }

    public void eventTypes(List<EventTypePattern> patterns) {
        this.eventTypes = String.join(" ", patterns.stream().map(EventTypePattern::text).distinct().toList());
    }

    public List<EventTypePattern> patterns() {
        return eventTypes().stream().map(EventTypePattern::compile).toList();
    }

    /**
     * The secrets (as stored: sealed by {@link SecretCipher}) that sign a delivery now: the current one, and the
     * previous one within its grace period.
     */
    public static List<String> signingSecrets(String secret, String previous, Instant previousExpiresAt, Instant now) {
        if (previous != null && previousExpiresAt != null && now.isBefore(previousExpiresAt)) {
            return List.of(secret, previous);
        }
        return List.of(secret);
    }
}
