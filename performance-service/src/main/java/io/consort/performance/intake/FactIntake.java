package io.consort.performance.intake;

import io.consort.chassis.inbox.IncomingEvent;
import io.consort.performance.domain.Fact;
import io.consort.performance.fact.FactKind;
import io.consort.performance.fact.PartnerFacts;
import io.consort.performance.standing.Standings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    public void apply(IncomingEvent event) {
        Optional<FactKind> kind = FactKind.of(event.type());
        if (kind.isEmpty()) {
            LOG.debugf("ignoring %s %s", event.type(), event.id());
            return;
        }
        FactHeader header = event.payloadAs(FactHeader.class);
        if (header.partnerId() == null && PARTNER_OPTIONAL.contains(kind.get())) {
            return;
        }
        UUID partnerId = event.require("partnerId", header.partnerId());
        Instant at = event.require("occurredAt", header.occurredAt());
        if (kind.get() == FactKind.ONBOARDING_STARTED) {
            event.require("programId", header.programId());
        }
        // One partner's events from different topics are applied one at a time, so an event whose
        // partner has no scorecard yet and the event opening it cannot miss each other.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, partnerId.getMostSignificantBits() ^ partnerId.getLeastSignificantBits())
                .getSingleResult();
        if (!facts.record(event.id(), kind.get(), partnerId, header.programId(), at, event.payload())) {
            return; // the same event under another consumer record: already counted
        }
        if (OPENING.contains(kind.get()) && header.programId() != null) {
            standings.open(partnerId, header.programId(), at);
        }
        LocalDate from = Fact.dayOf(at);
        if (header.closedOn() != null && header.closedOn().isBefore(from)) {
            from = header.closedOn();
        }
        standings.reevaluate(partnerId, from, at);
    }
}
