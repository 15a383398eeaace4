package io.consort.campaign.mdf;

import io.consort.campaign.deal.DealPolicies;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.persistence.NativeQueries;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.MdfClaimPaid;
import io.consort.contracts.events.MdfRequestApproved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Market development funds. Every approval that spends funds takes a row lock first (the budget for a request,
 * the request for a claim, the claim for a payment), sums the ledger under it and appends in the same
 * transaction, so concurrent approvals queue and each sees the others' entries: nothing is over-committed,
 * over-claimed or paid twice. Every ledger entry is appended under the budget's lock too (its version follows its
 * figures). A request approval locks the budget, then the SUBMITTED request; a claim approval, the sweep and a
 * payment lock their APPROVED request or claim, then the budget: no two can wait on each other in a cycle.
 */
@ApplicationScoped
public class MdfService {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    @Inject
    MdfLedger ledger;

    @Inject
    DealPolicies partners;

    @Inject
    MdfAllocations allocations;

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    // --- budgets -----------------------------------------------------------------------------------------------

    @Transactional
    public MdfBudget openBudget(MdfRequests.Budget body) {
        BudgetPeriod period = field("period", () -> BudgetPeriod.parse(body.period()));
        partners.requireActive(body.partnerId(), "are given funds");
        Money allocated = money("allocated", body.allocated());
        if (!allocated.isPositive()) {
            throw Problems.invalidField("allocated", "must be positive");
        }
        long existing = em.createQuery("select count(b) from MdfBudget b where b.partnerId = :p and b.period = :period",
                Long.class).setParameter("p", body.partnerId()).setParameter("period", period.name()).getSingleResult();
        if (existing > 0) {
            throw Problems.conflict("partner " + body.partnerId() + " already has a budget for " + period.name());
        }
        Instant now = now();
        MdfBudget budget = MdfBudget.open(UUID.randomUUID(), body.partnerId(), body.programId(), period,
                allocated.currency(), caller.origin(), now);
        em.persist(budget);
        ledger.append(budget, LedgerKind.ALLOCATED, allocated, null, null, note(body.note()), caller.origin(), now);
        em.flush();
        return budget;
    }

    @Transactional
    public MdfBudget allocate(UUID budgetId, String ifMatch, MdfRequests.Allocation body) {
        MdfBudget budget = lockBudget(budgetId);
        ETags.requireIfMatch(ifMatch, budget.version);
        Money change = money("amount", body.amount());
        if (change.amount().signum() == 0) {
            throw Problems.invalidField("amount", "must not be zero");
        }
        Balances balances = ledger.balances(budget);
        FundRules.requireAllocationChange(balances, change);
        ledger.append(budget, LedgerKind.ALLOCATED, change, null, null, note(body.note()), caller.origin(), now());
        em.flush();
        return budget;
    }

    @Transactional
    public MdfBudget budget(UUID id) {
        MdfBudget b = em.find(MdfBudget.class, id);
        if (b == null) {
            throw Problems.notFound("MDF budget", id);
        }
        return b;
    }

    @Transactional
    public Page<MdfBudget> budgets(PageRequest page, UUID partnerId, String period) {
        return KeysetQuery.of(MdfBudget.class).whereEqual("partnerId", partnerId).whereEqual("period", period)
                .fetch(page, b -> b.createdAt, b -> b.id);
    }

    // --- fund requests -----------------------------------------------------------------------------------------

    @Transactional
    public MdfRequest submitRequest(MdfRequests.FundRequest body) {
        MdfBudget budget = em.find(MdfBudget.class, body.budgetId());
        if (budget == null) {
            throw Problems.notFound("MDF budget", body.budgetId());
        }
        partners.requireActive(budget.partnerId, "request funds");
        Money amount = money("amount", body.amount());
        MdfRequest r = field("amount", () -> MdfRequest.submit(UUID.randomUUID(), budget, body.campaignId(),
                body.activity().strip(), body.activityType(), body.plannedDate(), amount, caller.origin(), now()));
        requireRules(budget, r);
        em.persist(r);
        em.flush();
        return r;
    }

    @Transactional
    public MdfRequest request(UUID id) {
        MdfRequest r = em.find(MdfRequest.class, id);
        if (r == null) {
            throw Problems.notFound("MDF fund request", id);
        }
        return r;
    }

