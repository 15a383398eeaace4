package io.consort.campaign.mdf;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.consort.campaign.support.ApiErrors;
import io.consort.chassis.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/mdf/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MDF budgets", description = "Market development funds per partner and period, kept as a ledger")
public class MdfBudgetResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    MdfService service;

    @Inject
    MdfLedger ledger;

    @POST
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMdfBudget", summary = "Open a partner's budget for a period",
            description = "In the currency of its first allocation; one budget per partner and period. Roles: prm-admin, "
                    + "channel-manager.")
    @APIResponseSchema(value = MdfResponses.Budget.class, responseCode = "201", responseDescription = "Opened; Location and ETag")
    @APIResponse(responseCode = "409", description = "The partner has a budget for this period", content = @Content(mediaType = PROBLEM))
    public Response create(@Valid @NotNull MdfRequests.Budget body, @Context UriInfo uri) {
        MdfBudget b = service.openBudget(body);
        return Response.created(uri.getBaseUriBuilder().path(MdfBudgetResource.class).path(b.id.toString()).build())
                .tag(ETags.tag(b.version)).entity(MdfResponses.Budget.of(b, ledger.balances(b))).build();
    }

    @GET
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "listMdfBudgets", summary = "List budgets with their balances",
            description = "Each with allocated, committed, claimed, paid and available, derived from the ledger. "
                    + "Partner-side callers see their own partner's (a partner-admin also its child partners'). Roles: every role.")
    @APIResponseSchema(value = MdfResponses.BudgetPage.class, responseCode = "200", responseDescription = "A page")
    public Page<MdfResponses.Budget> list(@BeanParam PageRequest page,
            @Parameter(description = "Only this partner's budgets", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("partnerId") UUID partnerId,
            @Parameter(description = "Only this period (2027 or 2027-Q1)") @QueryParam("period") String period) {
        Page<MdfBudget> budgets = service.budgets(page, partnerId, period);
        Map<UUID, Balances> balances = ledger.balances(budgets.items());
        return budgets.map(b -> MdfResponses.Budget.of(b, balances.get(b.id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "getMdfBudget", summary = "Read a budget with its balances",
            description = "Roles: every role; partner-side callers only their own partner's (404 otherwise).")
    @APIResponseSchema(value = MdfResponses.Budget.class, responseCode = "200", responseDescription = "The budget; ETag its version")
    public Response get(@PathParam("id") UUID id) {
        MdfBudget b = service.budget(id);
        return Response.ok(MdfResponses.Budget.of(b, ledger.balances(b))).tag(ETags.tag(b.version)).build();
    }

    @POST
    @Path("{id}/allocations")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "allocateMdfBudget", summary = "Raise or lower a budget's allocation",
            description = "A ledger entry; lowering below what is committed is a 422 naming what is available. Needs "
                    + "If-Match. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.Budget.class, responseCode = "200", responseDescription = "The budget after it")
    @APIResponse(responseCode = "422", description = "Would take back committed funds, or another currency", content = @Content(mediaType = PROBLEM))
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response allocate(@PathParam("id") UUID id,
            @Parameter(description = "The budget's current ETag", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MdfRequests.Allocation body) {
        MdfBudget b = service.allocate(id, ifMatch, body);
        return Response.ok(MdfResponses.Budget.of(b, ledger.balances(b))).tag(ETags.tag(b.version)).build();
    }

    @GET
    @Path("{id}/statement")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "getMdfBudgetStatement", summary = "A budget's statement: every ledger entry with the "
            + "balance after it", description = "The balances are recomputed from the entries. Roles: every role; "
            + "partner-side callers only their own partner's (404 otherwise).")
    @APIResponseSchema(value = MdfResponses.Statement.class, responseCode = "200", responseDescription = "The statement")
    public Response statement(@PathParam("id") UUID id) {
        MdfBudget b = service.budget(id);
        Balances running = Balances.zero(b.currency);
        List<MdfResponses.StatementLine> lines = new ArrayList<>();
        for (MdfLedgerEntry e : ledger.entries(b.id)) {
            running = running.apply(e.kind, e.money());
            lines.add(new MdfResponses.StatementLine(e.seq, e.kind, e.money(), e.requestId, e.claimId, e.note, e.actor,
                    e.occurredAt, running.available()));
        }
        return Response.ok(new MdfResponses.Statement(MdfResponses.Budget.of(b, running), lines)).tag(ETags.tag(b.version)).build();
    }
}
