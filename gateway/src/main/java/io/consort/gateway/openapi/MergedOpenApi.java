package io.consort.gateway.openapi;

import io.consort.gateway.routing.RoutingTable;
import io.consort.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /q/openapi} at the gateway: the services' own documents fetched at once and merged into one, so a
 * front end needs one typed client. Paths are those the gateway routes to each service (its admin paths and
 * {@code /q} are left out); components are merged by name, and a name two services define differently is
 * renamed after the later service in name order (recruitment's {@code Member} becomes {@code RecruitmentMember}) with every {@code $ref} in that
 * service's part rewritten; the services' security schemes become one OAuth2 authorization-code scheme on the
 * realm (the {@code consort-portal} client, PKCE), and operations the services mark public ({@code security: []})
 * stay public; the server is the gateway. A service that is down or serves no document leaves its paths out,
 * and the document says so ({@code info.description} and {@code x-consort-services}) instead of failing.
 */
public final class MergedOpenApi {

    static final String SCHEME = "keycloak";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final RoutingTable table;
    private final HttpClient client;
    private final String issuer;
    private final long timeoutMillis;

    public MergedOpenApi(RoutingTable table, HttpClient client, String issuer, long timeoutMillis) {
        this.table = table;
        this.client = client;
        this.issuer = issuer;
        this.timeoutMillis = timeoutMillis;
    }

    /** Fetches every service's document and merges what came; never fails for a missing service. */
    public Future<JsonObject> document(String serverUrl) {
        // In name order, so which of two clashing components keeps the plain name does not vary between calls.
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(table.upstreams().keySet()));
        List<Future<JsonObject>> fetched = names.stream().map(name -> fetch(table.upstreams().get(name))).toList();
        return Future.join(fetched).transform(ignored -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            Map<String, String> missing = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Future<JsonObject> f = fetched.get(i);
                if (f.succeeded()) {
                    documents.put(names.get(i), f.result());
                } else {
                    missing.put(names.get(i), f.cause().getMessage());
                }
            }
            return Future.succeededFuture(merge(documents, missing, serverUrl));
        });
    }

    private Future<JsonObject> fetch(Upstream upstream) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host()).setPort(upstream.port())
                        .setSsl(upstream.ssl()).setURI("/q/openapi?format=json").setTimeout(timeoutMillis)
                        .addHeader("Accept", "application/json"))
                .compose(req -> req.send())
                .recover(e -> Future.failedFuture("unreachable (" + e.getClass().getSimpleName() + ")"))
                .compose(res -> res.statusCode() == 200 ? res.body()
                        : Future.failedFuture("its document answered " + res.statusCode()))
                .compose(body -> {
                    try {
                        JsonObject doc = new JsonObject(body);
                        return doc.containsKey("openapi") && doc.containsKey("paths") ? Future.succeededFuture(doc)
                                : Future.failedFuture("it serves no OpenAPI document");
                    } catch (RuntimeException e) {
                        return Future.failedFuture("it serves no OpenAPI document");
                    }
                });
    }

    JsonObject merge(Map<String, JsonObject> documents, Map<String, String> missing, String serverUrl) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Set<String> tagNames = new java.util.HashSet<>();
        String version = "3.1.0";
        JsonObject services = new JsonObject();
        for (var entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonObject doc = entry.getValue().copy();
            version = doc.getString("openapi", version);
            Map<String, String> renames = mergeComponents(service, doc.getJsonObject("components", new JsonObject()), components);
            JsonObject own = doc.getJsonObject("paths", new JsonObject());
            int count = 0;
            for (String path : own.fieldNames()) {
                if (paths.containsKey(path) || !routedTo(service, path)) {
                    continue;
                }
                JsonObject item = (JsonObject) rewriteRefs(own.getJsonObject(path), renames);
                secure(item);
                paths.put(path, item);
                count++;
            }
            for (Object t : doc.getJsonArray("tags", new JsonArray())) {
                if (t instanceof JsonObject tag && tagNames.add(tag.getString("name"))) {
                    tags.add(tag);
                }
            }
            services.put(service, new JsonObject().put("status", "included").put("paths", count)
                    .put("version", doc.getJsonObject("info", new JsonObject()).getString("version")));
        }
        missing.forEach((service, reason) -> services.put(service, new JsonObject().put("status", "unavailable").put("reason", reason)));
        components.put("securitySchemes", new JsonObject().put(SCHEME, securityScheme()));
        StringBuilder description = new StringBuilder("Every Consort service's API through the gateway, in one document. "
                + "Sign in with the realm's login (Authorize, client consort-portal); operations marked without a lock need no token.");
        if (!missing.isEmpty()) {
            description.append("\n\nLeft out because their service gave no document just now: ");
            description.append(String.join("; ", missing.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
            description.append('.');
        }
        return new JsonObject()
                .put("openapi", version)
                .put("info", new JsonObject().put("title", "Consort PRM API").put("version", "v1").put("description", description.toString()))
                .put("servers", new JsonArray().add(new JsonObject().put("url", serverUrl).put("description", "the gateway")))
                .put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", components)
                .put("x-consort-services", services);
    }

    private boolean routedTo(String service, String path) {
        if (path.startsWith("/q/") || path.equals("/api/v1/admin") || path.startsWith("/api/v1/admin/")) {
            return false;
        }
        // Templated segments ({id}) match like any segment: the table matches on prefixes.
        return table.match(path).map(r -> r.upstream().name().equals(service)).orElse(false);
    }

    /**
     * Adds one service's components to the merged ones: the same name with the same content is kept once, the same
     * name with other content is renamed after the service. Returns this service's renames, as {@code $ref} targets.
     */
    private static Map<String, String> mergeComponents(String service, JsonObject theirs, JsonObject merged) {
        Map<String, String> renames = new HashMap<>();
        String prefix = service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
        // First decide every rename, then copy with the refs rewritten (a schema may refer to a renamed one).
        for (String kind : theirs.fieldNames()) {
            if (kind.equals("securitySchemes")) {
                continue;
            }
            JsonObject into = merged.getJsonObject(kind, new JsonObject());
            JsonObject items = theirs.getJsonObject(kind);
            for (String name : items.fieldNames()) {
                Object existing = into.getValue(name);
                if (existing != null && !existing.equals(items.getValue(name))) {
                    String renamed = prefix + name;
                    for (int n = 2; into.containsKey(renamed); n++) {
                        renamed = prefix + name + n;
                    }
                    renames.put("#/components/" + kind + "/" + name, "#/components/" + kind + "/" + renamed);
                }
            }
        }
        for (String kind : theirs.fieldNames()) {
            if (kind.equals("securitySchemes")) {
                continue;
            }
            JsonObject into = merged.getJsonObject(kind);
            if (into == null) {
                into = new JsonObject();
                merged.put(kind, into);
            }
            JsonObject items = theirs.getJsonObject(kind);
            for (String name : items.fieldNames()) {
                String target = renames.getOrDefault("#/components/" + kind + "/" + name, "#/components/" + kind + "/" + name);
                into.put(target.substring(target.lastIndexOf('/') + 1), rewriteRefs(items.getValue(name), renames));
            }
        }
        return renames;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof JsonObject object) {
            JsonObject out = new JsonObject();
            for (String key : object.fieldNames()) {
                Object value = object.getValue(key);
                out.put(key, key.equals("$ref") && value instanceof String ref ? renames.getOrDefault(ref, ref) : rewriteRefs(value, renames));
            }
            return out;
        }
        if (node instanceof JsonArray array) {
            JsonArray out = new JsonArray();
            array.forEach(v -> out.add(rewriteRefs(v, renames)));
            return out;
        }
        return node;
    }

    /** Each protected operation names the one scheme; a public one ({@code security: []}) stays public. */
    private static void secure(JsonObject pathItem) {
        for (String key : pathItem.fieldNames()) {
            if (METHODS.contains(key) && pathItem.getValue(key) instanceof JsonObject operation && operation.containsKey("security")) {
                JsonArray security = operation.getJsonArray("security");
                if (!security.isEmpty()) {
                    operation.put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())));
                }
            }
        }
    }

    private JsonObject securityScheme() {
        String base = issuer + "/protocol/openid-connect";
        return new JsonObject()
                .put("type", "oauth2")
                .put("description", "Realm prm's login (Keycloak), client consort-portal, authorization code with PKCE.")
                .put("flows", new JsonObject().put("authorizationCode", new JsonObject()
                        .put("authorizationUrl", base + "/auth")
                        .put("tokenUrl", base + "/token")
                        .put("refreshUrl", base + "/token")
                        .put("scopes", new JsonObject().put("openid", "sign in"))));
    }
}
