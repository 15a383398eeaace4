package io.consort.campaign.lead;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a lead's routing history: what happened, to which partner, under which rule version, and why. */
@Entity
@Table(name = "lead_routing_decisions")
public class RoutingDecision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionKind kind;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "rule_id")
    public UUID ruleId;

    @Column(name = "rule_version")
    public Long ruleVersion;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String actor;
}
