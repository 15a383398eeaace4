package io.consort.performance.standing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ScoreChanged;
import io.consort.contracts.events.TierChanged;
import io.consort.performance.config.EvaluationSettings;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.domain.Deals;
import io.consort.performance.domain.EventNames;
import io.consort.performance.domain.Fact;
import io.consort.performance.domain.Kpi;
import io.consort.performance.domain.PartnerEvaluation;
import io.consort.performance.domain.ScoringModel;
import io.consort.performance.domain.TierLadder;
import io.consort.performance.fact.HistoryCache;
import io.consort.performance.fact.PartnerFacts;
import io.consort.performance.incentive.Ledgers;
import io.consort.performance.scorecard.Scorecard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Keeps each partner's standing in step with its facts: re-evaluates the partner from its history
 * ({@link PartnerEvaluation}: the facts whose content matters and the per-day totals of the counted ones), rewrites the stored days from the earliest one that can have changed,
 * updates the scorecard, and publishes {@code score.changed} / {@code tier.changed} through the
 * outbox when the current score or tier moved. Runs inside the caller's transaction (the inbox's,
 * or a sweep's), holding the scorecard's row lock so one partner is evaluated by one thread at a time.
 */
@ApplicationScoped
public class Standings {

    public static final String TIERS = EvaluationSettings.TIERS;

    /** The facts that carry a partner's profile and open its scorecard. */
    public static final Set<String> OPENING = Set.of(EventNames.ONBOARDING_STARTED, EventNames.PARTNER_ACTIVATED,
            EventNames.PROFILE_UPDATED);

    private static final ThreadLocal<Boolean> REPLAYING = new ThreadLocal<>();

    @Inject
    EntityManager entityManager;

    @Inject
    PartnerFacts facts;

    @Inject
    EvaluationSettings settings;

    @Inject
    HistoryCache historyCache;

    @Inject
    PerformanceConfig config;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Ledgers ledgers;

    public TierLadder ladder() {
        return settings.current().ladder();
    }

    /**
     * Opens the partner's scorecard at the entry tier unless it has one, and publishes the opening
     * {@code tier.changed} (previous tier null). Earlier opening times win (a replayed or late start).
     *
     * @return whether a scorecard was opened
     */
    public boolean open(UUID partnerId, UUID programId, Instant at) {
        return !openAll(List.of(new Opening(partnerId, programId, at))).isEmpty();
    }

    /** A fact that opens its partner's scorecard: the partner, its program and when. */
    public record Opening(UUID partnerId, UUID programId, Instant at) {
    }

