package io.consort.chassis.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.problem.ProblemException;
import io.consort.chassis.problem.ProblemMappers;
import io.consort.chassis.problem.ProblemResponses;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.contracts.ProblemType;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Honours {@code Idempotency-Key} on every JSON POST.
 *
 * <p>Why one transaction spans the filter pair: the request filter first commits a PENDING row on its
 * own (so a concurrent duplicate sees it at once and gets 409), then begins a JTA transaction that the
 * endpoint's {@code @Transactional} joins; the response filter writes the answer into the row in that
 * same transaction and commits. The answer is therefore stored if and only if the endpoint's effect
 * commits: no window where the effect exists but a retry would run it again, and no stored answer for
 * an effect that rolled back. If the endpoint failed (rollback-only, 5xx) the claim is released and a
 * retry runs afresh, which is safe because nothing was committed. A PENDING row left by a crash is
 * taken over after {@code consort.idempotency.pending-timeout}; see {@link IdempotencyStore#takeOver}.
 *
 * <p>Limits: only blocking endpoints (the transaction is bound to the worker thread, and request
 * filter, endpoint and response filter all run on it); endpoints returning {@code Uni}, {@code Multi}
 * or {@code CompletionStage} and non-JSON bodies are passed through without deduplication; streamed
 * NDJSON bulk uploads deduplicate themselves with {@link BulkIdempotency}. Keys are scoped per caller
 * ({@link CallerScope#origin()}).
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.CONTENT_LOCATION, HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL);
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);

    @Inject
    IdempotencyConfig config;

    @Inject
    IdempotencyStore store;

    @Inject
    CallerScope caller;

    @Inject
    TransactionManager transactions;

    @Inject
    ObjectMapper mapper;

    private record Owned(String origin, String key, UUID token) {
    }

    // Runs late (after other filters may have aborted). Not readBody=true: that would make RESTEasy buffer
    // the body of every request, streamed NDJSON uploads included; only keyed POSTs are read here.
    @ServerRequestFilter(priority = Priorities.USER + 1000)
    public Response onRequest(ContainerRequestContext request, ResourceInfo resource, UriInfo uri) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !config.enabled()) {
            return null;
        }
        String path = ProblemMappers.path(uri);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            return ProblemResponses.of(Problems.invalidField(HEADER, "must be 1 to 255 visible ASCII characters"), path);
        }
        if (!supported(request, resource)) {
            return null;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String target = target(uri);
        String origin = caller.origin();

        Claim claim;
        try {
            claim = store.claim(origin, key, "POST", target, BodyHash.sha256Hex(body))
                    .orRefuse("A request with this Idempotency-Key is still being processed");
        } catch (ProblemException refused) {
            return ProblemResponses.of(refused, path);
        }
        if (claim instanceof Claim.Replay replay) {
            return replay(replay.response());
        }
        UUID token = ((Claim.Owned) claim).token();
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                // Never expected; joining a foreign transaction would tie our commit to someone else's.
                throw new IllegalStateException("a transaction is already active before the endpoint");
            }
            transactions.setTransactionTimeout((int) Math.max(1, config.transactionTimeout().toSeconds()));
            transactions.begin();
        } catch (Exception e) {
            store.release(origin, key, token);
            throw new IllegalStateException("cannot begin the idempotent request's transaction", e);
        } finally {
            resetTimeout();
        }
        request.setProperty(CLAIM, new Owned(origin, key, token));
        return null;
    }

    @ServerResponseFilter(priority = Priorities.USER + 1000)
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response, UriInfo uri) {
        Object property = request.getProperty(CLAIM);
        if (!(property instanceof Owned owned)) {
            return;
        }
        request.removeProperty(CLAIM);
        try {
            int txStatus = transactions.getStatus();
            if (txStatus != Status.STATUS_ACTIVE || !worthReplaying(response.getStatus())) {
                rollbackQuietly();
                store.release(owned.origin(), owned.key(), owned.token());
                return;
            }
            StoredResponse stored = capture(response);
            if (stored == null) {
                // Too big or not JSON: commit the effect, but forget the key rather than replay something else.
                transactions.commit();
                store.release(owned.origin(), owned.key(), owned.token());
                return;
            }
            if (!store.complete(owned.origin(), owned.key(), owned.token(), stored)) {
                // A retry took the key over after pending-timeout: it is the execution that counts.
                rollbackQuietly();
                replaceWith(response, ProblemResponses.of(new ProblemException(
                        ProblemType.REQUEST_IN_PROGRESS, ProblemType.REQUEST_IN_PROGRESS.title(),
                        "This request took too long and was superseded by a retry with the same Idempotency-Key",
                        null, Map.of()), ProblemMappers.path(uri)));
                return;
            }
            transactions.commit();
        } catch (Exception e) {
            // The commit flushes the endpoint's changes, so constraint and optimistic-lock failures land here.
            rollbackQuietly();
            releaseQuietly(owned);
            replaceWith(response, ProblemMappers.toResponse(e, uri, request.getHeaderString(ProblemMappers.REQUEST_ID_HEADER)));
        }
    }

    /** What a key is bound to besides its body: the raw path and query of the request. */
    static String target(UriInfo uri) {
        return uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
    }

    /**
     * Only a final answer is replayed. A state conflict, a rate limit or an unavailable dependency
     * says "not now", and a retry with the same key must get a fresh chance rather than the same
     * refusal forever.
     */
    static boolean worthReplaying(int status) {
        return status < 500 && status != 408 && status != 409 && status != 423 && status != 425 && status != 429;
    }

    private StoredResponse capture(ContainerResponseContext response) throws IOException {
        Map<String, String> replayed = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                replayed.put(name, value);
            }
        }
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        byte[] body;
        if (entity == null) {
            body = null;
        } else if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (entity instanceof String s) {
            body = s.getBytes(StandardCharsets.UTF_8);
        } else if (type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json")) {
            body = mapper.writeValueAsBytes(entity);
            if (type == null) {
                type = MediaType.APPLICATION_JSON_TYPE;
            }
        } else {
            return null;
        }
        if (body != null && body.length > config.maxStoredBodyBytes()) {
            return null;
        }
        String contentType = type == null ? null : type.toString();
        return new StoredResponse(response.getStatus(), replayed, contentType, body);
    }

    private static Response replay(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        stored.headers().forEach(builder::header);
        if (stored.body() != null) {
            builder.entity(stored.body());
            if (stored.contentType() != null) {
                builder.type(stored.contentType());
            }
        }
        return builder.build();
    }

    private static void replaceWith(ContainerResponseContext response, Response problem) {
        response.setStatus(problem.getStatus());
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().remove(HttpHeaders.ETAG);
        problem.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                response.getHeaders().put(name, List.copyOf(values));
            }
        });
        response.setEntity(problem.getEntity(), new Annotation[0], problem.getMediaType());
    }

    private boolean supported(ContainerRequestContext request, ResourceInfo resource) {
        MediaType type = request.getMediaType();
        if (request.hasEntity() && !bodyless(request) && type != null
                && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.getSubtype().endsWith("+json")) {
            return false;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            Class<?> returns = method.getReturnType();
            if (Uni.class.isAssignableFrom(returns) || Multi.class.isAssignableFrom(returns)
                    || CompletionStage.class.isAssignableFrom(returns)) {
                LOG.debugf("Idempotency-Key ignored on non-blocking endpoint %s", method);
                return false;
            }
        }
        return BlockingOperationControl.isBlockingAllowed();
    }

    /**
     * An action without a body (accept, open, reinstate…) is deduplicated like a JSON POST whatever
     * {@code Content-Type} the client put on its empty body (some send a form type on every POST).
     */
    static boolean bodyless(ContainerRequestContext request) {
        return "0".equals(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
    }

    private void resetTimeout() {
        try {
            transactions.setTransactionTimeout(0);
        } catch (Exception ignored) {
            // Only resets the thread's default; nothing to undo.
        }
    }

    private void rollbackQuietly() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (Exception e) {
            LOG.warn("Rolling back an idempotent request failed", e);
        }
        try {
            // A transaction the reaper already timed out may refuse rollback() yet stay bound to this pooled
            // worker thread, where the next request's @Transactional would join it: detach it in any case.
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.suspend();
            }
        } catch (Exception e) {
            LOG.warn("Detaching an idempotent request's transaction failed", e);
        }
    }

    private void releaseQuietly(Owned owned) {
        try {
            store.release(owned.origin(), owned.key(), owned.token());
        } catch (RuntimeException e) {
            LOG.warn("Releasing an idempotency key failed; it is taken over after the pending timeout", e);
        }
    }
}
