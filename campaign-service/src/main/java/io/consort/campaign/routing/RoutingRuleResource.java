package io.consort.campaign.routing;

import io.consort.campaign.support.ApiErrors;
import io.consort.chassis.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routing rules", description = "How leads are offered to partners: match, tier weights, capacity, acceptance SLA")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
public class RoutingRuleResource {

    @Inject
    RoutingRuleService service;

    @Inject
    CallerScope caller;

    @POST
    @Operation(operationId = "createRoutingRule", summary = "Create a lead routing rule",
            description = "Adds a rule; the first active rule by priority that applies to a lead routes it. "
                    + "Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = RoutingRuleResponse.class, responseCode = "201", responseDescription = "created (Location, ETag)")
    public RestResponse<RoutingRuleResponse> create(@Valid @NotNull RoutingRuleRequest body, @Context UriInfo uri) {
        RoutingRule rule = service.create(body, caller.origin());
        return RestResponse.ResponseBuilder.<RoutingRuleResponse>created(
                        uri.getBaseUriBuilder().path(RoutingRuleResource.class).path(rule.id.toString()).build())
                .tag(ETags.tag(rule.version)).entity(RoutingRuleResponse.from(rule)).build();
    }

    @GET
    @Operation(operationId = "listRoutingRules", summary = "List routing rules",
            description = "Oldest first, one cursor page at a time. Roles: prm-admin, channel-manager.")
    public Page<RoutingRuleResponse> list(@BeanParam PageRequest page) {
        return service.list(page).map(RoutingRuleResponse::from);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRoutingRule", summary = "Read a routing rule",
            description = "The rule's current version, as ETag. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = RoutingRuleResponse.class, responseCode = "200", responseDescription = "the rule (ETag)")
    @APIResponse(responseCode = "404", description = "no such rule", content = @Content(mediaType = "application/problem+json"))
    public RestResponse<RoutingRuleResponse> get(@PathParam("id") UUID id) {
        RoutingRule rule = service.get(id);
        return RestResponse.ResponseBuilder.ok(RoutingRuleResponse.from(rule)).tag(ETags.tag(rule.version)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceRoutingRule", summary = "Replace a routing rule (a new version)",
            description = "Replaces the whole rule; If-Match with the current ETag is required. Leads already "
                    + "offered keep their offer; later decisions use the new version. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = RoutingRuleResponse.class, responseCode = "200", responseDescription = "the new version (ETag)")
    @APIResponse(responseCode = "404", description = "no such rule", content = @Content(mediaType = "application/problem+json"))
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public RestResponse<RoutingRuleResponse> replace(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RoutingRuleRequest body) {
        RoutingRule rule = service.replace(id, ifMatch, body, caller.origin());
        return RestResponse.ResponseBuilder.ok(RoutingRuleResponse.from(rule)).tag(ETags.tag(rule.version)).build();
    }

    @GET
    @Path("{id}/versions")
    @Operation(operationId = "listRoutingRuleVersions", summary = "Every version a routing rule had",
            description = "Oldest first; a routing decision names the rule version it used. Roles: prm-admin, channel-manager.")
    public List<RoutingRuleVersionResponse> versions(@PathParam("id") UUID id) {
        return service.versions(id);
    }
}
