package io.consort.recruitment.application;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.recruitment.support.PublicLimit;
import io.consort.chassis.paging.QueryParams;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Applications to join a partner program, and their review")
public class ApplicationResource {

    /** The orders ?sort= offers. */
    static final Sort.Fields SORTS = Sort.fields("submittedAt", "updatedAt", "companyName");

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
    @SecurityRequirementsSet({})
    @APIResponseSchema(value = ApplicationReceipt.class, responseCode = "201",
            responseDescription = "The application was received; keep its withdrawToken")
    @APIResponse(responseCode = "429", description = "Too many applications from this address")
    @Operation(operationId = "submitApplication", summary = "Apply to a partner program",
            description = "Apply to a partner program (public, no token; rate limited per client address)")
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
    @Operation(operationId = "listApplications", summary = "List applications",
            description = "List applications, oldest first (or in the order sort asks), one cursor page at a time, "
            + "each with its vetting signals")
    public Page<ApplicationResponse> list(@BeanParam PageRequest page,
            @Parameter(name = Sort.PARAMETER, description = "Order of the list: a field, - in front for descending; "
                    + "ties by id in the same direction. A cursor continues only the order it was made for",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "submittedAt", "-submittedAt",
                    "updatedAt", "-updatedAt", "companyName", "-companyName" },
                    defaultValue = "submittedAt")) @QueryParam(Sort.PARAMETER) String sort,
                    @Parameter(description = "Only applications to this program",
                    schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("programId") String programId,
            @Parameter(description = "Only applications in this state",
                    schema = @Schema(implementation = ApplicationState.class)) @QueryParam("state") String state,
            @Parameter(description = "Only applications raising this vetting signal now",
                    schema = @Schema(implementation = VettingSignal.class)) @QueryParam("signal") String signal) {
        Page<Application> applications = service.list(page, SORTS.parse(sort), QueryParams.uuid("programId", programId),
                QueryParams.enumValue("state", state, ApplicationState.class),
                QueryParams.enumValue("signal", signal, VettingSignal.class));
        Map<UUID, VettingSignals> signals = vetting.of(applications.items());
        return applications.map(a -> ApplicationResponse.from(a, signals.get(a.id())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @APIResponseSchema(value = ApplicationResponse.class, responseCode = "200", responseDescription = "OK")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "getApplication", summary = "Read an application",
            description = "Read an application, with its vetting signals (free mail, domain mismatch, duplicates, "
            + "fit with the program's ideal profile)")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @Path("{id}/start-review")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @APIResponseSchema(value = ApplicationResponse.class, responseCode = "200",
            responseDescription = "The application, now IN_REVIEW")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "startApplicationReview", summary = "Start reviewing an application",
            description = "Start reviewing a SUBMITTED application (it becomes IN_REVIEW)")
    public Response startReview(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.startReview(id, ifMatch));
    }

    @POST
    @Path("{id}/request-info")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = ApplicationResponse.class, responseCode = "200",
            responseDescription = "The application, now INFO_REQUESTED")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "requestApplicationInfo", summary = "Ask the applicant for information",
            description = "Ask the applicant for information before deciding (IN_REVIEW becomes INFO_REQUESTED)")
    public Response requestInfo(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RequestInfoRequest body) {
        return ok(service.requestInfo(id, ifMatch, body.question(), caller.origin()));
    }

    @POST
    @Path("{id}/provide-info")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @APIResponse(responseCode = "200", description = "The application: the full one for a reviewer acting on the "
            + "applicant's behalf, the receipt for the applicant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = { ApplicationResponse.class, ApplicationReceipt.class })))
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "provideApplicationInfo", summary = "Answer the reviewer's question",
            description = "Answer the reviewer's open question (INFO_REQUESTED becomes IN_REVIEW): the applicant "
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
    @APIResponseSchema(value = ApplicationResponse.class, responseCode = "200",
            responseDescription = "The application, now APPROVED; the partner exists in ONBOARDING")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "approveApplication", summary = "Approve an application",
            description = "Approve an application: creates the partner in ONBOARDING")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.approve(id, ifMatch, caller.origin()));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = ApplicationResponse.class, responseCode = "200",
            responseDescription = "The application, now REJECTED")
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "rejectApplication", summary = "Reject an application",
            description = "Reject an application, with the reason the applicant is told")
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RejectRequest body) {
        return ok(service.reject(id, ifMatch, body.reason(), caller.origin()));
    }

    @POST
    @Path("{id}/withdraw")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @APIResponse(responseCode = "200", description = "The application: the full one for a reviewer acting on the "
            + "applicant's behalf, the receipt for the applicant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = { ApplicationResponse.class, ApplicationReceipt.class })))
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Operation(operationId = "withdrawApplication", summary = "Withdraw an application",
            description = "Withdraw an application before a decision: the applicant with its withdraw token, "
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
