package io.consort.campaign.deal;

import io.consort.campaign.support.ApiErrors;
import io.consort.chassis.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deal-registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deal registrations", description = "Partners register opportunities; the vendor reviews them against "
        + "channel conflicts and protects the approved one")
public class DealRegistrationResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DealRegistrationService service;

    @Inject
    CallerScope caller;

    @POST
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitDealRegistration", summary = "Register a deal",
            description = "Registers an opportunity in SUBMITTED and answers the channel conflicts it meets now (another "
                    + "partner's approved protection or pending registration of the same customer domain and an "
                    + "overlapping product): the rule, the products and when that claim ends, never the other partner. "
                    + "Roles: partner-admin, partner-user (their own partner, or a partner-admin's child partner), "
                    + "prm-admin, channel-manager, integrator (naming partnerId).")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "201", responseDescription = "Registered; "
            + "Location and ETag of the registration")
    @APIResponse(responseCode = "404", description = "partnerId not visible to the caller", content = @Content(mediaType = PROBLEM))
    public Response submit(@Valid @NotNull DealRegistrationRequest body, @Context UriInfo uri) {
        DealRegistrationService.Submission s = service.submit(body);
        DealRegistration d = s.registration();
        return Response.created(uri.getBaseUriBuilder().path(DealRegistrationResource.class).path(d.id.toString()).build())
                .tag(ETags.tag(d.version)).entity(DealRegistrationResponse.of(d, conflicts(s.conflicts()))).build();
    }

    @POST
    @Path("conflict-check")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkDealConflicts", summary = "Check a deal for channel conflicts without registering it",
            description = "The conflicts a registration of this customer domain and these products would meet now. "
                    + "Partner-side callers learn the rule, products and end of the other claim, never the other partner. "
                    + "Roles: partner-admin, partner-user, prm-admin, channel-manager, integrator.")
    @APIResponseSchema(value = ConflictCheckResponse.class, responseCode = "200", responseDescription = "The conflicts (maybe none)")
    @APIResponse(responseCode = "404", description = "partnerId not visible to the caller", content = @Content(mediaType = PROBLEM))
    public ConflictCheckResponse check(@Valid @NotNull ConflictCheckRequest body) {
        return new ConflictCheckResponse(DealRegistrationService.domain(body.customerDomain()), conflicts(service.check(body)));
    }

    @GET
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "listDealRegistrations", summary = "List deal registrations, oldest first",
            description = "One cursor page at a time, filtered by partner, state (repeat the parameter or separate "
                    + "with commas) and customer domain. Partner-side callers see their own partner's registrations "
                    + "(a partner-admin also its child partners'). Roles: every role.")
    @APIResponseSchema(value = DealRegistrationPage.class, responseCode = "200", responseDescription = "A page")
    public Page<DealRegistrationResponse> list(@BeanParam PageRequest page,
            @Parameter(description = "Only this partner's registrations", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("partnerId") UUID partnerId,
            @Parameter(description = "Only these states (repeat or comma-separate)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DealState.class))
            @QueryParam("state") List<String> state,
            @Parameter(description = "Only this customer (normalised before comparing)") @QueryParam("customerDomain")
            String customerDomain) {
        Page<DealRegistration> found = service.list(page, partnerId, states(state), customerDomain);
        Map<UUID, List<ChannelConflicts.Conflict>> conflicts = service.conflictsOf(found.items());
        return found.map(d -> DealRegistrationResponse.of(d, conflicts(conflicts.getOrDefault(d.id, List.of()))));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "getDealRegistration", summary = "Read a deal registration",
            description = "With its current conflicts while pending. Roles: every role; partner-side callers only "
                    + "their own partner's (404 otherwise).")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "The registration; ETag its version")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @GET
    @Path("{id}/review")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "reviewDealRegistration", summary = "Review a deal registration beside its conflicts",
            description = "The registration and every other partner's registration it collides with, side by side, "
                    + "with the rule and products of each collision. Roles: prm-admin, channel-manager, integrator.")
    @APIResponseSchema(value = DealReviewResponse.class, responseCode = "200", responseDescription = "The review view")
    public Response review(@PathParam("id") UUID id) {
        DealRegistration d = service.get(id);
        List<ChannelConflicts.Conflict> found = service.conflictsOf(d);
        Map<UUID, DealRegistration> rivals = service.rivals(found);
        List<DealReviewResponse.Rival> side = found.stream().filter(c -> rivals.containsKey(c.other().dealId()))
                .map(c -> new DealReviewResponse.Rival(c.rule(), c.products(), c.endsAt(),
                        DealRegistrationResponse.of(rivals.get(c.other().dealId()), List.of())))
                .toList();
        return Response.ok(new DealReviewResponse(DealRegistrationResponse.of(d, conflicts(found)), side))
                .tag(ETags.tag(d.version)).build();
    }

    @POST
    @Path("{id}/start-review")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "startDealRegistrationReview", summary = "Start reviewing a registration (SUBMITTED → IN_REVIEW)",
            description = "Needs If-Match with the current ETag. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "IN_REVIEW")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response startReview(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.startReview(id, ifMatch));
    }

    @POST
    @Path("{id}/request-action")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestDealRegistrationAction", summary = "Ask the partner for an action before deciding "
            + "(→ ACTION_REQUIRED)", description = "Needs If-Match. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "ACTION_REQUIRED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response requestAction(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DealActionRequests.Note body) {
        return ok(service.requestAction(id, ifMatch, body.note()));
    }

    @POST
    @Path("{id}/resubmit")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resubmitDealRegistration", summary = "Answer the requested action (ACTION_REQUIRED → IN_REVIEW)",
            description = "Needs If-Match. Roles: partner-admin, partner-user (their own), prm-admin, channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "IN_REVIEW")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response resubmit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DealActionRequests.Note body) {
        return ok(service.resubmit(id, ifMatch, body.note()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "approveDealRegistration", summary = "Approve a registration (→ APPROVED, protected for the "
            + "program's window)", description = "Refused with 409 when another registration of the customer and an "
            + "overlapping product is approved (also when two approvals race: the database admits one). Needs If-Match. "
            + "Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "APPROVED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.approve(id, ifMatch));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectDealRegistration", summary = "Reject a registration, with the reason the partner is told",
            description = "Needs If-Match. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "REJECTED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DealActionRequests.Reject body) {
        return ok(service.reject(id, ifMatch, body.reason()));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "withdrawDealRegistration", summary = "Withdraw a registration before approval",
            description = "Needs If-Match. Roles: partner-admin, partner-user (their own), prm-admin, channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "WITHDRAWN")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.withdraw(id, ifMatch));
    }

    @POST
    @Path("{id}/extend-protection")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "extendDealProtection", summary = "Extend an approved registration's protection, once",
            description = "Adds the program's extension to a protection that still runs; a second request is a 409. "
                    + "Needs If-Match. Roles: partner-admin, partner-user (their own), prm-admin, channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "Extended")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response extend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.extendProtection(id, ifMatch));
    }

    @POST
    @Path("{id}/win")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "winDealRegistration", summary = "Record an approved deal as won (→ WON)",
            description = "With the close date and optionally the final amount in the registration's currency (another "
                    + "currency is a 422). Needs If-Match. Roles: partner-admin, partner-user (their own), prm-admin, "
                    + "channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "WON")
    @APIResponse(responseCode = "422", description = "Final amount in another currency", content = @Content(mediaType = PROBLEM))
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response win(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DealActionRequests.Win body) {
        return ok(service.win(id, ifMatch, body));
    }

    @POST
    @Path("{id}/lose")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "loseDealRegistration", summary = "Record an approved deal as lost (→ LOST)",
            description = "Optionally with the reason and the date. Needs If-Match. Roles: partner-admin, partner-user "
                    + "(their own), prm-admin, channel-manager.")
    @APIResponseSchema(value = DealRegistrationResponse.class, responseCode = "200", responseDescription = "LOST")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response lose(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, description = "Optional", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DealActionRequests.Lose.class)))
            @Valid DealActionRequests.Lose body) {
        return ok(service.lose(id, ifMatch, body));
    }

    private Response ok(DealRegistration d) {
        return Response.ok(DealRegistrationResponse.of(d, conflicts(service.conflictsOf(d)))).tag(ETags.tag(d.version)).build();
    }

    private List<ConflictResponse> conflicts(List<ChannelConflicts.Conflict> found) {
        boolean vendorSide = caller.isVendorSide();
        return found.stream().map(c -> ConflictResponse.of(c, vendorSide)).toList();
    }

    static Set<DealState> states(List<String> values) {
        Set<DealState> states = EnumSet.noneOf(DealState.class);
        if (values == null) {
            return states;
        }
        for (String value : values) {
            for (String one : value.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    states.add(DealState.valueOf(one.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw Problems.invalidField("state", "'" + one.strip() + "' is not one of " + List.of(DealState.values()));
                }
            }
        }
        return states;
    }

    /** For the document: a page of registrations. */
    @Schema(name = "DealRegistrationPage", examples = "{\"items\": [], \"nextCursor\": null}")
    public record DealRegistrationPage(@Schema(required = true) List<DealRegistrationResponse> items,
            @Schema(nullable = true) String nextCursor) {
    }
}
