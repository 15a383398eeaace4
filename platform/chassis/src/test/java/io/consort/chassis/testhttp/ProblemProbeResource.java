package io.consort.chassis.testhttp;

import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Endpoints that fail in each way a real service can, for the problem mapper tests. */
@Path("/test/problems")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ProblemProbeResource {

    @Inject
    CallerScope caller;

    @Inject
    EntityManager em;

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals: password=hunter2 at db.internal:5432");
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw Problems.conflict("the application was already rejected");
    }

    @GET
    @Path("/rate-limited")
    public String rateLimited() {
        throw Problems.tooManyRequests("slow down", Duration.ofMillis(2500));
    }

    @GET
    @Path("/unavailable")
    public String unavailable() {
        throw Problems.serviceUnavailable("keycloak is down", Duration.ofSeconds(30));
    }

    @GET
    @Path("/jaxrs-not-found")
    public String jaxrsNotFound() {
        throw new jakarta.ws.rs.NotFoundException("internal lookup of com.example.Secret failed");
    }

    @GET
    @Path("/limit")
    public String limit(@QueryParam("limit") @Min(1) @Max(200) int limit) {
        return "ok";
    }

    @GET
    @Path("/uuid/{id}")
    public String uuid(@PathParam("id") UUID id) {
        return id.toString();
    }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.PRM_ADMIN)
    public String adminOnly() {
        return "admin";
    }

    /** Two widgets with the same unique code: the second insert violates the constraint. */
    @POST
    @Path("/duplicate")
    @Transactional
    public String duplicate() {
        String code = "dup-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            Widget w = new Widget();
            w.id = UUID.randomUUID();
            w.partnerId = UUID.randomUUID();
            w.name = "dup";
            w.code = code;
            w.createdAt = OffsetDateTime.now();
            em.persist(w);
            em.flush();
        }
        return "unreachable";
    }

    /** Loads a widget, lets another transaction change it meanwhile, then writes the stale copy. */
    @POST
    @Path("/stale")
    @Transactional
    public String stale() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Widget w = new Widget();
            w.id = UUID.randomUUID();
            w.partnerId = UUID.randomUUID();
            w.name = "v0";
            w.createdAt = OffsetDateTime.now();
            em.persist(w);
            return w.id;
        });
        Widget mine = em.find(Widget.class, id);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update Widget set name = 'theirs', version = version + 1 where id = :id")
                .setParameter("id", id).executeUpdate());
        mine.name = "mine";
        em.flush();
        return "unreachable";
    }

    @GET
    @Path("/whoami")
    public Map<String, Object> whoami() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("origin", caller.origin());
        out.put("partnerId", caller.partnerId().map(UUID::toString).orElse(null));
        out.put("vendorSide", caller.isVendorSide());
        out.put("partnerSide", caller.isPartnerSide());
        out.put("visible", caller.visiblePartnerIds().stream().map(UUID::toString).sorted().toList());
        return out;
    }

    @GET
    @Path("/partner-names")
    public java.util.List<String> partnerNames(@QueryParam("prefix") String prefix) {
        return TestPartner.<TestPartner>list("name like ?1 order by name", prefix + "%").stream().map(p -> p.name).toList();
    }

    @GET
    @Path("/partner-rows/{id}")
    public String partnerRow(@PathParam("id") UUID id) {
        TestPartner p = TestPartner.findById(id);
        if (p == null) {
            throw Problems.notFound("partner", id);
        }
        return p.name;
    }

    @GET
    @Path("/partners/{id}")
    public String partner(@PathParam("id") UUID id) {
        caller.requirePartnerAccess(id);
        return "visible";
    }

    /** Logs one line from the worker thread and answers the request id the logging MDC holds there. */
    @GET
    @Path("logged")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String logged() {
        org.jboss.logging.Logger.getLogger(ProblemProbeResource.class).info("probe line");
        Object id = org.jboss.logging.MDC.get("requestId");
        return id == null ? "none" : id.toString();
    }
}
