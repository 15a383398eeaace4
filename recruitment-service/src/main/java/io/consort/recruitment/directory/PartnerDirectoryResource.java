package io.consort.recruitment.directory;

import io.consort.chassis.openapi.ApiDocs;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
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
    @SecurityRequirementsSet({})
    @Extension(name = ApiDocs.ERRORS, value = "429")
    @Operation(operationId = "searchPartnerDirectory", summary = "Find listed partners (public)",
            description = "Find listed ACTIVE partners by region, specialisation and tier (public, no token; rate "
            + "limited per client address), one cursor page at a time")
    public Page<DirectoryEntry> list(@BeanParam PageRequest page,
            @Parameter(description = "Only partners in this region (an UPPER_SNAKE code)",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z][A-Z0-9_]*$",
            maxLength = 40)) @QueryParam("region") String region,
            @Parameter(description = "Only partners with this specialisation (an UPPER_SNAKE code)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z][A-Z0-9_]*$",
                    maxLength = 40)) @QueryParam("specialisation") String specialisation,
                    @Parameter(description = "Only partners of this tier (an UPPER_SNAKE code)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z][A-Z0-9_]*$",
                    maxLength = 40)) @QueryParam("tier") String tier) {
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
