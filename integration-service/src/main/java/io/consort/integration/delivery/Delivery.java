package io.consort.integration.delivery;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription, as its log shows it. Written only by the {@link DeliveryQueue} (SQL); read
 * here for the API. Partner-scoped like its subscription (defence in depth: the API reaches deliveries only
 * through a subscription the caller may see).
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PartnerOwned {

    public enum Status { PENDING, IN_FLIGHT, DELIVERED, FAILED }

    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_duration_ms")
    public Integer lastDurationMs;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
