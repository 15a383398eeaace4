package io.consort.performance.rate;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.standing.Reevaluation;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange rates", description = "The vendor's rates table: amounts convert with the rate of their date")
public class ExchangeRateResource {

    @Inject
    PerformanceConfig config;

    @Inject
    CallerScope caller;

    @Inject
    Reevaluation reevaluation;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "listExchangeRates", summary = "List exchange rates",
            description = "The rates table, in the order rates were added, cursor-paged; ?currency= narrows it. Any Consort role.")
    @APIResponse(responseCode = "200", description = "One page of rates")
    @APIResponse(responseCode = "400", description = "Bad currency, limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    public Page<ExchangeRateView> list(@Parameter(description = "Only rates of this currency (ISO 4217)", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z]{3}$", example = "USD"))
            @QueryParam("currency") String currency, @BeanParam PageRequest page) {
        KeysetQuery<ExchangeRate> query = KeysetQuery.of(ExchangeRate.class);
        if (currency != null) {
            query = query.where("currency = :currency", Parameters.with("currency", currencyCode("currency", currency)));
        }
        return query.fetch(page, r -> r.createdAt, r -> r.id).map(r -> ExchangeRateView.of(r, config.currency()));
    }

    @GET
    @Path("/{currency}/{validFrom}")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "getExchangeRate", summary = "Get an exchange rate",
            description = "The rate of a currency from a day on. Any Consort role.")
    @APIResponse(responseCode = "200", description = "The rate; ETag is its version",
            content = @Content(schema = @Schema(implementation = ExchangeRateView.class)))
    @APIResponse(responseCode = "400", description = "Bad currency or date")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    @APIResponse(responseCode = "404", description = "No such rate")
    public Response get(@PathParam("currency") String currency, @PathParam("validFrom") String validFrom) {
        ExchangeRate rate = find(currencyCode("currency", currency), date(validFrom))
                .orElseThrow(() -> Problems.notFound("no " + currency + " rate from " + validFrom));
        return Response.ok(ExchangeRateView.of(rate, config.currency())).tag(ETags.tag(rate.version)).build();
    }

    @PUT
    @Path("/{currency}/{validFrom}")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER})
    @Transactional
    @Operation(operationId = "putExchangeRate", summary = "Set an exchange rate",
            description = "Sets how many units of the base currency one unit of the currency is worth from validFrom on "
                    + "(201 when new, 200 when replaced; If-Match honoured). Scores are recomputed from that day on. "
                    + "Roles: prm-admin, channel-manager.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = ExchangeRateView.class)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = ExchangeRateView.class)))
    @APIResponse(responseCode = "400", description = "Bad currency, date or rate; or the base currency itself")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not prm-admin or channel-manager")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response put(@PathParam("currency") String currency, @PathParam("validFrom") String validFrom,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ExchangeRateView.Request body,
            @Context UriInfo uri) {
        String code = currencyCode("currency", currency);
        if (code.equals(config.currency())) {
            throw Problems.invalidField("currency", "the base currency " + code + " has no rate");
        }
        LocalDate from = date(validFrom);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        ExchangeRate rate = find(code, from).orElse(null);
        boolean created = rate == null;
        if (created) {
            rate = new ExchangeRate();
            rate.id = UUID.randomUUID();
            rate.currency = code;
            rate.validFrom = from;
            rate.createdAt = now;
        } else {
            ETags.requireMatch(ifMatch, rate.version);
        }
        rate.rate = body.rate();
        rate.updatedAt = now;
        rate.updatedBy = caller.origin();
        rate.persistAndFlush();
        reevaluation.markAll(from);
        ExchangeRateView view = ExchangeRateView.of(rate, config.currency());
        Response.ResponseBuilder answer = created
                ? Response.created(uri.getAbsolutePath())
                : Response.ok();
        return answer.entity(view).tag(ETags.tag(rate.version)).build();
    }

    private static java.util.Optional<ExchangeRate> find(String currency, LocalDate validFrom) {
        return ExchangeRate.<ExchangeRate>find("currency = ?1 and validFrom = ?2", currency, validFrom).firstResultOptional();
    }

    private static String currencyCode(String field, String value) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw Problems.invalidField(field, "an ISO 4217 code of three upper-case letters");
        }
        return value;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("validFrom", "a date (YYYY-MM-DD)");
        }
    }
}
