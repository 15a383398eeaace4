package io.consort.campaign.deal;

import io.consort.campaign.mdf.CurrencyMismatchException;
import io.consort.campaign.mdf.Money;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.persistence.NativeQueries;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.DealApproved;
import io.consort.contracts.events.DealExpired;
import io.consort.contracts.events.DealLost;
import io.consort.contracts.events.DealRegistered;
import io.consort.contracts.events.DealRejected;
import io.consort.contracts.events.DealWon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Deal registrations: submission with the channel-conflict check, review, protection and its end. */
@ApplicationScoped
public class DealRegistrationService {

    /** The V50 index that admits one approved registration per customer domain and product. */
    static final String ONE_APPROVED_INDEX = "deal_registrations_one_approved";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    @Inject
    DealPolicies policies;

    @Inject
    DealCandidates candidates;

    public record Submission(DealRegistration registration, List<ChannelConflicts.Conflict> conflicts) {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional
    public Submission submit(DealRegistrationRequest body) {
        UUID partnerId = registeringPartner(body.partnerId());
        String domain = domain(body.customerDomain());
        List<String> products = products(body.products());
        Money amount = money(body.amount());
        if (body.expectedCloseDate().isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw Problems.invalidField("expectedCloseDate", "must not be in the past");
        }
        policies.requireActive(partnerId, "register deals");
        Instant now = now();
        List<ChannelConflicts.Conflict> conflicts = ChannelConflicts.of(partnerId, domain, products,
                candidates.of(domain, products), now);
        DealRegistration d = DealRegistration.submit(UUID.randomUUID(), partnerId, body.customerName().strip(), domain,
                products, amount, body.expectedCloseDate(), body.leadId(), body.campaignId(), policies.forPartner(partnerId),
                caller.origin(), now);
        em.persist(d);
        outbox.emit(EventTypes.DEAL_REGISTERED, d.id, d.partnerId, new DealRegistered(d.id, d.partnerId, d.customerName,
                d.customerDomain, d.productList(), d.money().toEvent(), d.expectedCloseDate, d.leadId, d.campaignId, now));
        return new Submission(d, conflicts);
    }

    /**
     * The conflicts a registration would meet now, without registering anything. Not transactional on purpose:
     * one read, which {@link DealCandidates} runs on a pooled connection in auto-commit.
     */
    public List<ChannelConflicts.Conflict> check(ConflictCheckRequest body) {
        UUID partnerId = registeringPartner(body.partnerId());
        String domain = domain(body.customerDomain());
        List<String> products = products(body.products());
        return ChannelConflicts.of(partnerId, domain, products, candidates.of(domain, products), now());
    }

    /** A pending registration's conflicts with other partners' registrations now; none once decided. */
    public List<ChannelConflicts.Conflict> conflictsOf(DealRegistration d) {
        if (!d.state.isPending()) {
            return List.of();
        }
        return ChannelConflicts.of(d.partnerId, d.customerDomain, d.productList(),
                candidates.of(d.customerDomain, d.productList()), now());
    }

    /**
     * The conflicts of each pending registration of a page, by id, from one candidate query for the whole page
     * (a decided registration has none and is left out).
     */
    public Map<UUID, List<ChannelConflicts.Conflict>> conflictsOf(List<DealRegistration> page) {
        List<DealRegistration> pending = page.stream().filter(d -> d.state.isPending()).toList();
        if (pending.isEmpty()) {
            return Map.of();
        }
        Set<String> domains = new java.util.LinkedHashSet<>();
        Set<String> products = new java.util.LinkedHashSet<>();
        for (DealRegistration d : pending) {
            domains.add(d.customerDomain);
            products.addAll(d.productList());
        }
        List<ChannelConflicts.Existing> found = candidates.ofAny(domains, products);
        Instant now = now();
        Map<UUID, List<ChannelConflicts.Conflict>> conflicts = new HashMap<>();
        for (DealRegistration d : pending) {
            conflicts.put(d.id, ChannelConflicts.of(d.partnerId, d.customerDomain, d.productList(), found, now));
        }
        return conflicts;
    }

