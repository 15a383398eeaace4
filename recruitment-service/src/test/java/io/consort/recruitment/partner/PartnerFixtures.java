package io.consort.recruitment.partner;

import io.consort.chassis.etag.ETags;
import io.consort.recruitment.Fixtures;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.program.ProgramRequest;
import io.consort.recruitment.program.ProgramService;
import io.consort.recruitment.support.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Partners in the states the tests need, made through the same service code the endpoints use. Each
 * runs on a thread of its own: a test method's thread carries the test's identity, and the partner-scope
 * filter would narrow a fixture for a partner-side test to that test's partner.
 */
@ApplicationScoped
public class PartnerFixtures {

    @Inject
    ProgramService programs;

    @Inject
    PartnerPatches partners;

    @Inject
    PartnerLifecycle lifecycle;

    @Inject
    EntityManager em;

    private volatile UUID programId;

    /** One program (RESELLER only) the partner tests share. */
    public UUID programId() {
        if (programId == null) {
            synchronized (this) {
                if (programId == null) {
                    programId = programs.create(new ProgramRequest(Fixtures.uniqueName("Partner tests"), null,
                            List.of(PartnerType.RESELLER), true, null), "test").id();
                }
            }
        }
        return programId;
    }

    /** A new ONBOARDING partner. */
    public UUID onboard(String name, String region) {
        return onboard(UUID.randomUUID(), name, region);
    }

    /** The partner with this fixed id (token claims are constants), created ONBOARDING unless it exists. */
    public UUID onboard(UUID id, String name, String region) {
        UUID program = programId();
        outsideRequest(() -> QuarkusTransaction.requiringNew().run(() -> {
            if (!exists(id)) {
                lifecycle.onboard(new NewPartner(id, program, null, name, PartnerType.RESELLER, region,
                        name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example", null), "test", Timestamps.now());
            }
        }));
        return id;
    }

    /** Whether the partner exists, whoever asks (native SQL: the partner-scope filter would hide it). */
    public boolean exists(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from partners where id = ?1").setParameter(1, id).getSingleResult()).intValue() > 0);
    }

    public void activate(UUID id) {
        outsideRequest(() -> lifecycle.activate(id, "onboarding"));
    }

    /** Sets fields as a vendor-side caller named {@code by} would, whatever the partner's version. */
    public Partner set(UUID id, String by, Map<String, Object> fields) {
        PartnerRequest request = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .convertValue(fields, PartnerRequest.class);
        PartnerEdit edit = PartnerEdit.of(request, Set.copyOf(fields.keySet())).edit();
        return outsideRequest(() -> partners.patch(id, edit, ETags.of(version(id)), true, by));
    }

    public long version(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from partners where id = ?1").setParameter(1, id).getSingleResult()).longValue());
    }

    public UUID parentOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                "select parent_partner_id from partners where id = ?1", UUID.class).setParameter(1, id).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> externalIds(UUID id) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select system, external_id from partner_external_ids where partner_id = ?1")
                .setParameter(1, id).getResultList());
        Map<String, String> ids = new java.util.TreeMap<>();
        rows.forEach(row -> ids.put((String) row[0], (String) row[1]));
        return ids;
    }

    public void suspend(UUID id, String reason) {
        outsideRequest(() -> lifecycle.suspend(id, reason, null, "manager"));
    }

    private static void outsideRequest(Runnable work) {
        outsideRequest(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T outsideRequest(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, runnable -> new Thread(runnable, "fixture").start()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
