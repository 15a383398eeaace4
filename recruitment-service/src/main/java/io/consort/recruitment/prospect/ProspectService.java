package io.consort.recruitment.prospect;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ProspectImported;
import io.consort.recruitment.prospect.ProspectRules.ValidProspect;
import io.consort.recruitment.support.Timestamps;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ProspectService {

    @Inject
    ProspectRepository prospects;

    @Inject
    Outbox outbox;

    /** The outcome of an upsert: the prospect and whether it was new. */
    public record Upserted(Prospect prospect, boolean created) {
    }

    @Transactional
    public Prospect create(ValidProspect values, String origin) {
        Instant now = Timestamps.now();
        Prospect prospect = new Prospect(UUID.randomUUID(), values, origin, now);
        prospects.persist(prospect);
        emit(prospect, true, origin, now);
        return prospect;
    }

    /**
     * Creates or updates the prospect {@code system} knows as {@code externalId}. {@code If-Match} is
     * checked against the existing prospect; with no prospect any {@code If-Match}, even {@code *}, fails
     * (RFC 9110: the caller expected something that is not there).
     */
    @Transactional
    public Upserted upsertByExternalId(String system, String externalId, ValidProspect values, String ifMatch,
            String origin) {
        if (!ProspectRules.SYSTEM.matcher(system).matches()) {
            throw Problems.invalidField("system", ProspectRules.SYSTEM_MESSAGE);
        }
        String idProblem = ProspectRules.externalIdProblem(externalId);
        if (idProblem != null) {
            throw Problems.invalidField("externalId", idProblem);
        }
        String inBody = values.externalIds().get(system);
        if (inBody != null && !inBody.equals(externalId)) {
            throw Problems.invalidField("externalIds." + system, "differs from the external id in the path");
        }
        ValidProspect keyed = values.withExternalId(system, externalId);
        Instant now = Timestamps.now();
        var existing = prospects.findByExternalId(system, externalId);
        if (existing.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw Problems.preconditionFailed("no prospect is known as " + system + "/" + externalId);
            }
            Prospect prospect = new Prospect(UUID.randomUUID(), keyed, origin, now);
            prospects.persist(prospect);
            emit(prospect, true, origin, now);
            return new Upserted(prospect, true);
        }
        Prospect prospect = existing.get();
        ETags.requireMatch(ifMatch, prospect.version());
        prospect.apply(keyed, origin, now);
        prospects.flush();
        emit(prospect, false, origin, now);
        return new Upserted(prospect, false);
    }

    public Prospect get(UUID id) {
        return prospects.findByIdOptional(id).orElseThrow(() -> Problems.notFound("prospect", id));
    }

    public Page<Prospect> list(PageRequest page, Sort sort, String region, String specialisation, String industry) {
        KeysetQuery<Prospect> query = KeysetQuery.of(Prospect.class).sort(sort).whereEqual("region", region);
        if (specialisation != null) {
            query.where("array_contains(specialisations, :specialisation)",
                    Parameters.with("specialisation", specialisation));
        }
        if (industry != null) {
            query.where("array_contains(industries, :industry)", Parameters.with("industry", industry));
        }
        return query.fetch(page, Prospect::createdAt, Prospect::id);
    }

    private void emit(Prospect p, boolean created, String origin, Instant now) {
        outbox.emit(EventTypes.PROSPECT_IMPORTED, p.id(), null,
                new ProspectImported(p.id(), p.companyName(), p.domain(), p.region(), created, origin, now));
    }
}
