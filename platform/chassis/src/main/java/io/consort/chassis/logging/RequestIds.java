package io.consort.chassis.logging;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * One id per HTTP request, {@code requestId}: the gateway's {@code X-Request-Id} when it sent a usable one,
 * else a fresh UUID. It is put in the logging MDC before any other handler runs, so every log line of the
 * request carries it (Quarkus keeps the MDC on the request's Vert.x context, which the worker thread of a
 * blocking endpoint shares), answered back as {@code X-Request-Id}, and written into every problem body
 * ({@code ProblemResponses}) under the same name the gateway uses.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key, the problem field and the JSON log field. */
    public static final String KEY = "requestId";

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void install(@Observes Router router) {
        // Before every other route of the application router (the head and body-size checks included).
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 10).handler(this::assign);
    }

    private void assign(RoutingContext ctx) {
        String id = accept(ctx.request().getHeader(HEADER));
        ctx.put(KEY, id);
        MDC.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.addEndHandler(done -> MDC.remove(KEY));
        ctx.next();
    }

    /** The caller's id when it is one we can log and echo safely, else a new one. */
    public static String accept(String candidate) {
        return candidate != null && USABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(KEY);
        return id == null ? null : id.toString();
    }
}
