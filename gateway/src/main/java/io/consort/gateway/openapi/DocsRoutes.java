package io.consort.gateway.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's API documents: {@code /q/openapi} (the merged document) and {@code /q/swagger-ui} (Swagger UI
 * from its webjar, pointed at that document and at the realm's login with the {@code consort-portal} client,
 * authorization code with PKCE, so every call can be tried from a browser with a real token).
 */
public final class DocsRoutes {

    /** Keep in step with the org.webjars:swagger-ui version in the pom; DocsTest fails if it is not. */
    static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.32.8/";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "css", "text/css", "html", "text/html",
            "png", "image/png", "map", "application/json");

    private final MergedOpenApi merged;
    private final String clientId;
    private final Map<String, Buffer> files = new ConcurrentHashMap<>();

    public DocsRoutes(MergedOpenApi merged, String clientId) {
        this.merged = merged;
        this.clientId = clientId;
    }

    public void install(Router router, String root) {
        router.get(root + "/openapi").handler(this::document);
        // Vert.x Web matches this route with and without the trailing slash; the page's relative links need it.
        router.get(root + "/swagger-ui").handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                index(ctx, root);
            } else {
                ctx.redirect(root + "/swagger-ui/");
            }
        });
        router.get(root + "/swagger-ui/:file").handler(this::file);
    }

    private void document(RoutingContext ctx) {
        String host = ctx.request().getHeader("Host");
        String origin = (ctx.request().scheme() == null ? "http" : ctx.request().scheme()) + "://" + (host == null ? "127.0.0.1" : host);
        merged.document(origin).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(ar.result().encodePrettily());
        });
    }

    private void index(RoutingContext ctx, String root) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="UTF-8">
                  <title>Consort PRM API</title>
                  <link rel="stylesheet" href="swagger-ui.css">
                </head>
                <body>
                <div id="swagger-ui"></div>
                <script src="swagger-ui-bundle.js"></script>
                <script src="swagger-ui-standalone-preset.js"></script>
                <script>
                  const here = window.location.origin + "%1$s/swagger-ui/";
                  const ui = SwaggerUIBundle({
                    url: "%1$s/openapi",
                    dom_id: "#swagger-ui",
                    deepLinking: true,
                    persistAuthorization: true,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    layout: "StandaloneLayout",
                    oauth2RedirectUrl: here + "oauth2-redirect.html"
                  });
                  ui.initOAuth({ clientId: "%2$s", usePkceWithAuthorizationCodeGrant: true, scopes: "openid" });
                </script>
                </body>
                </html>
                """.formatted(root, clientId);
        ctx.response().putHeader("Content-Type", "text/html; charset=UTF-8").end(html);
    }

    private void file(RoutingContext ctx) {
        String name = ctx.pathParam("file");
        if (name == null || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            ctx.next();
            return;
        }
        Buffer content = files.computeIfAbsent(name, DocsRoutes::load);
        if (content.length() == 0) {
            ctx.next();
            return;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        ctx.response().putHeader("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"))
                .putHeader("Cache-Control", "public, max-age=3600")
                .end(content);
    }

    private static Buffer load(String name) {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(SWAGGER_UI + name)) {
            return in == null ? Buffer.buffer() : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            return Buffer.buffer();
        }
    }
}
