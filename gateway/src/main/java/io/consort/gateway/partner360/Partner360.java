package io.consort.gateway.partner360;

import io.consort.contracts.ProblemType;
import io.consort.gateway.proxy.CircuitBreaker;
import io.consort.gateway.proxy.EventLoopClients;
import io.consort.gateway.proxy.Headers;
import io.consort.gateway.proxy.ProblemResponses;
import io.consort.gateway.routing.Route;
import io.consort.gateway.routing.RoutingTable;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/partners/{id}/360}: one partner's profile, scorecard (tier and score), open leads, open deal
 * registrations, MDF budgets and community membership, gathered from the services in parallel with the caller's
 * own token, so each service applies its own scope (a partner-side caller sees only its own partner). Each
 * section that does not come within the deadline, or whose service fails or whose circuit is open, is marked
 * {@code unavailable} with the reason; the rest still answer. The profile decides visibility: if recruitment
 * says 404 (or 401/403) for this caller, so does the 360.
 */
public final class Partner360 {

    private static final Logger LOG = Logger.getLogger(Partner360.class);
    private static final Pattern PATH = Pattern.compile("/api/v1/partners/([^/]+)/360");
    /** The path the gateway answers, as the merged API document shows it. */
    public static final String TEMPLATE = "/api/v1/partners/{partnerId}/360";

    /**
     * One section: a GET of one service's own API, {@code {partnerId}} standing for the partner's id. The merged API
     * document types each section's data with the answer that operation documents.
     */
    public record Source(String section, String path, String query, String description) {

        String uri(String partnerId) {
            String p = path.replace("{partnerId}", partnerId);
            return query == null ? p : p + "?" + query.replace("{partnerId}", partnerId);
        }
    }

    public static final List<Source> SOURCES = List.of(
            new Source("profile", "/api/v1/partners/{partnerId}", null, "The partner's profile (recruitment)."),
            new Source("scorecard", "/api/v1/scorecards/{partnerId}", null, "The partner's tier and score (performance); null when it has no scorecard yet."),
            new Source("openLeads", "/api/v1/leads", "partnerId={partnerId}&state=OFFERED,ACCEPTED&limit=50",
                    "The partner's open leads, offered or accepted, the first 50 (campaign)."),
            new Source("openDeals", "/api/v1/deal-registrations", "partnerId={partnerId}&state=SUBMITTED,IN_REVIEW,ACTION_REQUIRED,APPROVED&limit=50",
                    "The partner's open deal registrations, the first 50 (campaign)."),
            new Source("mdfBudgets", "/api/v1/mdf/budgets", "partnerId={partnerId}", "The partner's MDF budgets (campaign)."),
            new Source("community", "/api/v1/members/{partnerId}", null,
                    "The partner's community membership (community); null when it is not a member."));

    private record Section(String name, String path) {
    }

    private final RoutingTable table;
    private final Map<String, CircuitBreaker> breakers;
    private final EventLoopClients clients;
    private final long deadlineMillis;
    private final long connectTimeoutMillis;