    /** The other registrations of the same conflicts, loaded for the vendor's side-by-side view. */
    public Map<UUID, DealRegistration> rivals(List<ChannelConflicts.Conflict> conflicts) {
        Map<UUID, DealRegistration> found = new HashMap<>();
        for (ChannelConflicts.Conflict c : conflicts) {
            DealRegistration other = em.find(DealRegistration.class, c.other().dealId());
            if (other != null) {
                found.put(other.id, other);
            }
        }
        return found;
    }

    @Transactional
    public Page<DealRegistration> list(PageRequest page, UUID partnerId, Set<DealState> states, String customerDomain) {
        KeysetQuery<DealRegistration> query = KeysetQuery.of(DealRegistration.class).keys("submittedAt", "id")
                .whereEqual("partnerId", partnerId);
        if (!states.isEmpty()) {
            query.where("state in :states", Map.of("states", states));
        }
        if (customerDomain != null) {
            query.whereEqual("customerDomain", domain(customerDomain));
        }
        return query.fetch(page, d -> d.submittedAt, d -> d.id);
    }

    @Transactional
    public DealRegistration get(UUID id) {
        DealRegistration d = em.find(DealRegistration.class, id);
        if (d == null) {
            throw Problems.notFound("deal registration", id);
        }
        return d;
    }

    @Transactional
    public DealRegistration startReview(UUID id, String ifMatch) {
        return change(id, ifMatch, d -> d.startReview(now()));
    }

    @Transactional
    public DealRegistration requestAction(UUID id, String ifMatch, String note) {
        return change(id, ifMatch, d -> d.requestAction(note.strip(), caller.origin(), now()));
    }

    @Transactional
    public DealRegistration resubmit(UUID id, String ifMatch, String answer) {
        return change(id, ifMatch, d -> d.resubmit(answer.strip(), now()));
    }

    @Transactional
    public DealRegistration withdraw(UUID id, String ifMatch) {
        return change(id, ifMatch, d -> d.withdraw(now()));
    }

    @Transactional
    public DealRegistration reject(UUID id, String ifMatch, String reason) {
        DealRegistration d = change(id, ifMatch, r -> r.reject(reason.strip(), caller.origin(), now()));
        outbox.emit(EventTypes.DEAL_REJECTED, d.id, d.partnerId,
                new DealRejected(d.id, d.partnerId, d.reason, d.decidedBy, d.updatedAt));
        return d;
    }

