package io.consort.campaign.lead;

import io.consort.campaign.partner.Partner;
import io.consort.campaign.partner.PartnerRepository;
import io.consort.campaign.routing.LeadRouter;
import io.consort.campaign.support.Timestamps;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.LeadAccepted;
import io.consort.contracts.events.LeadConverted;
import io.consort.contracts.events.LeadCreated;
import io.consort.contracts.events.LeadLost;
import io.consort.contracts.events.LeadRejected;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Leads: intake (vendor, integrator, form), the partner's answers, the vendor's hand, and the history. */
@ApplicationScoped
public class LeadService {

    @Inject
    EntityManager em;

    @Inject
    LeadRouter router;

    @Inject
    LeadHistory history;

    @Inject
    PartnerRepository partners;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    /** What intake knows about a lead besides its fields. */
    public record Origin(LeadCreated.Source source, String externalSystem, String externalId, UUID refPartnerId,
            String createdBy) {
    }

    /** Creates the lead, publishes lead.created and routes it at once (OFFERED or UNROUTED). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Lead create(LeadRequest body, Origin origin) {
        Instant now = Timestamps.now();
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.source = origin.source();
        lead.externalSystem = origin.externalSystem();
        lead.externalId = origin.externalId();
        lead.refPartnerId = origin.refPartnerId();
        lead.state = LeadState.NEW;
        lead.createdAt = now;
        lead.createdBy = origin.createdBy();
        describe(lead, body, now);
        lead.persist();
        outbox.emit(EventTypes.LEAD_CREATED, lead.id, lead.refPartnerId, new LeadCreated(lead.id, lead.campaignId,
                lead.source, lead.refPartnerId, lead.region, now));
        router.route(lead, null, now);
        em.flush();
        return lead;
    }

    @Transactional
    public Lead createByVendor(LeadRequest body) {
        return create(body, new Origin(callerSource(), null, null, null, caller.origin()));
    }

    /** The source of a lead the caller hands in without an external id: INTEGRATOR for an integrator, else VENDOR. */
    public LeadCreated.Source callerSource() {
        return caller.hasRole(Roles.INTEGRATOR) ? LeadCreated.Source.INTEGRATOR : LeadCreated.Source.VENDOR;
    }

    /** The upsert's outcome. */
    public record Upsert(Lead lead, boolean created) {
    }

