package io.consort.recruitment.directory;

import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.recruitment.support.Codes;
import io.consort.recruitment.support.PublicLimit;
import io.consort.recruitment.support.RateLimitedPerClient;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public partner locator: ACTIVE partners that chose to be listed. No token needed (the chassis
 * permits {@code /api/v1/partner-directory}); rate limited per client address instead.
 */
@Path("/api/v1/partner-directory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner directory", description = "Public partner locator")
public class PartnerDirectoryResource {

    @GET
    @PermitAll
    @RateLimitedPerClient(PublicLimit.PARTNER_DIRECTORY)
    @Operation(summary = "Find listed ACTIVE partners by region, specialisation and tier (public, no token; rate "
            + "limited per client address), one cursor page at a time")
    public Page<DirectoryEntry> list(@BeanParam PageRequest page, @QueryParam("region") String region,
            @QueryParam("specialisation") String specialisation, @QueryParam("tier") String tier) {
        KeysetQuery<DirectoryListing> query = KeysetQuery.of(DirectoryListing.class)
                .where("state = 'ACTIVE' and listedInDirectory = true")
                .whereEqual("region", Codes.queryParam("region", region))
                .whereEqual("tier", Codes.queryParam("tier", tier));
        String wanted = Codes.queryParam("specialisation", specialisation);
        if (wanted != null) {
            query.where("array_contains(specialisations, :specialisation)",
                    Parameters.with("specialisation", wanted));
        }
        return query.fetch(page, DirectoryListing::createdAt, DirectoryListing::id).map(DirectoryEntry::from);
    }
}
