package io.consort.recruitment.recommendation;

import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.Roles;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.program.ProgramService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner-fit recommendations: the prospects that best fit a program's ideal partner profile. */
@Path("/api/v1/programs/{id}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Prospects ranked by their fit with a program's ideal profile")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
public class RecommendationResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    @Inject
    ProgramService programs;

    @Inject
    ProspectProjection projection;

    @GET
    @Extension(name = ApiDocs.ERRORS, value = "422")
    @Operation(operationId = "recommendProspects", summary = "Rank prospects by fit with a program's ideal profile",
            description = "Rank prospects by their fit with the program's ideal profile (0–100), best first, "
            + "with each criterion's points and why")
    public RecommendationResponse recommend(@PathParam("id") UUID id,
            @Parameter(description = "How many prospects to rank", schema = @Schema(type = SchemaType.INTEGER,
            format = "int32", minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("limit") String limit) {
        int n = limit(limit);
        Program program = programs.get(id);
        if (program.idealProfile() == null) {
            throw Problems.unprocessable("program " + id + " has no ideal profile to score prospects against");
        }
        ProspectIndex index = projection.current();
        return RecommendationResponse.of(program.id(), program.version(), index.size(),
                FitScorer.of(program.idealProfile(), index).top(n));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
