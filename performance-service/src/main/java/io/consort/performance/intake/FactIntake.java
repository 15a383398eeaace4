package io.consort.performance.intake;

import io.consort.chassis.inbox.IncomingEvent;
import io.consort.performance.domain.Fact;
import io.consort.performance.fact.FactKind;
import io.consort.performance.fact.PartnerFacts;
import io.consort.performance.standing.Standings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * What performance does with each event of {@code prm.partners}, {@code prm.community} and
 * {@code prm.campaigns}: keeps it as a fact of its partner and re-evaluates that partner from the
 * fact's day on. Runs inside the inbox's transaction, so fact, standing, published events and the
 * "processed" mark commit together.
 */
@ApplicationScoped
public class FactIntake {

    private static final Logger LOG = Logger.getLogger(FactIntake.class);

    /** Events about a partner whose {@code partnerId} the catalogue marks optional: without one, nothing to count. */
    private static final Set<FactKind> PARTNER_OPTIONAL = EnumSet.of(FactKind.THREAD_CREATED, FactKind.POST_CREATED,
            FactKind.ANSWER_ACCEPTED, FactKind.ENGAGEMENT_RECORDED);

    /** Events that carry the partner's profile and open its scorecard if it has none. */
    private static final Set<FactKind> OPENING = EnumSet.of(FactKind.ONBOARDING_STARTED, FactKind.PARTNER_ACTIVATED,
            FactKind.PROFILE_UPDATED);

    @Inject
    PartnerFacts facts;

    @Inject
    Standings standings;

    @Inject
    EntityManager entityManager;

    /**
     * The events' facts with one multi-row insert, then each
     * touched partner opened (in event order) and evaluated once, from the earliest day any of its new
     * facts can change. The partners' advisory locks are taken in one order, so batches of the three
     * channels touching the same partners wait for each other instead of deadlocking.
     */
    public void applyAll(List<IncomingEvent> events) {
        List<PartnerFacts.New> rows = new ArrayList<>(events.size());
        List<FactHeader> headers = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            Optional<FactKind> kind = FactKind.of(event.type());
            if (kind.isEmpty()) {
                LOG.debugf("ignoring %s %s", event.type(), event.id());
                continue;
            }
            FactHeader header = event.payloadAs(FactHeader.class);
            if (header.partnerId() == null && PARTNER_OPTIONAL.contains(kind.get())) {
                continue;
            }
            UUID partnerId = event.require("partnerId", header.partnerId());
            Instant at = event.require("occurredAt", header.occurredAt());
            if (kind.get() == FactKind.ONBOARDING_STARTED) {
                event.require("programId", header.programId());
            }
            rows.add(new PartnerFacts.New(event.id(), kind.get(), partnerId, header.programId(), at, event.payload()));
            headers.add(header);
        }
        if (rows.isEmpty()) {
            return;
        }
        long[] keys = rows.stream().mapToLong(r -> lockKey(r.partnerId())).distinct().sorted().toArray();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select count(pg_advisory_xact_lock(k)) from unnest(?) as k")) {
                lock.setArray(1, connection.createArrayOf("bigint", LongStream.of(keys).boxed().toArray()));
                lock.executeQuery().close();
            }
        });
        Set<UUID> added = facts.recordAll(rows);
        Map<UUID, LocalDate> from = new LinkedHashMap<>();
        Map<UUID, Instant> trigger = new HashMap<>();
        List<Standings.Opening> openings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PartnerFacts.New row = rows.get(i);
            if (!added.contains(row.eventId())) {
                continue; // the same event under another consumer record: already counted
            }
            FactHeader header = headers.get(i);
            if (OPENING.contains(row.kind()) && header.programId() != null) {
                openings.add(new Standings.Opening(row.partnerId(), header.programId(), row.occurredAt()));
            }
            LocalDate day = Fact.dayOf(row.occurredAt());
            if (header.closedOn() != null && header.closedOn().isBefore(day)) {
                day = header.closedOn();
            }
            from.merge(row.partnerId(), day, (a, b) -> a.isBefore(b) ? a : b);
            trigger.merge(row.partnerId(), row.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        standings.openAll(openings);
        standings.reevaluateAll(from, trigger);
    }

    private static long lockKey(UUID partnerId) {
        return partnerId.getMostSignificantBits() ^ partnerId.getLeastSignificantBits();
    }
}
