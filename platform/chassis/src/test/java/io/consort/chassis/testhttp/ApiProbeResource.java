package io.consort.chassis.testhttp;

import io.consort.chassis.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Endpoints under {@code /api/}, where the chassis denies by default. The unannotated one stands for
 * the endpoint someone forgot to secure.
 */
@Path("/api/test")
@Produces(MediaType.APPLICATION_JSON)
public class ApiProbeResource {

    @GET
    @Path("/unannotated")
    public Map<String, String> unannotated() {
        return Map.of("reached", "yes");
    }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.PRM_ADMIN)
    public Map<String, String> admin() {
        return Map.of("reached", "yes");
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Map<String, Integer> upload(String body) {
        return Map.of("length", body.length());
    }

    /** Verified by the OIDC tenant {@code keycloak-down}, whose server does not answer. */
    @GET
    @Path("/keycloak-down/whoami")
    @Authenticated
    public Map<String, String> keycloakDown() {
        return Map.of("reached", "yes");
    }
}
