package io.consort.campaign.lead;

import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.PartnerScope;
import io.consort.contracts.events.LeadCreated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/**
 * A lead and its current offer. {@code partnerId} is the partner it is offered to or accepted by (null
 * while NEW or UNROUTED), so the chassis scope filter on that column lets a partner load only the leads
 * it holds; one column for the holder means a lead can never be offered to two partners at once.
 * Transitions refuse what the state machine does not allow with a 409 problem.
 */
@Entity
@Table(name = "leads")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION)
public class Lead extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadCreated.Source source;

    @Column(name = "external_system")
    public String externalSystem;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    /** The partner whose tracked link brought the lead (attribution), if one did. */
    @Column(name = "ref_partner_id")
    public UUID refPartnerId;

    @Column(nullable = false)
    public String company;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    public String region;

    public String specialisation;

    public String need;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadState state;

    @Column(name = "partner_id")
    public UUID partnerId;

    /** The routing rule the current offer was made under (its capacity counts it); null when none applied. */
    @Column(name = "rule_id")
    public UUID ruleId;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "accept_by")
    public Instant acceptBy;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "outcome_reason")
    public String outcomeReason;

    @Column(name = "deal_id")
    public UUID dealId;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /**
     * Offers the lead to {@code partner} until {@code deadline} under {@code rule} (may be null): from NEW, UNROUTED,
     * or OFFERED (routed on).
     */
    public void offer(UUID partner, UUID rule, Instant at, Instant deadline) {
        if (state != LeadState.NEW && state != LeadState.UNROUTED && state != LeadState.OFFERED) {
            throw Problems.conflict("lead " + id + " is " + state + "; only a new, unrouted or offered lead can be offered");
        }
        state = LeadState.OFFERED;
        partnerId = partner;
        ruleId = rule;
        offeredAt = at;
        acceptBy = deadline;
        attempt++;
        updatedAt = at;
    }

    /** Nobody is left to offer it to: back to the vendor. */
    public void unrouted(Instant at) {
        state = LeadState.UNROUTED;
        partnerId = null;
        ruleId = null;
        offeredAt = null;
        acceptBy = null;
        updatedAt = at;
    }

    public void accept(Instant at) {
        requireState(LeadState.OFFERED, "accepted");
        if (at.isAfter(acceptBy)) {
            throw Problems.conflict("the offer of lead " + id + " expired at " + acceptBy);
        }
        state = LeadState.ACCEPTED;
        updatedAt = at;
    }

    /** Ends the current offer (declined or timed out); the caller routes the lead on. */
    public void endOffer(String reason, Instant at) {
        requireState(LeadState.OFFERED, "declined");
        outcomeReason = reason;
        updatedAt = at;
    }

    public void convert(UUID deal, Instant at) {
        requireState(LeadState.ACCEPTED, "converted");
        state = LeadState.CONVERTED;
        dealId = deal;
        updatedAt = at;
    }

    public void lose(String reason, Instant at) {
        requireState(LeadState.ACCEPTED, "lost");
        state = LeadState.LOST;
        outcomeReason = reason;
        updatedAt = at;
    }

    /** Whether the offer's deadline has passed at {@code at}. */
    public boolean isDue(Instant at) {
        return state == LeadState.OFFERED && acceptBy != null && !at.isBefore(acceptBy);
    }

    private void requireState(LeadState required, String verb) {
        if (state != required) {
            throw Problems.conflict("lead " + id + " is " + state + "; only a " + required + " lead can be " + verb);
        }
    }
}
