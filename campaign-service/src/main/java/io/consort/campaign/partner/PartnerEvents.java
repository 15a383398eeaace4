package io.consort.campaign.partner;

import com.fasterxml.jackson.databind.JsonNode;
import io.consort.chassis.events.MalformedEventException;
import io.consort.chassis.inbox.IncomingEvent;
import io.consort.contracts.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies one event of {@code prm.partners} or {@code prm.performance} to the partner view. The payload
 * is read field by field rather than as the contract's record: the profile fields of
 * {@code onboarding-started}/{@code activated} and {@code tierRank} of {@code tier.changed} are being
 * added by their producers, so every field but the partner id and {@code occurredAt} is optional
 * here. Runs inside the caller's transaction (the inbox's, or a rebuild batch's).
 */
@ApplicationScoped
public class PartnerEvents {

    private static final Logger LOG = Logger.getLogger(PartnerEvents.class);

    /** The lifecycle status each lifecycle event type stands for. */
    static final Map<String, PartnerStatus> LIFECYCLE = Map.of(
            EventTypes.PARTNER_ONBOARDING_STARTED.ceType(), PartnerStatus.ONBOARDING,
            EventTypes.PARTNER_ACTIVATED.ceType(), PartnerStatus.ACTIVE,
            EventTypes.PARTNER_SUSPENDED.ceType(), PartnerStatus.SUSPENDED,
            EventTypes.PARTNER_REINSTATED.ceType(), PartnerStatus.ACTIVE,
            EventTypes.PARTNER_TERMINATED.ceType(), PartnerStatus.TERMINATED);

    /** The event types that carry the partner's profile. */
    static final List<String> PROFILE = List.of(EventTypes.PARTNER_ONBOARDING_STARTED.ceType(),
            EventTypes.PARTNER_ACTIVATED.ceType(), EventTypes.PARTNER_PROFILE_UPDATED.ceType());

    @Inject
    PartnerRepository partners;

    /** Whether the event is one the view is built from (the rest of both topics is ignored). */
    public static boolean concerns(String ceType) {
        return LIFECYCLE.containsKey(ceType) || PROFILE.contains(ceType)
                || EventTypes.PARTNER_USER_ADDED.ceType().equals(ceType)
                || EventTypes.TIER_CHANGED.ceType().equals(ceType);
    }

    /** One event read into what the view takes from it. */
    private record Fact(String type, UUID partnerId, Instant at, PartnerStatus status, PartnerProfile profile,
            UUID programId, String email, String tier, int tierRank) {
    }

    /**
     * Reads the event as {@link #apply} would, without touching the view.
     *
     * @throws MalformedEventException when a field every such event has is missing or unreadable
     */
    public void validate(IncomingEvent event) {
        read(event);
    }

    /**
     * Applies the event; returns whether the view changed.
     *
     * @throws MalformedEventException when a field every such event has is missing (never applicable)
     */
    public boolean apply(IncomingEvent event) {
        if (!concerns(event.type())) {
            LOG.debugf("partner view ignores %s %s", event.type(), event.id());
            return false;
        }
        Fact fact = read(event);
        Instant now = Instant.now();
        if (EventTypes.PARTNER_USER_ADDED.ceType().equals(fact.type())) {
            // Only a partner-admin is the partner's contact for merge fields.
            return fact.email() != null && partners.lockOrCreate(fact.partnerId(), now).applyContact(fact.email(), fact.at(), now);
        }
        Partner partner = partners.lockOrCreate(fact.partnerId(), now);
        if (fact.tier() != null) {
            return partner.applyTier(fact.tier(), fact.tierRank(), fact.at(), now);
        }
        boolean changed = fact.status() != null && partner.applyStatus(fact.status(), fact.at(), now);
        if (fact.profile() != null) {
            changed |= partner.applyProfile(fact.profile(), fact.at(), now);
        } else {
            partner.fillProgram(fact.programId());
        }
        return changed;
    }

    private static Fact read(IncomingEvent event) {
        String type = event.type();
        JsonNode payload = event.payload();
        UUID partnerId = event.require("partnerId", uuid(event, payload, "partnerId"));
        // Truncated to what PostgreSQL keeps, so a redelivered fact compares equal to the one stored.
        Instant at = event.require("occurredAt", instant(event, payload, "occurredAt")).truncatedTo(ChronoUnit.MICROS);
        if (EventTypes.PARTNER_USER_ADDED.ceType().equals(type)) {
            String email = "PARTNER_ADMIN".equals(text(payload, "role")) ? text(payload, "email") : null;
            return new Fact(type, partnerId, at, null, null, null, email, null, 0);
        }
        if (EventTypes.TIER_CHANGED.ceType().equals(type)) {
            String tier = event.require("tier", text(payload, "tier"));
            Integer rank = payload.hasNonNull("tierRank") ? payload.get("tierRank").asInt() : null;
            return new Fact(type, partnerId, at, null, null, null, null, tier, Tiers.rankOf(tier, rank));
        }
        PartnerProfile profile = PROFILE.contains(type) ? profile(event, payload) : null;
        return new Fact(type, partnerId, at, LIFECYCLE.get(type), profile, uuid(event, payload, "programId"), null, null, 0);
    }

    private static PartnerProfile profile(IncomingEvent event, JsonNode payload) {
        return new PartnerProfile(uuid(event, payload, "programId"), text(payload, "name"),
                text(payload, "partnerType"), text(payload, "region"), list(payload, "specialisations"),
                list(payload, "industries"), text(payload, "website"), text(payload, "domain"),
                uuid(event, payload, "parentPartnerId"), payload.has("parentPartnerId"),
                payload.hasNonNull("listedInDirectory") ? payload.get("listedInDirectory").asBoolean() : null);
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> list(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> {
            if (!item.isNull()) {
                items.add(item.asText());
            }
        });
        return items;
    }

    private static UUID uuid(IncomingEvent event, JsonNode payload, String field) {
        String value = text(payload, field);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has a " + field + " that is no UUID");
        }
    }

    private static Instant instant(IncomingEvent event, JsonNode payload, String field) {
        String value = text(payload, field);
        try {
            return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has an unreadable " + field);
        }
    }
}
