package io.consort.chassis.testhttp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Stands for community's public partner directory, which the chassis opens by path. */
@Path("/api/v1/partner-directory/probe")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerDirectoryProbeResource {

    @GET
    public Map<String, String> listed() {
        return Map.of("public", "yes");
    }
}