    /**
     * Approves, unless another registration of the customer and an overlapping product is approved: one whose
     * protection has ended is expired here first (the sweep may not have come by yet); one still protected
     * refuses with 409. Two approvals racing past that check meet at the V50 unique index; the later commit is
     * refused with 409 too.
     */
    @Transactional
    public DealRegistration approve(UUID id, String ifMatch) {
        DealRegistration d = get(id);
        ETags.requireIfMatch(ifMatch, d.version);
        Instant now = now();
        d.state.after(DealAction.APPROVE); // the state's refusal before anything else
        for (ChannelConflicts.Existing other : candidates.of(d.customerDomain, d.productList())) {
            if (other.dealId().equals(d.id) || other.state() != DealState.APPROVED) {
                continue;
            }
            List<String> common = Products.overlap(d.productList(), other.products());
            if (common.isEmpty()) {
                continue;
            }
            if (ProtectionPolicy.holds(other.protectedUntil(), now)) {
                throw Problems.conflict("cannot approve: another registration of " + d.customerDomain + " for "
                        + String.join(", ", common) + " is approved and protected until " + other.protectedUntil()
                        + "; at most one registration per customer and product is approved");
            }
            expire(em.find(DealRegistration.class, other.dealId()), now);
        }
        em.flush(); // a lapsed approval gives up its place in the V50 index before this one takes it
        d.approve(caller.origin(), now);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, ONE_APPROVED_INDEX)) {
                throw Problems.conflict("cannot approve: another registration of " + d.customerDomain + " for an "
                        + "overlapping product (" + String.join(", ", d.productList()) + ") was approved at the same "
                        + "moment; at most one registration per customer and product is approved");
            }
            throw e;
        }
        outbox.emit(EventTypes.DEAL_APPROVED, d.id, d.partnerId, new DealApproved(d.id, d.partnerId, d.money().toEvent(),
                d.protectedUntil, d.decidedBy, now));
        return d;
    }

    @Transactional
    public DealRegistration extendProtection(UUID id, String ifMatch) {
        return change(id, ifMatch, d -> d.extendProtection(now()));
    }

    @Transactional
    public DealRegistration win(UUID id, String ifMatch, DealActionRequests.Win body) {
        Money finalAmount = body.amount() == null ? null : money(body.amount());
        DealRegistration d = change(id, ifMatch, r -> {
            try {
                r.win(body.closedOn(), finalAmount, now());
            } catch (CurrencyMismatchException e) {
                throw Problems.unprocessable("the deal is registered in " + e.expected() + "; a final amount in "
                        + e.actual() + " is refused (amounts are never converted)");
            }
        });
        outbox.emit(EventTypes.DEAL_WON, d.id, d.partnerId, new DealWon(d.id, d.partnerId, d.customerName,
                d.customerDomain, d.productList(), d.money().toEvent(), d.closedOn, d.leadId, d.campaignId, d.updatedAt));
        return d;
    }

    @Transactional
    public DealRegistration lose(UUID id, String ifMatch, DealActionRequests.Lose body) {
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        LocalDate on = body == null || body.closedOn() == null ? LocalDate.now(ZoneOffset.UTC) : body.closedOn();
        DealRegistration d = change(id, ifMatch, r -> r.lose(reason, on, now()));
        outbox.emit(EventTypes.DEAL_LOST, d.id, d.partnerId, new DealLost(d.id, d.partnerId, d.money().toEvent(), d.reason,
                d.leadId, d.campaignId, d.updatedAt));
        return d;
    }

    /**
     * One batch of the expiry sweep: approved registrations whose protection has ended, locked with
     * {@code SKIP LOCKED} so that instances sweeping at once share the work instead of expiring one twice, and
     * each recorded with its event in this transaction. Restart-safe: what is due is read from the table each
     * time. Returns how many it expired.
     */
    @Transactional
    public int expireDue(Instant now, int batchSize) {
        List<UUID> due = NativeQueries.column(em, UUID.class, "SELECT id FROM deal_registrations WHERE state = 'APPROVED' "
                + "AND protected_until <= ? ORDER BY protected_until LIMIT ? FOR UPDATE SKIP LOCKED", now, batchSize);
        for (UUID id : due) {
            expire(em.find(DealRegistration.class, id), now);
        }
        return due.size();
    }

    private void expire(DealRegistration d, Instant now) {
        d.expire(now);
        outbox.emit(EventTypes.DEAL_EXPIRED, d.id, d.partnerId, new DealExpired(d.id, d.partnerId, d.money().toEvent(), now));
    }

    private DealRegistration change(UUID id, String ifMatch, Consumer<DealRegistration> action) {
        DealRegistration d = get(id);
        ETags.requireIfMatch(ifMatch, d.version);
        action.accept(d);
        em.flush(); // the version the answer's ETag shows
        return d;
    }

    /** The body's partner, else the caller's own; vendor-side callers must name one. */
    private UUID registeringPartner(UUID fromBody) {
        if (fromBody == null) {
            if (caller.isVendorSide() || caller.partnerId().isEmpty()) {
                throw Problems.invalidField("partnerId", "required when registering on a partner's behalf");
            }
            return caller.partnerId().get();
        }
        caller.requirePartnerAccess(fromBody);
        return fromBody;
    }

    static String domain(String input) {
        try {
            return CustomerDomain.normalise(input);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("customerDomain", e.getMessage());
        }
    }

    static List<String> products(List<String> input) {
        try {
            return Products.normalise(input);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("products", e.getMessage());
        }
    }

    static Money money(Money input) {
        Money m;
        try {
            m = Money.of(input.amount(), input.currency());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("amount", e.getMessage());
        }
        if (!m.isPositive()) {
            throw Problems.invalidField("amount", "must be positive");
        }
        return m;
    }

    static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
