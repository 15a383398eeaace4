package io.consort.performance.board;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Cursor;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.performance.config.Settings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leaderboard", description = "Partners ranked by score, by program and region")
public class LeaderboardResource {

    static final String SETTINGS = "leaderboard";
    private static final LeaderboardView.Settings DEFAULT = new LeaderboardView.Settings(LeaderboardView.Visibility.ANONYMOUS);

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "listLeaderboard", summary = "List a program's leaderboard",
            description = "Partners of the program (optionally of one region) by score, best first, then tier; equal scores "
                    + "share a rank. Vendor roles (prm-admin, channel-manager, integrator) see every name; partner-admin and "
                    + "partner-user see only their own program, their own row named and the others as the vendor configures "
                    + "(names or anonymous ranks).")
    @APIResponse(responseCode = "200", description = "One page of the leaderboard")
    @APIResponse(responseCode = "400", description = "Missing programId, bad limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    @APIResponse(responseCode = "404", description = "A partner asking for another program's leaderboard")
    public Page<LeaderboardView> list(
            @Parameter(required = true, description = "The program ranked", schema = @Schema(type = SchemaType.STRING, format = "uuid", example = "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b"))
            @QueryParam("programId") UUID programId,
            @Parameter(description = "Only partners of this region", schema = @Schema(type = SchemaType.STRING, example = "EMEA")) @QueryParam("region") String region,
            @BeanParam PageRequest page) {
        if (programId == null) {
            throw Problems.invalidField("programId", "required");
        }
        Optional<UUID> own = caller.isVendorSide() ? Optional.empty() : caller.partnerId();
        boolean names = caller.isVendorSide()
                || settings.read(SETTINGS, LeaderboardView.Settings.class, DEFAULT).body().partnerVisibility()
                        == LeaderboardView.Visibility.NAMES;
        if (!caller.isVendorSide()) {
            UUID ownProgram = own.flatMap(this::programOf).orElseThrow(() -> Problems.notFound("leaderboard", programId));
            if (!ownProgram.equals(programId)) {
                throw Problems.notFound("leaderboard", programId);
            }
        }
        long offset = page.after().map(c -> c.createdAt().toEpochMilli()).orElse(0L);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select rank() over (order by score desc, tier_rank desc) as place, partner_id, partner_name, region, tier,
                    tier_rank, score
                from scorecard where program_id = ?1 and (cast(?2 as text) is null or region = cast(?2 as text))
                order by score desc, tier_rank desc, partner_id offset ?3 limit ?4""")
                .setParameter(1, programId).setParameter(2, region).setParameter(3, offset)
                .setParameter(4, page.limit() + 1).getResultList();
        List<LeaderboardView> items = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(rows.size(), page.limit()))) {
            int place = ((Number) r[0]).intValue();
            UUID partner = (UUID) r[1];
            boolean you = own.map(partner::equals).orElse(false);
            boolean shown = names || you;
            items.add(new LeaderboardView(place, shown ? partner : null,
                    shown && r[2] != null ? (String) r[2] : "Partner #" + place, (String) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), you));
        }
        String next = rows.size() > page.limit()
                ? new Cursor(Instant.ofEpochMilli(offset + page.limit()), programId).encode() : null;
        return new Page<>(items, next);
    }

    private Optional<UUID> programOf(UUID partnerId) {
        @SuppressWarnings("unchecked")
        List<UUID> programs = entityManager.createNativeQuery("select program_id from scorecard where partner_id = ?1")
                .setParameter(1, partnerId).getResultList();
        return programs.stream().findFirst();
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR})
    @Operation(operationId = "getLeaderboardSettings", summary = "Get how partners see leaderboards",
            description = "Whether partners see each other's names or anonymous ranks (default). Roles: prm-admin, channel-manager, integrator.")
    @APIResponse(responseCode = "200", description = "The settings; ETag is their version",
            content = @Content(schema = @Schema(implementation = LeaderboardView.Settings.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not vendor side")
    public Response getSettings() {
        Settings.Stored<LeaderboardView.Settings> s = settings.read(SETTINGS, LeaderboardView.Settings.class, DEFAULT);
        return Response.ok(s.body()).tag(ETags.tag(s.version())).build();
    }

    @PUT
    @Path("/settings")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER})
    @Transactional
    @Operation(operationId = "replaceLeaderboardSettings", summary = "Set how partners see leaderboards",
            description = "NAMES or ANONYMOUS. If-Match honoured. Roles: prm-admin, channel-manager.")
    @APIResponse(responseCode = "200", description = "The new settings",
            content = @Content(schema = @Schema(implementation = LeaderboardView.Settings.class)))
    @APIResponse(responseCode = "400", description = "Invalid settings")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not prm-admin or channel-manager")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response replaceSettings(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LeaderboardView.Settings body) {
        long version = settings.write(SETTINGS, body, ifMatch, caller.origin(), clock.instant());
        return Response.ok(body).tag(ETags.tag(version)).build();
    }
}