    @Transactional
    public Page<MdfRequest> requests(PageRequest page, UUID budgetId, UUID partnerId, MdfRequestState state) {
        return KeysetQuery.of(MdfRequest.class).keys("submittedAt", "id").whereEqual("budgetId", budgetId)
                .whereEqual("partnerId", partnerId).whereEqual("state", state).fetch(page, r -> r.submittedAt, r -> r.id);
    }

    /**
     * Approves under the budget's row lock: Σ approved requests ≤ the allocation, or a 422 naming what remains.
     * A second approval of the same request, retried or concurrent, finds it APPROVED under the lock: 409. The
     * program's allocation rules as they are now are checked again on the approved amount and the activity type
     * (they may have changed since the submission, and so may the allocation); the COMMITTED entry names their version.
     */
    @Transactional
    public MdfRequest approveRequest(UUID id, String ifMatch, MdfRequests.Approve body) {
        MdfRequest r = request(id);
        MdfBudget budget = lockBudget(r.budgetId);
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireIfMatch(ifMatch, r.version);
        r.state.after(MdfRequestState.Action.APPROVE);
        Instant now = now();
        Money amount = body == null || body.amount() == null ? r.requested() : money("amount", body.amount());
        Instant until = body == null || body.expiresAt() == null
                ? budget.periodEnds.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.SECONDS).toInstant(ZoneOffset.UTC)
                : body.expiresAt().truncatedTo(ChronoUnit.MICROS);
        if (!until.isAfter(now)) {
            throw Problems.invalidField("expiresAt", "must be in the future (the budget's period has ended: give one)");
        }
        Balances balances = ledger.balances(budget);
        FundRules.requireAvailable(balances, amount);
        field("amount", () -> {
            r.approve(amount, until, body == null ? null : note(body.note()), caller.origin(), now);
            return r;
        });
        Optional<MdfAllocations.Applied> rules = allocations.rulesOf(budget);
        rules.ifPresent(a -> a.rules().requireRequestApproval(balances.allocated(), amount, r.activityType));
        ledger.append(budget, LedgerKind.COMMITTED, amount, r.id, null, rules.map(MdfAllocations.Applied::note).orElse(null),
                caller.origin(), now);
        em.flush();
        outbox.emit(EventTypes.MDF_REQUEST_APPROVED, r.id, r.partnerId, new MdfRequestApproved(r.id, r.budgetId, r.partnerId,
                r.campaignId, amount.toEvent(), until, caller.origin(), now));
        return r;
    }

    @Transactional
    public MdfRequest returnRequest(UUID id, String ifMatch, String note) {
        MdfRequest r = request(id);
        ETags.requireIfMatch(ifMatch, r.version);
        r.returnToPartner(note.strip(), caller.origin(), now());
        em.flush();
        return r;
    }

    @Transactional
    public MdfRequest rejectRequest(UUID id, String ifMatch, String note) {
        MdfRequest r = request(id);
        ETags.requireIfMatch(ifMatch, r.version);
        r.reject(note.strip(), caller.origin(), now());
        em.flush();
        return r;
    }

    @Transactional
    public MdfRequest resubmitRequest(UUID id, String ifMatch, MdfRequests.Resubmit body) {
        MdfRequest r = request(id);
        ETags.requireIfMatch(ifMatch, r.version);
        Money amount = body == null || body.amount() == null ? null : money("amount", body.amount());
        field("amount", () -> {
            r.resubmit(body == null || body.activity() == null ? null : body.activity().strip(),
                    body == null ? null : body.activityType(), body == null ? null : body.plannedDate(), amount, now());
            return r;
        });
        requireRules(em.find(MdfBudget.class, r.budgetId), r);
        em.flush();
        return r;
    }

    /**
     * One batch of the request expiry sweep: approved requests past {@code expiresAt}, taken with SKIP LOCKED (so
     * instances share the work), each expired in one transaction. A claim submitted before the expiry stays
     * decidable after it, so what the still-pending claims ask for stays committed: the RELEASED entry is the
     * unclaimed remainder net of them, and the rest is settled when the last of them is decided
     * ({@link #settleExpired}). What is due is read from the table, so a restart loses nothing.
     */
    @Transactional
    public int expireDue(Instant now, int batchSize) {
        List<UUID> due = NativeQueries.column(em, UUID.class, "SELECT id FROM mdf_requests WHERE state = 'APPROVED' "
                + "AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED", now, batchSize);
        for (UUID id : due) {
            MdfRequest r = em.find(MdfRequest.class, id);
            MdfBudget budget = lockBudget(r.budgetId);
            Money release = FundRules.releasableAtExpiry(r.approved(), ledger.claimedOf(r), pendingClaims(r));
            r.expire(now);
            if (release.isPositive()) {
                ledger.append(budget, LedgerKind.RELEASED, release, r.id, null, "expired unclaimed", "expiry", now);
            }
        }
        em.flush();
        return due.size();
    }

    /**
     * After a claim of an EXPIRED request is decided: once no claim of it is pending any more, what is neither
     * claimed nor released yet goes back to the budget, in an entry naming the claim that closed it.
     */
    private void settleExpired(MdfRequest r, MdfClaim decided, Instant now) {
        if (r.state != MdfRequestState.EXPIRED) {
            return;
        }
        em.flush();
        if (pendingClaims(r).isPositive()) {
            return;
        }
        Money rest = r.approved().minus(ledger.claimedOf(r)).minus(ledger.releasedOf(r));
        if (rest.isPositive()) {
            ledger.append(lockBudget(r.budgetId), LedgerKind.RELEASED, rest, r.id, decided.id,
                    "expired; its last pending claim decided", caller.origin(), now);
        }
    }

    /** Σ of what the request's SUBMITTED claims ask for. */
    private Money pendingClaims(MdfRequest r) {
        BigDecimal sum = em.createQuery("select coalesce(sum(c.amount), 0) from MdfClaim c where c.requestId = :r "
                + "and c.state = :s", BigDecimal.class).setParameter("r", r.id).setParameter("s", MdfClaimState.SUBMITTED)
                .getSingleResult();
        return Money.of(sum.stripTrailingZeros(), r.currency);
    }

    // --- claims ------------------------------------------------------------------------------------------------

    @Transactional
    public MdfClaim submitClaim(MdfRequests.Claim body) {
        MdfRequest r = request(body.requestId());
        Money amount = money("amount", body.amount());
        List<String> links = body.proofLinks().stream().map(String::strip).toList();
        for (String link : links) {
            if (!link.matches("(?i)https?://\\S+")) {
                throw Problems.invalidField("proofLinks", "'" + link + "' is not an http(s) link");
            }
        }
        long sameInvoice = em.createQuery("select count(c) from MdfClaim c where c.requestId = :r and c.invoiceNumber = :i",
                Long.class).setParameter("r", r.id).setParameter("i", body.invoiceNumber().strip()).getSingleResult();
        if (sameInvoice > 0) {
            throw Problems.conflict("invoice " + body.invoiceNumber().strip() + " is already claimed against this request");
        }
        MdfClaim c = field("amount", () -> MdfClaim.submit(UUID.randomUUID(), r, amount, body.invoiceNumber().strip(), links,
                caller.origin(), now()));
        FundRules.requireClaimable(r.approved(), ledger.claimedOf(r), amount);
        Money invoiceTotal = body.invoiceTotal() == null ? null : money("invoiceTotal", body.invoiceTotal());
        if (invoiceTotal != null) {
            amount.requireSameCurrency(invoiceTotal);
            c.invoiceTotal = invoiceTotal.amount();
        }
        allocations.rulesOf(em.find(MdfBudget.class, r.budgetId)).ifPresent(a -> a.rules().requireClaim(amount, invoiceTotal));
        em.persist(c);
        em.flush();
        return c;
    }

    @Transactional
    public MdfClaim claim(UUID id) {
        MdfClaim c = em.find(MdfClaim.class, id);
        if (c == null) {
            throw Problems.notFound("MDF claim", id);
        }
        return c;
    }

    @Transactional
    public Page<MdfClaim> claims(PageRequest page, UUID requestId, UUID partnerId, MdfClaimState state) {
        return KeysetQuery.of(MdfClaim.class).keys("submittedAt", "id").whereEqual("requestId", requestId)
                .whereEqual("partnerId", partnerId).whereEqual("state", state).fetch(page, c -> c.submittedAt, c -> c.id);
    }

    /**
     * Approves under the request's row lock: Σ approved claims ≤ the request's approved amount, or a 422; the
     * program's reimbursement share as it is now is checked again on the amount granted, and the CLAIMED entry names
     * the rules' version.
     */
    @Transactional
    public MdfClaim approveClaim(UUID id, String ifMatch, MdfRequests.ApproveClaim body) {
        MdfClaim c = claim(id);
        MdfRequest r = em.find(MdfRequest.class, c.requestId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireIfMatch(ifMatch, c.version);
        c.state.after(MdfClaimState.Action.APPROVE);
        Instant now = now();
        boolean running = r.state == MdfRequestState.APPROVED && now.isBefore(r.expiresAt);
        boolean expiredAfterClaim = (r.state == MdfRequestState.APPROVED || r.state == MdfRequestState.EXPIRED)
                && c.submittedAt.isBefore(r.expiresAt);
        if (!running && !expiredAfterClaim) {
            throw new IllegalMdfTransitionException("the fund request is " + r.state + " (it ran until " + r.expiresAt
                    + "); claims are approved while it runs, or after it if they were submitted before");
        }
        Money amount = body == null || body.amount() == null ? c.claimed() : money("amount", body.amount());
        FundRules.requireClaimable(r.approved().minus(ledger.releasedOf(r)), ledger.claimedOf(r), amount);
        field("amount", () -> {
            c.approve(amount, caller.origin(), now);
            return c;
        });
        MdfBudget budget = lockBudget(c.budgetId);
        Optional<MdfAllocations.Applied> rules = allocations.rulesOf(budget);
        rules.ifPresent(a -> a.rules().requireClaim(amount, c.invoiceTotal()));
        ledger.append(budget, LedgerKind.CLAIMED, amount, r.id, c.id, rules.map(MdfAllocations.Applied::note).orElse(null),
                caller.origin(), now);
        settleExpired(r, c, now);
        em.flush();
        return c;
    }

    @Transactional
    public MdfClaim rejectClaim(UUID id, String ifMatch, String reason) {
        MdfClaim c = claim(id);
        MdfRequest r = em.find(MdfRequest.class, c.requestId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireIfMatch(ifMatch, c.version);
        Instant now = now();
        c.reject(reason.strip(), caller.origin(), now);
        settleExpired(r, c, now);
        em.flush();
        return c;
    }

    /** Pays an approved claim once: the claim's row lock and the ledger's one-PAID-per-claim index see to "once". */
    @Transactional
    public MdfClaim payClaim(UUID id, String ifMatch, MdfRequests.Pay body) {
        MdfClaim c = claim(id);
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireIfMatch(ifMatch, c.version);
        Instant now = now();
        c.pay(body == null || body.paymentReference() == null ? null : body.paymentReference().strip(), now);
        MdfBudget budget = lockBudget(c.budgetId);
        ledger.append(budget, LedgerKind.PAID, c.approved(), c.requestId, c.id, c.paymentReference, caller.origin(), now);
        em.flush();
        MdfRequest r = em.find(MdfRequest.class, c.requestId);
        outbox.emit(EventTypes.MDF_CLAIM_PAID, c.id, c.partnerId, new MdfClaimPaid(c.id, c.requestId, c.budgetId, c.partnerId,
                r.campaignId, c.approved().toEvent(), now));
        return c;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The budget's program rules for a request as it now stands: lead time, activity type, share of the allocation. */
    private void requireRules(MdfBudget budget, MdfRequest r) {
        allocations.rulesOf(budget).ifPresent(a -> a.rules().requireFundRequest(ledger.balances(budget).allocated(),
                r.requested(), r.activityType, r.plannedDate, LocalDate.now(ZoneOffset.UTC)));
    }

    private MdfBudget lockBudget(UUID id) {
        MdfBudget b = em.find(MdfBudget.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            throw Problems.notFound("MDF budget", id);
        }
        return b;
    }

    static Money money(String field, Money input) {
        try {
            return Money.of(input.amount(), input.currency());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(field, e.getMessage());
        }
    }

    /** Runs a domain step whose IllegalArgumentException is the caller's mistake in {@code field}; a currency mismatch stays a 422. */
    static <T> T field(String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (CurrencyMismatchException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(field, e.getMessage());
        }
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
