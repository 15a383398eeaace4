package io.consort.integration.delivery;

import io.consort.integration.address.TargetAddresses;
import io.consort.integration.address.TargetRefusedException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one signed delivery. The target's name is resolved and every address checked ({@link TargetAddresses})
 * on a small blocking pool, then the request goes over Vert.x's non-blocking client to the very address that
 * passed (the URL's host still names the server in {@code Host}, SNI and certificate checks). No redirect is
 * followed (it could lead anywhere); every call has a connect timeout and an overall deadline; at most
 * {@code response-limit} bytes of the answer are read, then the connection is dropped.
 */
@ApplicationScoped
public class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    static final String USER_AGENT = "Consort-Webhooks/1.0 (+https://www.standardwebhooks.com/)";

    @Inject
    Vertx vertx;

    @Inject
    TargetAddresses targets;

    @ConfigProperty(name = "consort.integration.delivery.connect-timeout")
    Duration connectTimeout;

    @ConfigProperty(name = "consort.integration.delivery.timeout")
    Duration timeout;

    @ConfigProperty(name = "consort.integration.delivery.response-limit")
    int responseLimit;

    @ConfigProperty(name = "consort.integration.delivery.max-in-flight")
    int maxInFlight;

    private HttpClient client;
    private ExecutorService resolvers;

    @PostConstruct
    void start() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                // Pools are per host and port, not per subscription: two subscriptions at one host share one, so
                // it must hold all this instance may have in flight, or a slow one would starve the other. The
                // claim query keeps each subscription to its own share.
                .setMaxPoolSize(maxInFlight)
                .setKeepAlive(true)
                .setIdleTimeout(30)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setTryUseCompression(false)
                .setMaxRedirects(0));
        AtomicInteger n = new AtomicInteger();
        resolvers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "webhook-resolver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        resolvers.shutdownNow();
        client.close();
    }

    /** Signs and sends; the answer (never an exception) completes the future within the deadline. */
    public CompletableFuture<Outcome> send(DeliveryQueue.Claimed delivery) {
        long started = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> targets.resolve(delivery.url()), resolvers)
                .thenCompose(resolved -> post(resolved, delivery, started))
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    String error = cause instanceof TargetRefusedException refused
                            ? "not sent: " + refused.getMessage()
                            : "not sent: " + cause;
                    return Outcome.noAnswer(elapsed(started), error);
                });
    }

    private CompletableFuture<Outcome> post(TargetAddresses.Resolved resolved, DeliveryQueue.Claimed delivery,
            long started) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        long timestamp = Instant.now().getEpochSecond();
        String messageId = delivery.eventId().toString();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(resolved.target().host())
                .setPort(resolved.target().port())
                .setSsl(resolved.target().tls())
                .setURI(resolved.target().pathAndQuery())
                .setServer(SocketAddress.inetSocketAddress(resolved.target().port(), resolved.address().getHostAddress()))
                .setConnectTimeout(connectTimeout.toMillis())
                .setFollowRedirects(false)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", USER_AGENT)
                .putHeader(StandardWebhooks.ID, messageId)
                .putHeader(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                .putHeader(StandardWebhooks.SIGNATURE,
                        StandardWebhooks.signature(delivery.secrets(), messageId, timestamp, delivery.body()));
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long deadline = vertx.setTimer(timeout.toMillis(), id -> {
            if (result.complete(Outcome.noAnswer(elapsed(started), "no answer within " + timeout.toMillis() + " ms"))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                    request.reset();
                }
            }
        });
        result.whenComplete((outcome, failure) -> vertx.cancelTimer(deadline));
        client.request(options)
                .onFailure(e -> result.complete(Outcome.noAnswer(elapsed(started), "could not connect: " + describe(e))))
                .onSuccess(request -> {
                    sent.set(request);
                    // A reset of our own (deadline, enough read) comes back here as a StreamResetException;
                    // handled, it no longer reaches Vert.x's unhandled-exception log as an ERROR per timeout.
                    request.exceptionHandler(e -> result.complete(
                            Outcome.noAnswer(elapsed(started), "failed: " + describe(e))));
                    if (result.isDone()) {
                        request.reset();
                        return;
                    }
                    request.send(Buffer.buffer(delivery.body().getBytes(StandardCharsets.UTF_8)))
                            .onFailure(e -> result.complete(Outcome.noAnswer(elapsed(started), "failed: " + describe(e))))
                            .onSuccess(response -> {
                                Buffer head = Buffer.buffer();
                                response.exceptionHandler(e -> result.complete(
                                        Outcome.answered(response.statusCode(), elapsed(started), head.toString())));
                                response.handler(chunk -> {
                                    int room = responseLimit - head.length();
                                    head.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                                    if (chunk.length() >= room && result.complete(
                                            Outcome.answered(response.statusCode(), elapsed(started), head.toString()))) {
                                        // Enough read: stop the rest rather than stream it in.
                                        request.reset();
                                    }
                                });
                                response.endHandler(v -> result.complete(
                                        Outcome.answered(response.statusCode(), elapsed(started), head.toString())));
                            });
                });
        return result;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static int elapsed(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }
}
