package io.consort.performance.fact;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Something that happened to a partner, as an event told it: the raw material of KPIs, tiers and
 * "as of" answers. Append-only; {@code data} is the event's payload verbatim, so a KPI added later
 * can be computed over the whole history without replaying Kafka.
 */
@Entity
@Table(name = "partner_fact")
public class PartnerFact extends PartnerOwned {

    @Id
    public UUID id;

    /** The event's {@code ce_id}: one fact per event, whatever the broker redelivers. */
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactKind kind;

    @Column(name = "program_id")
    public UUID programId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> data;
}
