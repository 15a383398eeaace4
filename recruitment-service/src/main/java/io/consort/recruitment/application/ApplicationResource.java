package io.consort.recruitment.application;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.recruitment.support.PublicLimit;
import io.consort.recruitment.support.QueryParams;
import io.consort.recruitment.support.RateLimitedPerClient;
import jakarta.annotation.security.PermitAll;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Applications to join a partner program, and their review")
public class ApplicationResource {

    @Inject
    ApplicationService service;

    @Inject
    ApplicationVetting vetting;

    @Inject
    CallerScope caller;

    @POST
    @PermitAll
    @RateLimitedPerClient(PublicLimit.APPLICATIONS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply to a partner program (public, no token; rate limited per client address)")
    public Response submit(@Valid @NotNull ApplicationRequest body, @Context UriInfo uri) {
        ApplicationService.Submission submission = service.submit(body);
        Application application = submission.application();
        return Response.created(uri.getBaseUriBuilder().path(ApplicationResource.class)
                        .path(application.id().toString()).build())
                .tag(ETags.tag(application.version()))
                .entity(ApplicationReceipt.from(application, submission.withdrawToken()))
                .build();
    }

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(summary = "List applications, oldest first, one cursor page at a time, each with its vetting signals")
    public Page<ApplicationResponse> list(@BeanParam PageRequest page, @QueryParam("programId") String programId,
            @QueryParam("state") String state,
            @Parameter(description = "Only applications raising this vetting signal now",
                    schema = @Schema(implementation = VettingSignal.class)) @QueryParam("signal") String signal) {
        Page<Application> applications = service.list(page, QueryParams.uuid("programId", programId),
                QueryParams.enumValue("state", state, ApplicationState.class),
                QueryParams.enumValue("signal", signal, VettingSignal.class));
        Map<UUID, VettingSignals> signals = vetting.of(applications.items());
        return applications.map(a -> ApplicationResponse.from(a, signals.get(a.id())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(summary = "Read an application, with its vetting signals (free mail, domain mismatch, duplicates, "
            + "fit with the program's ideal profile)")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @Path("{id}/start-review")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(summary = "Start reviewing a SUBMITTED application (it becomes IN_REVIEW)")
    public Response startReview(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.startReview(id, ifMatch));
    }

    @POST
    @Path("{id}/request-info")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the applicant for information before deciding (IN_REVIEW becomes INFO_REQUESTED)")
    public Response requestInfo(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RequestInfoRequest body) {
        return ok(service.requestInfo(id, ifMatch, body.question(), caller.origin()));
    }

    @POST
    @Path("{id}/provide-info")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the reviewer's open question (INFO_REQUESTED becomes IN_REVIEW): the applicant "
            + "with its withdraw token, or a vendor-side user on the applicant's behalf")
    public Response provideInfo(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProvideInfoRequest body) {
        boolean onBehalf = actsForApplicant();
        Application application = service.provideInfo(id, ifMatch, body.answer(), body.withdrawToken(),
                onBehalf ? caller.origin() : null);
        return onBehalf ? ok(application) : receipt(application);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(summary = "Approve an application: creates the partner in ONBOARDING")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.approve(id, ifMatch, caller.origin()));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject an application, with the reason the applicant is told")
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RejectRequest body) {
        return ok(service.reject(id, ifMatch, body.reason(), caller.origin()));
    }

    @POST
    @Path("{id}/withdraw")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw an application before a decision: the applicant with its withdraw token, "
            + "or a vendor-side user on the applicant's behalf")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid WithdrawRequest body) {
        boolean onBehalf = actsForApplicant();
        Application application = service.withdraw(id, ifMatch, body == null ? null : body.withdrawToken(),
                onBehalf ? caller.origin() : null);
        return onBehalf ? ok(application) : receipt(application);
    }

    /** Reviewers act for an applicant without its token; any other caller must show the token. */
    private boolean actsForApplicant() {
        return caller.hasRole(Roles.PRM_ADMIN) || caller.hasRole(Roles.CHANNEL_MANAGER);
    }

    private Response ok(Application application) {
        return Response.ok(ApplicationResponse.from(application, vetting.of(application)))
                .tag(ETags.tag(application.version())).build();
    }

    /** What the applicant sees: its receipt, none of the reviewer's data. */
    private static Response receipt(Application application) {
        return Response.ok(ApplicationReceipt.from(application, null)).tag(ETags.tag(application.version())).build();
    }
}
