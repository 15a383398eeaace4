package io.consort.community.search;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Full-text search over what the caller may see. */
@Path("/api/v1/community/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full text over resources, threads and posts the caller may see")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
public class SearchResource {

    @Inject
    CommunitySearch search;

    @GET
    @Operation(operationId = "searchCommunity", summary = "Search resources, threads and posts, most relevant first",
            description = "Every role. Web-search syntax (words, \"phrases\", -exclusions, or). A partner finds only "
                    + "what its active membership admits and nothing hidden; the vendor finds everything.")
    @APIResponse(responseCode = "200", description = "One page of hits")
    @APIResponse(responseCode = "400", description = "Missing q, bad limit or cursor")
    @APIResponse(responseCode = "401", description = "No or bad token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public Page<SearchHit> search(@Parameter(description = "What to look for", required = true) @QueryParam("q") String q,
            @BeanParam PageRequest page) {
        return search.search(q, page.limit(), page.rawCursor());
    }
}
