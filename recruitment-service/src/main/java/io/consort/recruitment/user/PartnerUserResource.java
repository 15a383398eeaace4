package io.consort.recruitment.user;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.chassis.paging.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's people and their logins. Partner-side callers reach only their own partner's users (404
 * for any other partner); inviting and deactivating is for the partner's admins and the vendor's
 * managers. The Keycloak side happens after the answer: see {@link ProvisioningWorker}.
 */
@Path("/api/v1/partners/{partnerId}/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner users", description = "A partner's people and their Keycloak logins")
public class PartnerUserResource {

    /** The orders ?sort= offers. */
    static final Sort.Fields SORTS = Sort.fields("createdAt", "updatedAt", "email");

    @Inject
    PartnerUserService service;

    @Inject
    CallerScope caller;

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "listPartnerUsers", summary = "List a partner's users",
            description = "List a partner's users, oldest first (or in the order sort asks), one cursor page at a time")
    public Page<PartnerUserResponse> list(@PathParam("partnerId") UUID partnerId, @BeanParam PageRequest page,
            @Parameter(name = Sort.PARAMETER, description = "Order of the list: a field, - in front for descending; "
                    + "ties by id in the same direction. A cursor continues only the order it was made for",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "createdAt", "-createdAt",
                    "updatedAt", "-updatedAt", "email", "-email" },
                    defaultValue = "createdAt")) @QueryParam(Sort.PARAMETER) String sort,
            @Parameter(description = "Only users in this state",
                    schema = @Schema(implementation = PartnerUserState.class)) @QueryParam("state") String state) {
        caller.requirePartnerAccess(partnerId);
        return service.list(partnerId, page, SORTS.parse(sort), QueryParams.enumValue("state", state,
                PartnerUserState.class))
                .map(PartnerUserResponse::from);
    }

    @GET
    @Path("{userId}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @APIResponseSchema(value = PartnerUserResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "getPartnerUser", summary = "Read a partner user",
            description = "Read a partner user and the state of their login")
    public Response get(@PathParam("partnerId") UUID partnerId, @PathParam("userId") UUID userId) {
        caller.requirePartnerAccess(partnerId);
        return ok(service.get(partnerId, userId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN })
    @APIResponseSchema(value = PartnerUserResponse.class, responseCode = "201",
            responseDescription = "The user, PROVISIONING until the login exists")
    @Operation(operationId = "invitePartnerUser", summary = "Invite a person of a partner",
            description = "Invite a person: answers at once in state PROVISIONING; the Keycloak login "
            + "(with the partner's id, the role and a set-password action) follows, retried while Keycloak is down")
    public Response invite(@PathParam("partnerId") UUID partnerId, @Valid @NotNull PartnerUserRequest body,
            @Context UriInfo uri) {
        caller.requirePartnerAccess(partnerId);
        PartnerUser user = service.invite(partnerId, body, caller.origin());
        return Response.created(uri.getBaseUriBuilder().path(PartnerUserResource.class).path(user.id().toString())
                        .build(partnerId))
                .tag(ETags.tag(user.version()))
                .entity(PartnerUserResponse.from(user))
                .build();
    }

    @POST
    @Path("{userId}/deactivate")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN })
    @APIResponseSchema(value = PartnerUserResponse.class, responseCode = "200",
            responseDescription = "The user, DEACTIVATING until the login is disabled")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @APIResponse(responseCode = "422", description = "The partner's last active partner-admin cannot be deactivated")
    @Operation(operationId = "deactivatePartnerUser", summary = "Deactivate a partner user",
            description = "Deactivate a partner user: state DEACTIVATING until the Keycloak login is disabled; "
            + "the partner's last active partner-admin cannot be deactivated (422)")
    public Response deactivate(@PathParam("partnerId") UUID partnerId, @PathParam("userId") UUID userId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requirePartnerAccess(partnerId);
        return ok(service.deactivate(partnerId, userId, ifMatch, caller.origin()));
    }

    private static Response ok(PartnerUser user) {
        return Response.ok(PartnerUserResponse.from(user)).tag(ETags.tag(user.version())).build();
    }
}