    /**
     * Creates the lead {@code system} knows as {@code externalId}, or updates what describes it (company,
     * contact, need...; not its routing). {@code ifMatch} is honoured when given.
     */
    @Transactional
    public Upsert upsert(String system, String externalId, String ifMatch, LeadRequest body) {
        Optional<Lead> existing = Lead.<Lead>find("externalSystem = ?1 and externalId = ?2", system, externalId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (existing.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.strip())) {
                throw Problems.preconditionFailed("lead " + system + "/" + externalId + " does not exist");
            }
            return new Upsert(create(body, new Origin(LeadCreated.Source.INTEGRATOR, system, externalId, null,
                    caller.origin())), true);
        }
        Lead lead = existing.get();
        ETags.requireMatch(ifMatch, lead.version);
        describe(lead, body, Timestamps.now());
        em.flush();
        return new Upsert(lead, false);
    }

    /** What a bulk line became. */
    public record Stored(UUID id, boolean created) {
    }

    /**
     * Upserts a batch of bulk lines in the caller's transaction, in input order: the leads the lines' external
     * ids name are found and locked with one query, updated as the single upsert updates them (no If-Match:
     * an import carries none); the other lines create leads, each routed at once as a single lead is.
     * {@code source} and {@code createdBy} are those of a line without an external id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Stored> upsertBatch(List<LeadBulkLine> lines, LeadCreated.Source source, String createdBy) {
        Map<String, Lead> existing = lockByExternalIds(lines);
        Instant now = Timestamps.now();
        List<Stored> stored = new ArrayList<>(lines.size());
        for (LeadBulkLine line : lines) {
            Lead lead = line.hasExternalId() ? existing.get(line.key()) : null;
            if (lead != null) {
                describe(lead, line.lead(), now);
                stored.add(new Stored(lead.id, false));
                continue;
            }
            Origin origin = line.hasExternalId()
                    ? new Origin(LeadCreated.Source.INTEGRATOR, line.externalSystem(), line.externalId(), null, createdBy)
                    : new Origin(source, null, null, null, createdBy);
            lead = create(line.lead(), origin);
            if (line.hasExternalId()) {
                existing.put(line.key(), lead);
            }
            stored.add(new Stored(lead.id, true));
        }
        em.flush();
        return stored;
    }

    /** The leads the lines' external ids name, locked, by {@code system NUL id}: one locking query and one load. */
    private Map<String, Lead> lockByExternalIds(List<LeadBulkLine> lines) {
        List<String> systems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (LeadBulkLine line : lines) {
            if (line.hasExternalId()) {
                systems.add(line.externalSystem());
                ids.add(line.externalId());
            }
        }
        Map<String, Lead> found = new HashMap<>();
        if (systems.isEmpty()) {
            return found;
        }
        List<UUID> leadIds = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select id from leads where (external_system, external_id) in
                        (select * from unnest(?::varchar[], ?::varchar[])) order by id for update""")) {
                query.setArray(1, connection.createArrayOf("varchar", systems.toArray()));
                query.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
                List<UUID> result = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        result.add(rows.getObject(1, UUID.class));
                    }
                }
                return result;
            }
        });
        if (!leadIds.isEmpty()) {
            for (Lead lead : Lead.<Lead>list("id in ?1", leadIds)) {
                found.put(lead.externalSystem + '\u0000' + lead.externalId, lead);
            }
        }
        return found;
    }

    private static void describe(Lead lead, LeadRequest body, Instant now) {
        lead.company = body.company().strip();
        lead.contactName = blankToNull(body.contactName());
        lead.contactEmail = blankToNull(body.contactEmail());
        lead.contactPhone = blankToNull(body.contactPhone());
        lead.region = blankToNull(body.region());
        lead.specialisation = blankToNull(body.specialisation());
        lead.need = blankToNull(body.need());
        if (lead.campaignId == null) {
            lead.campaignId = body.campaignId();
        }
        lead.updatedAt = now;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The lead, if the caller may see it (a partner: only the leads it holds); else 404. */
    public Lead get(UUID id) {
        Lead lead = Lead.findById(id);
        if (lead == null) {
            throw Problems.notFound("lead", id);
        }
        return lead;
    }

    private Lead locked(UUID id, String ifMatch) {
        Lead lead = Lead.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null) {
            throw Problems.notFound("lead", id);
        }
        ETags.requireMatch(ifMatch, lead.version);
        return lead;
    }

    public Page<Lead> list(UUID partnerId, Set<LeadState> states, PageRequest page) {
        if (partnerId != null) {
            caller.requirePartnerAccess(partnerId);
        }
        KeysetQuery<Lead> query = KeysetQuery.of(Lead.class);
        if (partnerId != null && !states.isEmpty()) {
            query = query.where("partnerId = :partnerId and state in :states",
                    Parameters.with("partnerId", partnerId).and("states", states));
        } else if (partnerId != null) {
            query = query.where("partnerId = :partnerId", Parameters.with("partnerId", partnerId));
        } else if (!states.isEmpty()) {
            query = query.where("state in :states", Parameters.with("states", states));
        }
        return query.fetch(page, l -> l.createdAt, l -> l.id);
    }

    /** The partner holding the offer accepts it (before acceptBy). */
    @Transactional
    public Lead accept(UUID id, String ifMatch) {
        Lead lead = locked(id, ifMatch);
        requireHolderSide();
        Instant now = Timestamps.now();
        lead.accept(now);
        history.record(lead, DecisionKind.ACCEPTED, lead.partnerId, null, null, "accepted by " + caller.origin(),
                caller.origin(), now);
        outbox.emit(EventTypes.LEAD_ACCEPTED, lead.id, lead.partnerId,
                new LeadAccepted(lead.id, lead.partnerId, lead.campaignId, lead.offeredAt, now));
        em.flush();
        return lead;
    }

    /** The partner holding the offer declines it; the lead is routed on at once. */
    @Transactional
    public void decline(UUID id, String ifMatch, String reason) {
        Lead lead = locked(id, ifMatch);
        requireHolderSide();
        endOffer(lead, LeadRejected.Outcome.DECLINED, reason.strip(), caller.origin(), Timestamps.now());
    }

    /**
     * Ends the current offer of a locked OFFERED lead (declined, or timed out), records it, publishes
     * lead.rejected and routes the lead to the next partner, never back to this one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endOffer(Lead lead, LeadRejected.Outcome outcome, String reason, String actor, Instant now) {
        UUID partner = lead.partnerId;
        Instant offeredAt = lead.offeredAt;
        Instant acceptBy = lead.acceptBy;
        lead.endOffer(reason, now);
        String why = outcome == LeadRejected.Outcome.DECLINED ? "declined: " + reason
                : "not accepted by " + acceptBy + " (timed out)";
        history.record(lead, outcome == LeadRejected.Outcome.DECLINED ? DecisionKind.DECLINED : DecisionKind.TIMED_OUT,
                partner, null, null, why, actor, now);
        outbox.emit(EventTypes.LEAD_REJECTED, lead.id, partner,
                new LeadRejected(lead.id, partner, lead.campaignId, outcome, reason, offeredAt, now));
        router.route(lead, outcome == LeadRejected.Outcome.DECLINED ? "previous partner declined"
                : "previous partner's offer timed out", now);
        em.flush();
    }

    @Transactional
    public Lead convert(UUID id, String ifMatch, UUID dealId) {
        Lead lead = locked(id, ifMatch);
        Instant now = Timestamps.now();
        lead.convert(dealId, now);
        history.record(lead, DecisionKind.CONVERTED, lead.partnerId, null, null,
                "converted" + (dealId == null ? "" : " into deal " + dealId), caller.origin(), now);
        outbox.emit(EventTypes.LEAD_CONVERTED, lead.id, lead.partnerId,
                new LeadConverted(lead.id, lead.partnerId, lead.campaignId, dealId, now));
        em.flush();
        return lead;
    }

    @Transactional
    public Lead lose(UUID id, String ifMatch, String reason) {
        Lead lead = locked(id, ifMatch);
        Instant now = Timestamps.now();
        lead.lose(reason.strip(), now);
        history.record(lead, DecisionKind.LOST, lead.partnerId, null, null, "lost: " + reason.strip(),
                caller.origin(), now);
        outbox.emit(EventTypes.LEAD_LOST, lead.id, lead.partnerId,
                new LeadLost(lead.id, lead.partnerId, lead.campaignId, reason.strip(), now));
        em.flush();
        return lead;
    }

    /** The vendor offers a new, unrouted or offered lead to a partner of its choice (an ACTIVE one). */
    @Transactional
    public Lead assign(UUID id, String ifMatch, UUID partnerId) {
        Lead lead = locked(id, ifMatch);
        Partner partner = partners.findById(partnerId);
        if (partner == null || !partner.isActive()) {
            throw Problems.unprocessable("partner " + partnerId + " is not an active partner");
        }
        if (partnerId.equals(lead.partnerId) && lead.state == LeadState.OFFERED) {
            throw Problems.conflict("lead " + id + " is already offered to partner " + partnerId);
        }
        router.assignByHand(lead, partnerId, caller.origin(), Timestamps.now());
        em.flush();
        return lead;
    }

    /** The history; a partner sees only the entries about itself. */
    public List<RoutingDecision> history(UUID id) {
        get(id);
        List<RoutingDecision> all = history.of(id);
        if (!caller.isRestricted()) {
            return all;
        }
        Set<UUID> visible = caller.visiblePartnerIds();
        return all.stream().filter(d -> d.partnerId != null && visible.contains(d.partnerId)).toList();
    }

    private void requireHolderSide() {
        if (!caller.isPartnerSide()) {
            throw Problems.forbidden("only the partner the lead is offered to can answer the offer");
        }
    }
}