    public Partner360(RoutingTable table, Map<String, CircuitBreaker> breakers, EventLoopClients clients, long deadlineMillis,
            long connectTimeoutMillis) {
        this.table = table;
        this.breakers = breakers;
        this.clients = clients;
        this.deadlineMillis = deadlineMillis;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** The partner id if this is a 360 request, else empty. */
    public static Optional<String> partnerId(HttpMethod method, String path) {
        if (method != HttpMethod.GET || !path.endsWith("/360")) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public void handle(RoutingContext ctx, String partnerId, String requestId) {
        try {
            UUID.fromString(partnerId);
        } catch (IllegalArgumentException e) {
            ProblemResponses.send(ctx, ProblemType.NOT_FOUND, "No partner " + partnerId + ".", 0, requestId);
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        List<Section> sections = SOURCES.stream().map(source -> new Section(source.section(), source.uri(partnerId))).toList();
        Vertx vertx = ctx.vertx();
        long started = System.nanoTime();
        List<Future<Outcome>> calls = sections.stream().map(s -> fetch(vertx, s, authorization, requestId)).toList();
        Future.join(calls).onComplete(ignored -> {
            if (ctx.response().closed()) {
                return;
            }
            Outcome profile = calls.get(0).result();
            if (profile.status() == 404 || profile.status() == 401 || profile.status() == 403) {
                // Not this caller's partner (or no valid caller): the 360 says what the profile says.
                ProblemType type = ProblemType.forStatus(profile.status());
                ProblemResponses.send(ctx, type, profile.status() == 404 ? "No partner " + partnerId + " is visible to you."
                        : "The partner's profile is not open to this caller.", 0, requestId);
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("partnerId", partnerId);
            body.put("generatedAt", Instant.now().toString());
            Map<String, Object> parts = new LinkedHashMap<>();
            boolean complete = true;
            for (int i = 0; i < sections.size(); i++) {
                Outcome outcome = calls.get(i).result();
                complete &= outcome.available();
                parts.put(sections.get(i).name(), outcome.json());
            }
            body.put("complete", complete);
            body.put("sections", parts);
            LOG.debugf("request %s: 360 of %s in %d ms, complete=%s", requestId, partnerId, (System.nanoTime() - started) / 1_000_000,
                    complete);
            ctx.response().setStatusCode(200)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(Json.encodeToBuffer(body));
        });
    }

    /** One section's result: the upstream's status (0 if none) and the JSON the 360 shows for it. */
    record Outcome(int status, boolean available, Map<String, Object> json) {

        static Outcome available(int status, Object data) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", "available");
            json.put("data", data);
            return new Outcome(status, true, json);
        }

        static Outcome unavailable(int status, String reason) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", "unavailable");
            json.put("reason", reason);
            return new Outcome(status, false, json);
        }
    }

    private Future<Outcome> fetch(Vertx vertx, Section section, String authorization, String requestId) {
        String pathOnly = section.path().contains("?") ? section.path().substring(0, section.path().indexOf('?')) : section.path();
        Optional<Route> route = table.match(pathOnly);
        if (route.isEmpty()) {
            return Future.succeededFuture(Outcome.unavailable(0, "No service serves " + pathOnly + "."));
        }
        String name = route.get().upstream().name();
        CircuitBreaker breaker = breakers.get(name);
        if (!breaker.tryAcquire()) {
            return Future.succeededFuture(Outcome.unavailable(0, "The " + name + " service is failing; calls to it are suspended for a moment."));
        }
        Promise<Outcome> result = Promise.promise();
        AtomicBoolean verdict = new AtomicBoolean();
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long started = System.nanoTime();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Accept", "application/json")
                .add(Headers.REQUEST_ID, requestId);
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        long timer = vertx.setTimer(deadlineMillis, t -> {
            if (result.tryComplete(Outcome.unavailable(0, "The " + name + " service did not answer within " + deadlineMillis + " ms."))) {
                if (verdict.compareAndSet(false, true)) {
                    breaker.onFailure("timeout", System.nanoTime() - started);
                }
                if (sent[0] != null) {
                    sent[0].reset();
                }
            }
        });
        clients.current().request(new RequestOptions().setMethod(HttpMethod.GET).setHost(route.get().upstream().host())
                        .setPort(route.get().upstream().port()).setSsl(route.get().upstream().ssl()).setURI(section.path())
                        .setConnectTimeout(connectTimeoutMillis).setHeaders(headers))
                .compose(req -> {
                    sent[0] = req;
                    return req.send();
                })
                .compose(res -> res.body().map(body -> new Object[] {res.statusCode(), body}))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.failed()) {
                        if (verdict.compareAndSet(false, true)) {
                            breaker.onFailure("refused", System.nanoTime() - started);
                        }
                        result.tryComplete(Outcome.unavailable(0, "The " + name + " service cannot be reached."));
                        return;
                    }
                    int status = (Integer) ar.result()[0];
                    if (verdict.compareAndSet(false, true)) {
                        breaker.onAnswer(status, System.nanoTime() - started);
                    }
                    result.tryComplete(outcome(name, status, (Buffer) ar.result()[1]));
                });
        return result.future();
    }

    private static Outcome outcome(String service, int status, Buffer body) {
        if (status == 200) {
            try {
                return Outcome.available(status, Json.decodeValue(body));
            } catch (RuntimeException e) {
                return Outcome.unavailable(status, "The " + service + " service answered something that is not JSON.");
            }
        }
        if (status == 404) {
            // Nothing there for this partner (no scorecard yet, not a community member): known, and empty.
            return Outcome.available(status, null);
        }
        String detail = null;
        try {
            Object problem = Json.decodeValue(body);
            if (problem instanceof JsonObject json) {
                detail = json.getString("detail");
            }
        } catch (RuntimeException e) {
            // No problem document: the status says enough.
        }
        return Outcome.unavailable(status, "The " + service + " service answered " + status + (detail == null ? "." : ": " + detail));
    }
}
