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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The merge itself, over the documents that came (in the order given) and the services that gave none with why;
     * also what the build writes to {@code target/openapi} from the services' stored documents ({@link StoredDocument}).
     */
    public JsonObject merge(Map<String, JsonObject> documents, Map<String, String> missing, String serverUrl) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();
        String version = "3.1.0";
        JsonObject services = new JsonObject();
        for (var entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonObject doc = entry.getValue().copy();
            version = doc.getString("openapi", version);
            Map<String, String> renames = mergeComponents(service, doc.getJsonObject("components", new JsonObject()), components);
            Map<String, String> tagRenames = mergeTags(service, doc.getJsonArray("tags", new JsonArray()), tags);
            Map<String, String> idRenames = new LinkedHashMap<>();
            JsonObject own = doc.getJsonObject("paths", new JsonObject());
            int count = 0;
            for (String path : own.fieldNames()) {
                Optional<String> at = table.gatewayPath(service, path);
                if (at.isEmpty() || paths.containsKey(at.get())) {
                    continue;
                }
                JsonObject item = (JsonObject) rewriteRefs(own.getJsonObject(path), renames);
                for (String key : item.fieldNames()) {
                    if (METHODS.contains(key) && item.getValue(key) instanceof JsonObject operation) {
                        secure(operation);
                        retag(operation, tagRenames);
                        uniqueOperationId(operation, service, operationIds, idRenames);
                    }
                }
                paths.put(at.get(), item);
                count++;
            }
            JsonObject renamed = new JsonObject();
            renames.forEach((from, to) -> renamed.put(from, to));
            tagRenames.forEach((from, to) -> renamed.put("tag " + from, to));
            idRenames.forEach((from, to) -> renamed.put("operationId " + from, to));
            JsonObject status = new JsonObject().put("status", "included").put("paths", count)
                    .put("version", doc.getJsonObject("info", new JsonObject()).getString("version"));
            if (!renamed.isEmpty()) {
                status.put("renamed", renamed);
            }
            services.put(service, status);
        }
        missing.forEach((service, reason) -> services.put(service, new JsonObject().put("status", "unavailable").put("reason", reason)));
        Partner360Document.add(paths, components, tags, operationIds);
        components.put("securitySchemes", new JsonObject().put(SCHEME, securityScheme()));
        StringBuilder description = new StringBuilder("Every Consort service's API through the gateway, in one document. "
                + "Sign in with the realm's login (Authorize, client consort-portal); operations marked without a lock need no token. "
                + "Through the gateway any call may also be answered 401 (no valid token, checked at the edge), 429 (the caller's "
                + "rate limit, with `Retry-After` and `RateLimit-*` headers), 502, 503 (the service is down or its circuit is "
                + "open, with `Retry-After`) or 504 (the service did not answer in time), each as application/problem+json. "
                + "Names two services use for different things are told apart after the later service in name order "
                + "(`x-consort-services` lists every rename). A service's rebuild is at `/api/v1/admin/{service}/rebuild`.");
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
                .put("tags", new JsonArray(new ArrayList<>(tags.values())))
                .put("paths", paths)
                .put("components", components)
                .put("x-consort-services", services);
    }

    /**
     * Adds one service's components to the merged ones: a name whose content (its references followed) is the same as
     * the one already merged is kept once; the same name with other content is renamed after the service. Two
     * schemas alike in text but referring to differently renamed ones are different, so the renames are settled
     * first, until none changes. Returns this service's renames, as {@code $ref} targets.
     */
    private static Map<String, String> mergeComponents(String service, JsonObject theirs, JsonObject merged) {
        Map<String, String> renames = new HashMap<>();
        String prefix = pascal(service);
        boolean changed = true;
        // Each round can only move names further; the bound is for a document that refers to itself in circles.
        for (int round = 0; changed && round < 100; round++) {
            changed = false;
            Set<String> taken = new HashSet<>();
            for (String kind : theirs.fieldNames()) {
                if (kind.equals("securitySchemes")) {
                    continue;
                }
                JsonObject into = merged.getJsonObject(kind, new JsonObject());
                JsonObject items = theirs.getJsonObject(kind);
                for (String name : items.fieldNames()) {
                    String ref = "#/components/" + kind + "/" + name;
                    Object content = rewriteRefs(items.getValue(name), renames);
                    String target = renames.getOrDefault(ref, ref);
                    String targetName = target.substring(target.lastIndexOf('/') + 1);
                    if (fits(into, targetName, content) && taken.add(kind + "/" + targetName)) {
                        continue;
                    }
                    // Renamed, or renamed further: the first name after the service's that is free or holds the same.
                    String candidate = prefix + name;
                    for (int n = 2; !fits(into, candidate, content) || taken.contains(kind + "/" + candidate); n++) {
                        candidate = prefix + name + n;
                    }
                    taken.add(kind + "/" + candidate);
                    renames.put(ref, "#/components/" + kind + "/" + candidate);
                    changed = true;
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

    private static boolean fits(JsonObject into, String name, Object content) {
        Object existing = into.getValue(name);
        return existing == null || existing.equals(content);
    }

    /**
     * Adds one service's tags: a tag of the same name and description is one tag; the same name for something else
     * (community's and campaign's "Administration") becomes "Name (service)" for this service's operations.
     */
    private static Map<String, String> mergeTags(String service, JsonArray theirs, Map<String, JsonObject> merged) {
        Map<String, String> renames = new HashMap<>();
        for (Object t : theirs) {
            if (!(t instanceof JsonObject tag) || tag.getString("name") == null) {
                continue;
            }
            String name = tag.getString("name");
            JsonObject existing = merged.get(name);
            if (existing == null) {
                merged.put(name, tag);
            } else if (!existing.equals(tag)) {
                String renamed = name + " (" + service + ")";
                merged.put(renamed, tag.copy().put("name", renamed));
                renames.put(name, renamed);
            }
        }
        return renames;
    }

    private static void retag(JsonObject operation, Map<String, String> renames) {
        if (!renames.isEmpty() && operation.getValue("tags") instanceof JsonArray tags) {
            JsonArray out = new JsonArray();
            tags.forEach(t -> out.add(t instanceof String name ? renames.getOrDefault(name, name) : t));
            operation.put("tags", out);
        }
    }

    /**
     * An operationId another service already used gets the service's name after its verb ({@code listEnrolments}
     * becomes {@code listRecruitmentEnrolments}), so one generated client has one method per operation.
     */
    private static void uniqueOperationId(JsonObject operation, String service, Set<String> taken, Map<String, String> renames) {
        String id = operation.getString("operationId");
        if (id == null || taken.add(id)) {
            return;
        }
        int verb = 0;
        while (verb < id.length() && Character.isLowerCase(id.charAt(verb))) {
            verb++;
        }
        String base = id.substring(0, verb) + pascal(service) + id.substring(verb);
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + n;
        }
        operation.put("operationId", candidate);
        renames.put(id, candidate);
    }

    /** {@code recruitment} as {@code Recruitment}, {@code lead-scoring} as {@code LeadScoring}. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    static Object rewriteRefs(Object node, Map<String, String> renames) {
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

    /** A protected operation names the one scheme; a public one ({@code security: []}) stays public. */
    static void secure(JsonObject operation) {
        if (operation.getValue("security") instanceof JsonArray security && !security.isEmpty()) {
            operation.put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())));
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
