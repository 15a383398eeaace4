package io.consort.chassis.testhttp;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@Path("/test/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
public class WidgetResource {

    @Inject
    CallerScope caller;

    @POST
    @Transactional
    public Response create(@Valid WidgetRequest request) {
        caller.requirePartnerAccess(request.partnerId());
        Widget w = new Widget();
        w.id = UUID.randomUUID();
        w.partnerId = request.partnerId();
        w.name = request.name();
        w.code = request.code();
        w.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        w.persist();
        return Response.created(URI.create("/test/widgets/" + w.id)).tag(ETags.tag(w.version))
                .entity(WidgetDto.of(w)).build();
    }

    /** Creates the widget, then fails: nothing may stay behind, and a retry with the same key runs again. */
    @POST
    @Path("/then-fail")
    @Transactional
    public WidgetDto createThenFail(@Valid WidgetRequest request) {
        create(request);
        throw Problems.conflict("refused after writing");
    }

    @GET
    public Page<WidgetDto> list(@BeanParam PageRequest page, @QueryParam("name") String name) {
        KeysetQuery<Widget> query = KeysetQuery.of(Widget.class);
        if (name != null) {
            query.where("name = :name", java.util.Map.of("name", name));
        }
        return query.fetch(page, w -> w.createdAt, w -> w.id).map(WidgetDto::of);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        Widget w = Widget.findById(id);
        if (w == null) {
            throw Problems.notFound("widget", id);
        }
        return Response.ok(WidgetDto.of(w)).tag(ETags.tag(w.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    public Response rename(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid RenameRequest request) {
        Widget w = Widget.findById(id);
        if (w == null) {
            throw Problems.notFound("widget", id);
        }
        ETags.requireMatch(ifMatch, w.version);
        w.name = request.name();
        Widget.getEntityManager().flush();
        return Response.ok(WidgetDto.of(w)).tag(ETags.tag(w.version)).build();
    }

    public record RenameRequest(@jakarta.validation.constraints.NotBlank String name) {
    }
}
