package io.consort.recruitment.training;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.persistence.NativeQueries;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.CertificationExpired;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class CertificationService {

    /**
     * Due certifications, claimed by this sweep until its commit. SKIP LOCKED lets several instances sweep
     * at once: each takes rows the others have not, and nobody waits on anybody's batch.
     */
    private static final String CLAIM_DUE = """
            select id from training_certifications
            where status = 'ACTIVE' and expires_at <= ?
            order by expires_at
            limit ?
            for update skip locked
            """;

    @Inject
    CertificationRepository certifications;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    @ConfigProperty(name = "consort.recruitment.training.expiry-batch-size", defaultValue = "500")
    int batchSize;

    public Certification get(UUID id) {
        return certifications.findByIdOptional(id).orElseThrow(() -> Problems.notFound("certification", id));
    }

    /** Certifications the caller may see, oldest first; {@code status} as of {@code now}. */
    public Page<Certification> list(PageRequest page, UUID partnerId, String userId, UUID moduleId,
            CertificationStatus status, Instant now) {
        if (partnerId != null) {
            caller.requirePartnerAccess(partnerId);
        }
        KeysetQuery<Certification> query = KeysetQuery.of(Certification.class).keys("earnedAt", "id")
                .whereEqual("partnerId", partnerId)
                .whereEqual("userId", userId == null || userId.isBlank() ? null : userId.strip())
                .whereEqual("moduleId", moduleId);
        if (status == CertificationStatus.ACTIVE) {
            query.where("status = :active and (expiresAt is null or expiresAt > :now)",
                    Map.of("active", CertificationStatus.ACTIVE, "now", now));
        } else if (status == CertificationStatus.EXPIRED) {
            query.where("(status = :expired or expiresAt <= :now)", Map.of("expired", CertificationStatus.EXPIRED,
                    "now", now));
        }
        return query.fetch(page, Certification::earnedAt, Certification::id);
    }

    /**
     * Records every expiry due at {@code now}: status EXPIRED and {@code certification.expired}, one
     * transaction per batch. Called by {@link CertificationExpiryJob}; tests call it with the instant they need.
     *
     * @return how many certifications expired
     */
    public int expireDue(Instant now) {
        int total = 0;
        while (true) {
            int expired = QuarkusTransaction.requiringNew().call(() -> expireBatch(now));
            total += expired;
            if (expired < batchSize) {
                return total;
            }
        }
    }

    private int expireBatch(Instant now) {
        List<UUID> due = NativeQueries.column(em, UUID.class, CLAIM_DUE, now, batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        // One query for the batch, one outbox write for its events: the rows are locked (CLAIM_DUE), which is
        // what emitAll's ordering needs in place of emit's per-aggregate lock.
        List<Outbox.Emission<CertificationExpired>> events = new ArrayList<>(due.size());
        for (Certification c : certifications.list("id in ?1", Sort.by("expiresAt").and("id"), due)) {
            c.expire(now);
            events.add(new Outbox.Emission<>(c.id(), c.partnerId(), new CertificationExpired(c.id(), c.partnerId(),
                    c.userId(), c.moduleId(), c.name(), c.expiresAt(), now)));
        }
        outbox.emitAll(EventTypes.CERTIFICATION_EXPIRED, events);
        return due.size();
    }
}
