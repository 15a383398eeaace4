package io.consort.community.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.consort.chassis.inbox.IncomingEvent;
import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.MemberJoined;
import io.consort.contracts.events.MemberLeft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Folds the events of {@code prm.partners} and {@code prm.performance} into memberships. Runs inside the
 * caller's transaction: the inbox's for live events (effect and "processed" mark commit together), the
 * rebuild's for a replay, which publishes nothing (the suite heard of those joins and leaves already).
 */
@ApplicationScoped
public class MembershipFacts {

    private static final Logger LOG = Logger.getLogger(MembershipFacts.class);

    /** Whether applying a fact may publish member.joined / member.left. */
    public enum Mode {
        LIVE,
        REPLAY
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** Applies the event if it is one memberships are built from; returns whether it was. */
    public boolean apply(IncomingEvent event, Mode mode) {
        String type = event.type();
        JsonNode payload = event.payload();
        if (EventTypes.TIER_CHANGED.ceType().equals(type)) {
            String tier = event.require("tier", text(payload, "tier"));
            int rank = payload.hasNonNull("tierRank") ? payload.get("tierRank").asInt()
                    : Tiers.rankOf(tier).orElseGet(() -> {
                        // Unknown name, no rank: gate it like the entry tier rather than guess higher.
                        LOG.warnf("tier.changed %s names tier %s without a tierRank; ranked as the entry tier", event.id(), tier);
                        return Tiers.ENTRY_RANK;
                    });
            member(partnerOf(event)).tierChanged(tier, Math.max(0, rank), occurredAt(event));
            return true;
        }
        if (!isPartnerFact(type)) {
            return false;
        }
        Member member = member(partnerOf(event));
        Instant at = occurredAt(event);
        Member.Change change = Member.Change.NONE;
        if (EventTypes.PARTNER_ONBOARDING_STARTED.ceType().equals(type)
                || EventTypes.PARTNER_PROFILE_UPDATED.ceType().equals(type)) {
            profile(member, payload, at);
        } else if (EventTypes.PARTNER_ACTIVATED.ceType().equals(type)) {
            profile(member, payload, at);
            change = member.activated(at);
        } else if (EventTypes.PARTNER_SUSPENDED.ceType().equals(type)) {
            change = member.suspended(at);
        } else if (EventTypes.PARTNER_REINSTATED.ceType().equals(type)) {
            change = member.reinstated(at);
        } else if (EventTypes.PARTNER_TERMINATED.ceType().equals(type)) {
            change = member.terminated(at);
        }
        if (mode == Mode.LIVE) {
            publish(member, change);
        }
        return true;
    }

    static boolean isPartnerFact(String type) {
        return EventTypes.PARTNER_ONBOARDING_STARTED.ceType().equals(type)
                || EventTypes.PARTNER_PROFILE_UPDATED.ceType().equals(type)
                || EventTypes.PARTNER_ACTIVATED.ceType().equals(type)
                || EventTypes.PARTNER_SUSPENDED.ceType().equals(type)
                || EventTypes.PARTNER_REINSTATED.ceType().equals(type)
                || EventTypes.PARTNER_TERMINATED.ceType().equals(type);
    }

    private void publish(Member member, Member.Change change) {
        if (change == Member.Change.JOINED || change == Member.Change.JOINED_AND_LEFT) {
            em.flush();
            outbox.emit(EventTypes.MEMBER_JOINED, member.id, member.partnerId, new MemberJoined(member.id,
                    member.partnerId, member.programId, member.region, member.tier, member.tierRank, member.joinedAt));
        }
        if (change == Member.Change.LEFT || change == Member.Change.JOINED_AND_LEFT) {
            outbox.emit(EventTypes.MEMBER_LEFT, member.id, member.partnerId,
                    new MemberLeft(member.id, member.partnerId, MemberLeft.Reason.TERMINATED, member.leftAt));
        }
    }

    private static void profile(Member member, JsonNode payload, Instant at) {
        member.profile(at, uuid(payload, "programId"), text(payload, "name"), text(payload, "region"),
                payload.hasNonNull("listedInDirectory") ? payload.get("listedInDirectory").asBoolean() : null);
    }

    /** The partner's membership row, locked: the two topics' consumers may touch the same partner at once. */
    private Member member(UUID partnerId) {
        Member member = em.find(Member.class, Member.idFor(partnerId), LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            member = Member.heardOf(partnerId);
            em.persist(member);
        }
        return member;
    }

    private static UUID partnerOf(IncomingEvent event) {
        return event.require("partnerId", uuid(event.payload(), "partnerId"));
    }

    private static Instant occurredAt(IncomingEvent event) {
        String at = event.require("occurredAt", text(event.payload(), "occurredAt"));
        try {
            return Instant.parse(at);
        } catch (RuntimeException e) {
            return java.time.OffsetDateTime.parse(at).toInstant();
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static UUID uuid(JsonNode payload, String field) {
        String value = text(payload, field);
        return value == null ? null : UUID.fromString(value);
    }
}
