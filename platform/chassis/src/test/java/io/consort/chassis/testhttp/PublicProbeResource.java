package io.consort.chassis.testhttp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Stands for a service's public endpoint (recruitment's partner directory, the application form): the chassis
 * asks for a token on every {@code /api/} call, and a service lifts that for its public paths with a permit
 * permission in its own configuration (here the test application's {@code application.properties}).
 */
@Path("/api/test/public/probe")
@Produces(MediaType.APPLICATION_JSON)
public class PublicProbeResource {

    @GET
    public Map<String, String> listed() {
        return Map.of("public", "yes");
    }
}