    /**
     * {@link #open} for many openings (in event order) with one statement: per partner, the first opening names
     * the program and the opening event's time, and the earliest one the scorecard's {@code opened_at}; a partner
     * opened before only has its {@code opened_at} moved earlier. The new scorecards' {@code tier.changed} are
     * published with one outbox call and their tier changes written with one JDBC batch (a batch of onboardings
     * opened hundreds of scorecards one statement, one outbox flush and one insert at a time).
     *
     * @return the partners whose scorecard this opened
     */
    public Set<UUID> openAll(List<Opening> openings) {
        if (openings.isEmpty()) {
            return Set.of();
        }
        Map<UUID, Opening> first = new java.util.TreeMap<>(); // partner order: the rows are locked in it
        Map<UUID, Instant> earliest = new HashMap<>();
        for (Opening o : openings) {
            first.putIfAbsent(o.partnerId(), o);
            earliest.merge(o.partnerId(), o.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        TierLadder.Rung entry = ladder().entry();
        int n = first.size();
        Object[] ids = new Object[n];
        Object[] partners = new Object[n];
        Object[] programs = new Object[n];
        String[] ats = new String[n];
        String[] opened = new String[n];
        int i = 0;
        for (Opening o : first.values()) {
            ids[i] = scorecardId(o.partnerId());
            partners[i] = o.partnerId();
            programs[i] = o.programId();
            ats[i] = o.at().toString();
            opened[i] = earliest.get(o.partnerId()).toString();
            i++;
        }
        entityManager.flush();
        Set<UUID> isNew = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into scorecard (id, partner_id, program_id, tier, tier_rank, score, opened_at, updated_at,
                        version, contributions, last_change_at, eligible_tier, explanation)
                    select o.id, o.partner_id, o.program_id, ?, ?, 0, cast(o.opened as timestamptz),
                        cast(o.at as timestamptz), 0, cast('[]' as jsonb), cast(o.at as timestamptz), ?, ?
                    from unnest(?, ?, ?, ?, ?) as o(id, partner_id, program_id, at, opened)
                    on conflict (partner_id) do update set opened_at = least(scorecard.opened_at, excluded.opened_at)
                    returning partner_id, (xmax = 0)""")) {
                upsert.setString(1, entry.name());
                upsert.setInt(2, entry.rank());
                upsert.setString(3, entry.name());
                upsert.setString(4, opening(entry));
                upsert.setArray(5, connection.createArrayOf("uuid", ids));
                upsert.setArray(6, connection.createArrayOf("uuid", partners));
                upsert.setArray(7, connection.createArrayOf("uuid", programs));
                upsert.setArray(8, connection.createArrayOf("text", ats));
                upsert.setArray(9, connection.createArrayOf("text", opened));
                Set<UUID> inserted = new java.util.HashSet<>();
                try (ResultSet rs = upsert.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(2)) {
                            inserted.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
                return inserted;
            }
        });
        // The upsert holds the rows' locks; no entity is loaded, and a new row already holds its last change (the
        // opening) and explanation.
        if (!isNew.isEmpty() && publishing()) {
            List<Outbox.Emission<TierChanged>> events = new ArrayList<>();
            List<TierChange> changes = new ArrayList<>();
            for (Opening o : openings) { // event order, as one open() per fact published them
                if (isNew.contains(o.partnerId()) && first.get(o.partnerId()) == o) {
                    UUID id = scorecardId(o.partnerId());
                    events.add(new Outbox.Emission<>(id, o.partnerId(),
                            new TierChanged(id, o.partnerId(), null, entry.name(), entry.rank(), 0, o.at())));
                    changes.add(new TierChange(o.partnerId(), o.at(), null, entry, 0, opening(entry)));
                }
            }
            outbox.emitAll(EventTypes.TIER_CHANGED, events);
            insertTierChanges(changes);
        }
        return isNew;
    }

    private static String opening(TierLadder.Rung entry) {
        return entry.name() + " because the scorecard opened at the entry tier";
    }

    /** A partner's scorecard id, the same on every replay. */
    public static UUID scorecardId(UUID partnerId) {
        return UUID.nameUUIDFromBytes(("scorecard:" + partnerId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Opens and evaluates the partner from its stored facts alone, without publishing: what a
     * rebuild does for every partner. The scorecard opens at the earliest opening fact.
     */
    public void replay(UUID partnerId) {
        replayAll(List.of(partnerId));
    }

    /**
     * {@link #replay} for many partners in one transaction: their opening facts read with one query, each
     * scorecard opened, then all of them evaluated as one batch ({@link #reevaluateAll}).
     */
    public void replayAll(Collection<UUID> partnerIds) {
        Map<UUID, LocalDate> from = new LinkedHashMap<>();
        Map<UUID, Instant> trigger = new HashMap<>();
        REPLAYING.set(true);
        try {
            List<Opening> openings = new ArrayList<>();
            for (Fact opening : facts.openings(partnerIds, OPENING)) {
                openings.add(new Opening(opening.partnerId(), opening.uuid("programId"), opening.occurredAt()));
                from.put(opening.partnerId(), opening.day());
                trigger.put(opening.partnerId(), opening.occurredAt());
            }
            openAll(openings);
            reevaluateAll(from, trigger);
        } finally {
            REPLAYING.remove();
        }
    }

    /**
     * Re-evaluates the partner and rewrites its days from {@code from} on.
     *
     * @param trigger when what caused this happened (the fact's time, or the clock for a sweep)
     */
    public void reevaluate(UUID partnerId, LocalDate from, Instant trigger) {
        reevaluateAll(Map.of(partnerId, from), Map.of(partnerId, trigger));
    }

    /**
     * Re-evaluates each partner from its day on ({@code from}, in its order), a batch at a time: what every
     * evaluation reads is read once for all of them (their histories, scorecards under their row locks,
     * ledgers, the settings), each is evaluated in memory, and what they change is written once for all of
     * them (the days with one JDBC batch, the scorecards with one flush, the ledger lines with one JDBC batch
     * each, the events with one outbox call per type, in the partners' order).
     *
     * @param trigger per partner, when what caused this happened (its latest new fact, or the clock)
     */
    public void reevaluateAll(Map<UUID, LocalDate> from, Map<UUID, Instant> trigger) {
        if (from.isEmpty()) {
            return;
        }
        Inputs inputs = new Inputs();
        inputs.prefetch(from.keySet());
        Writes writes = new Writes();
        from.forEach((partnerId, day) -> evaluate(partnerId, day, trigger.get(partnerId), inputs, writes));
        reconcileLedgers(inputs, writes);
        write(writes);
    }

    /**
     * What every evaluation of a batch reads: the partners' scorecards (under their row locks, in partner order),
     * the settings (kept between batches while their stamp is unchanged: {@link EvaluationSettings}) and the
     * partners' histories (the facts stored since each one's cached history, and the day totals), with a few
     * queries for all of them. Their ledgers are read after the evaluations, and only for the partners whose
     * ledgers should now hold something else ({@link Ledgers.Desired}).
     */
    private final class Inputs {
        final boolean publishing = publishing();
        EvaluationSettings.Snapshot settings;
        private Map<UUID, PartnerFacts.History> histories = Map.of();
        private final Map<UUID, Card> locked = new HashMap<>();

        /**
         * Locks and reads the scorecards first, then the settings' stamp: a rebuild's switch (which replaces the
         * facts and moves the stamp) either committed before the locks were taken, and the stamp shows it, or waits
         * for this transaction. Call it after the batch's facts are stored, under their partners' advisory locks.
         */
        void prefetch(Collection<UUID> partnerIds) {
            lockCards(partnerIds).forEach(card -> locked.put(card.partnerId, card));
            settings = Standings.this.settings.current();
            List<UUID> open = List.copyOf(locked.keySet());
            if (publishing) {
                historyCache.use(settings.stamp());
            }
            histories = Standings.this.facts.historiesOf(open, publishing ? historyCache : null);
        }
    }

    /** A stored day to write: the partner's standing at the end of {@code day.day()}. */
    private record DayRow(UUID partnerId, UUID programId, PartnerEvaluation.Day day) {
    }

    /** A tier change to keep in {@code tier_change}. */
    private record TierChange(UUID partnerId, Instant at, String previous, TierLadder.Rung tier, Integer score,
            String explanation) {
    }

    /** What a batch of evaluations writes, gathered while they run and written once by {@link Standings#write}. */
    private static final class Writes {
        final List<DayRow> days = new ArrayList<>();
        final List<TierChange> tierChanges = new ArrayList<>();
        final List<Outbox.Emission<ScoreChanged>> scores = new ArrayList<>();
        final List<Outbox.Emission<TierChanged>> tiers = new ArrayList<>();
        final Ledgers.Appends ledger = new Ledgers.Appends();
        final List<Card> cards = new ArrayList<>();
        final List<LedgerUpdate> ledgerUpdates = new ArrayList<>();
    }

    /** A partner whose ledgers should now hold something else than at its last reconcile. */
    private record LedgerUpdate(UUID partnerId, Ledgers.Desired desired, Instant at) {
    }

    private void evaluate(UUID partnerId, LocalDate from, Instant trigger, Inputs inputs, Writes writes) {
        Card card = inputs.locked.get(partnerId);
        if (card == null) {
            return; // facts wait until the partner's scorecard opens, which evaluates them all
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate opened = card.openedAt.toLocalDate();
        PartnerFacts.History read = inputs.histories.get(partnerId);
        List<Fact> history = read.facts();
        profile(card, history);
        EvaluationSettings.Snapshot settings = inputs.settings;
        Deals deals = Deals.of(history, settings.rates());
        List<PartnerEvaluation.Day> days = PartnerEvaluation.evaluate(history, deals, read.counts(), settings.rates(),
                settings.models(card.programId), settings.ladder(), opened, today, config.windowDays());
        LocalDate rewriteFrom = from;
        if (card.evaluatedOn != null && card.evaluatedOn.isBefore(rewriteFrom)) {
            rewriteFrom = card.evaluatedOn;
        }
        if (card.dirtyFrom != null && card.dirtyFrom.isBefore(rewriteFrom)) {
            rewriteFrom = card.dirtyFrom;
        }
        for (PartnerEvaluation.Day d : days) {
            if (!d.day().isBefore(rewriteFrom)) {
                writes.days.add(new DayRow(partnerId, card.programId, d));
            }
        }
        PartnerEvaluation.Day now = days.get(days.size() - 1);
        Instant at = later(trigger, card.lastChangeAt == null ? null : card.lastChangeAt.toInstant());
        Instant factsUpTo = read.latest() == null ? card.openedAt.toInstant() : read.latest();

        int previousScore = card.score;
        String previousTier = card.tier;
        card.score = now.score().score();
        card.contributions = json(contributions(now.score()));
        card.tier = now.tier().name();
        card.tierRank = now.tier().rank();
        card.eligibleTier = now.eligibility().tier().name();
        card.downgradeDueOn = now.downgradeDueOn();
        card.explanation = now.explanation();
        card.evaluatedOn = today;
        card.dirtyFrom = null;
        Instant updated = factsUpTo.isAfter(card.updatedAt.toInstant()) ? factsUpTo : card.updatedAt.toInstant();
        card.updatedAt = updated.atOffset(ZoneOffset.UTC);
        if (inputs.publishing) {
            if (previousScore != card.score) {
                writes.scores.add(new Outbox.Emission<>(card.id, partnerId,
                        new ScoreChanged(card.id, partnerId, card.programId, previousScore, card.score, at)));
            }
            if (!previousTier.equals(card.tier)) {
                writes.tiers.add(new Outbox.Emission<>(card.id, partnerId, new TierChanged(card.id, partnerId,
                        previousTier, card.tier, card.tierRank, card.score, at)));
                card.lastChangeAt = at.atOffset(ZoneOffset.UTC);
                writes.tierChanges.add(new TierChange(partnerId, at, previousTier, now.tier(), card.score,
                        card.explanation));
            }
            Ledgers.Desired desired = ledgers.desired(history, deals, days, settings.rates(), settings.rules());
            if (!desired.digest().equals(card.ledgerDigest)) {
                writes.ledgerUpdates.add(new LedgerUpdate(partnerId, desired, at));
                card.ledgerDigest = desired.digest();
            }
        }
        writes.cards.add(card);
    }

    /**
     * Appends the lines that bring the ledgers of the partners whose desired lines changed in step, their booked
     * lines read with one query per ledger for all of them (the others' ledgers already hold what they should).
     */
    private void reconcileLedgers(Inputs inputs, Writes writes) {
        if (writes.ledgerUpdates.isEmpty()) {
            return;
        }
        Map<UUID, Ledgers.Booked> booked = ledgers.bookedOf(writes.ledgerUpdates.stream().map(LedgerUpdate::partnerId)
                .toList());
        for (LedgerUpdate u : writes.ledgerUpdates) {
            ledgers.reconcile(u.partnerId(), u.desired(), inputs.settings.rates().base(),
                    booked.getOrDefault(u.partnerId(), new Ledgers.Booked(Map.of(), Map.of())), true, u.at(),
                    writes.ledger);
        }
    }

    /**
     * Writes what a batch of evaluations changed: the scorecards (one flush), the days (one JDBC batch), the
     * tier changes, the events (one outbox call per type: a partner's score.changed before its tier.changed
     * before its incentive.accrued, as one evaluation emitted them) and the ledger lines.
     */
    private void write(Writes writes) {
        entityManager.flush();
        writeCards(writes.cards);
        writeDays(writes.days);
        insertTierChanges(writes.tierChanges);
        outbox.emitAll(EventTypes.SCORE_CHANGED, writes.scores);
        outbox.emitAll(EventTypes.TIER_CHANGED, writes.tiers);
        ledgers.write(writes.ledger);
    }

    /** Whether events are published: not while a rebuild computes its copy. */
    private static boolean publishing() {
        return !Boolean.TRUE.equals(REPLAYING.get());
    }

    /**
     * The partner's program, name and region from its profile-carrying facts in time order: the
     * program of its first onboarding start unless a later activation or profile update moves it; the
     * latest name and region.
     */
    private static void profile(Card card, List<Fact> history) {
        boolean started = false;
        for (Fact f : history) {
            if (OPENING.contains(f.type())) {
                boolean start = f.is(EventNames.ONBOARDING_STARTED);
                if (f.uuid("programId") != null && !(start && started)) {
                    card.programId = f.uuid("programId");
                }
                started |= start;
                if (f.text("name") != null) {
                    card.partnerName = f.text("name");
                }
                if (f.text("region") != null) {
                    card.region = f.text("region");
                }
            }
        }
    }

    /**
     * A scorecard row as the evaluation reads and writes it: plain JDBC, not the {@link Scorecard} entity, so a
     * batch of hundreds of partners costs one locking select and one JDBC batch of updates, without Hibernate's
     * entity loading, snapshots and dirty checking (measured as half the intake's CPU). {@code contributions}
     * is the JSON text; the update compares it as {@code jsonb}, so an unchanged scorecard keeps its version.
     */
    private static final class Card {
        UUID id;
        UUID partnerId;
        UUID programId;
        String tier;
        int tierRank;
        int score;
        String eligibleTier;
        LocalDate downgradeDueOn;
        String contributions;
        String explanation;
        String partnerName;
        String region;
        LocalDate evaluatedOn;
        OffsetDateTime lastChangeAt;
        LocalDate dirtyFrom;
        OffsetDateTime openedAt;
        OffsetDateTime updatedAt;
        String ledgerDigest;
    }

    /** These partners' scorecards under their row locks, taken in partner order (as every evaluation takes them). */
    private List<Card> lockCards(Collection<UUID> partnerIds) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, partner_id, program_id, tier, tier_rank, score, eligible_tier, downgrade_due_on,
                        cast(contributions as text), explanation, partner_name, region, evaluated_on, last_change_at,
                        dirty_from, opened_at, updated_at, ledger_digest
                    from scorecard where partner_id = any(?) order by partner_id for update""")) {
                select.setArray(1, connection.createArrayOf("uuid", partnerIds.toArray()));
                List<Card> cards = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Card c = new Card();
                        c.id = rs.getObject(1, UUID.class);
                        c.partnerId = rs.getObject(2, UUID.class);
                        c.programId = rs.getObject(3, UUID.class);
                        c.tier = rs.getString(4);
                        c.tierRank = rs.getInt(5);
                        c.score = rs.getInt(6);
                        c.eligibleTier = rs.getString(7);
                        c.downgradeDueOn = rs.getObject(8, LocalDate.class);
                        c.contributions = rs.getString(9);
                        c.explanation = rs.getString(10);
                        c.partnerName = rs.getString(11);
                        c.region = rs.getString(12);
                        c.evaluatedOn = rs.getObject(13, LocalDate.class);
                        c.lastChangeAt = rs.getObject(14, OffsetDateTime.class);
                        c.dirtyFrom = rs.getObject(15, LocalDate.class);
                        c.openedAt = rs.getObject(16, OffsetDateTime.class);
                        c.updatedAt = rs.getObject(17, OffsetDateTime.class);
                        c.ledgerDigest = rs.getString(18);
                        cards.add(c);
                    }
                }
                return cards;
            }
        });
    }

    /**
     * Writes the evaluated scorecards with one JDBC batch; a row whose every column already holds its new value
     * is left alone, so its version (the ETag) moves only when the scorecard changed, as the entity's did. The
     * ledger digest is bookkeeping, not part of the scorecard: a new one is written without moving the version.
     */
    private void writeCards(List<Card> cards) {
        if (cards.isEmpty()) {
            return;
        }
        String columns = """
                (program_id, tier, tier_rank, score, eligible_tier, downgrade_due_on, contributions, explanation,
                    partner_name, region, evaluated_on, last_change_at, dirty_from, updated_at)""";
        String values = "(?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)";
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update scorecard set %1$s = %2$s, ledger_digest = ?,
                        version = version + case when %1$s is distinct from %2$s then 1 else 0 end
                    where id = ? and (%1$s is distinct from %2$s or ledger_digest is distinct from ?)"""
                    .formatted(columns, values))) {
                for (Card c : cards) {
                    int i = bind(update, 1, c);
                    update.setString(i++, c.ledgerDigest);
                    i = bind(update, i, c);
                    update.setObject(i++, c.id);
                    i = bind(update, i, c);
                    update.setString(i, c.ledgerDigest);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** Binds the card's columns, in {@link #writeCards}'s order, from {@code i}; returns the next index. */
    private static int bind(PreparedStatement update, int i, Card c) throws java.sql.SQLException {
        update.setObject(i++, c.programId);
        update.setString(i++, c.tier);
        update.setInt(i++, c.tierRank);
        update.setInt(i++, c.score);
        update.setString(i++, c.eligibleTier);
        update.setObject(i++, c.downgradeDueOn, java.sql.Types.DATE);
        update.setString(i++, c.contributions);
        update.setString(i++, c.explanation);
        update.setString(i++, c.partnerName);
        update.setString(i++, c.region);
        update.setObject(i++, c.evaluatedOn, java.sql.Types.DATE);
        update.setObject(i++, c.lastChangeAt, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        update.setObject(i++, c.dirtyFrom, java.sql.Types.DATE);
        update.setObject(i++, c.updatedAt, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        return i;
    }

    private void insertTierChanges(List<TierChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into tier_change (id, partner_id, occurred_at, previous_tier, tier, tier_rank, score, explanation)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (TierChange c : changes) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, c.partnerId());
                    insert.setObject(3, c.at().atOffset(ZoneOffset.UTC));
                    insert.setString(4, c.previous());
                    insert.setString(5, c.tier().name());
                    insert.setInt(6, c.tier().rank());
                    insert.setObject(7, c.score(), java.sql.Types.INTEGER);
                    insert.setString(8, c.explanation());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Strictly after the previous change, so consumers keeping "the latest change" never drop one. */
    private static Instant later(Instant trigger, Instant previous) {
        return previous != null && !trigger.isAfter(previous) ? previous.plusMillis(1) : trigger;
    }

    private void writeDays(List<DayRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into scorecard_day (partner_id, day, program_id, score, tier, tier_rank, eligible_tier,
                        downgrade_due_on, kpis, contributions, explanation)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)
                    on conflict (partner_id, day) do update set program_id = excluded.program_id, score = excluded.score,
                        tier = excluded.tier, tier_rank = excluded.tier_rank, eligible_tier = excluded.eligible_tier,
                        downgrade_due_on = excluded.downgrade_due_on, kpis = excluded.kpis,
                        contributions = excluded.contributions, explanation = excluded.explanation""")) {
                for (DayRow row : rows) {
                    PartnerEvaluation.Day d = row.day();
                    upsert.setObject(1, row.partnerId());
                    upsert.setDate(2, Date.valueOf(d.day()));
                    upsert.setObject(3, row.programId());
                    upsert.setInt(4, d.score().score());
                    upsert.setString(5, d.tier().name());
                    upsert.setInt(6, d.tier().rank());
                    upsert.setString(7, d.eligibility().tier().name());
                    upsert.setDate(8, d.downgradeDueOn() == null ? null : Date.valueOf(d.downgradeDueOn()));
                    upsert.setString(9, json(kpis(d.kpis())));
                    upsert.setString(10, json(contributions(d.score())));
                    upsert.setString(11, d.explanation());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    static Map<String, Object> kpis(Map<Kpi, java.math.BigDecimal> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.name(), v == null ? null : v.toPlainString()));
        return out;
    }

    static List<Map<String, Object>> contributions(ScoringModel.Score score) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ScoringModel.Contribution c : score.contributions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kpi", c.kpi().name());
            m.put("value", c.value() == null ? null : c.value().toPlainString());
            m.put("target", c.target().toPlainString());
            m.put("weight", c.weight());
            m.put("contribution", c.contribution().toPlainString());
            out.add(m);
        }
        return out;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
