package io.consort.recruitment.training;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.recruitment.support.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Completions: attempts at modules and their verdicts. */
@Path("/api/v1/training/completions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training completions", description = "Scored attempts at training modules")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
public class CompletionResource {

    /** A completion is a record of an attempt and never changes: its one version. */
    static final long RECORDED = 0;

    @Inject
    CompletionService service;

    @Inject
    CallerScope caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = CompletionResponse.class, responseCode = "201",
            responseDescription = "The attempt was recorded")
    @Operation(operationId = "recordCompletion", summary = "Record a training attempt's score",
            description = "Record an attempt's score: passed when it reaches the module's passing score; a pass "
            + "earns the module's certification and completes the partner's onboarding task for the module")
    public Response record(@Valid @NotNull CompletionRequest body, @Context UriInfo uri) {
        CompletionService.Recorded recorded = service.record(body, caller.origin());
        return Response.created(uri.getBaseUriBuilder().path(CompletionResource.class)
                        .path(recorded.completion().id().toString()).build())
                .tag(ETags.tag(RECORDED))
                .entity(CompletionResponse.from(recorded.completion(), recorded.certification(), Timestamps.now()))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCompletion", summary = "Read a completion",
            description = "Read a completion; another partner's answers 404")
    public CompletionResponse get(@PathParam("id") UUID id) {
        CompletionService.Recorded recorded = service.get(id);
        return CompletionResponse.from(recorded.completion(), recorded.certification(), Timestamps.now());
    }
}
