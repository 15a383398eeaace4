package io.consort.recruitment.training;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import io.consort.chassis.paging.QueryParams;
import io.consort.recruitment.support.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Certifications partners' people earned; status ACTIVE or EXPIRED as of the answer. */
@Path("/api/v1/training/certifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certifications", description = "Certifications partners' people earned by passing training modules")
@RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
public class CertificationResource {

    @Inject
    CertificationService service;

    @GET
    @Operation(operationId = "listCertifications", summary = "List certifications",
            description = "List the certifications the caller may see, oldest first, filtered by partner, person, "
            + "module and status (ACTIVE or EXPIRED)")
    public Page<CertificationResponse> list(@BeanParam PageRequest page,
            @Parameter(description = "Only this partner's certifications", schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @QueryParam("partnerId") String partnerId,
            @Parameter(description = "Only this person's certifications (their user "
                    + "id)") @QueryParam("userId") String userId,
                    @Parameter(description = "Only certifications of this module",
                    schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("moduleId") String moduleId,
            @Parameter(description = "Only certifications in this status",
                    schema = @Schema(implementation = CertificationStatus.class)) @QueryParam("status") String status) {
        Instant now = Timestamps.now();
        return service.list(page, QueryParams.uuid("partnerId", partnerId), userId,
                QueryParams.uuid("moduleId", moduleId),
                QueryParams.enumValue("status", status, CertificationStatus.class), now)
                .map(c -> CertificationResponse.from(c, now));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCertification", summary = "Read a certification",
            description = "Read a certification; another partner's answers 404")
    public CertificationResponse get(@PathParam("id") UUID id) {
        return CertificationResponse.from(service.get(id), Timestamps.now());
    }
}
