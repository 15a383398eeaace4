package io.consort.gateway.openapi;

import io.consort.gateway.partner360.Partner360;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * The partner 360 in the merged document: the one operation the gateway answers itself. Each section's {@code data}
 * is typed with the answer the merged document gives for that section's source operation (recruitment's
 * {@code Partner}, performance's {@code Scorecard}, ...), so a generated client reads a 360 as typed as the calls it
 * stands for; a section whose service left no document (or no typed answer) is a plain object.
 */
final class Partner360Document {

    static final String TAG = "Partner 360";

    private Partner360Document() {
    }

    /** Adds the operation, its schemas and its tag, if the services' problem schema is there to answer errors with. */
    static void add(JsonObject paths, JsonObject components, Map<String, JsonObject> tags, Set<String> operationIds) {
        JsonObject schemas = components.getJsonObject("schemas");
        if (schemas == null || !schemas.containsKey("Problem") || paths.containsKey(Partner360.TEMPLATE)
                || !operationIds.add("getPartner360")) {
            return;
        }
        String prefix = schemas.containsKey("Partner360") ? "Gateway" : "";
        JsonObject sections = new JsonObject();
        JsonArray names = new JsonArray();
        for (Partner360.Source source : Partner360.SOURCES) {
            String name = prefix + "Partner360" + MergedOpenApi.pascal(source.section()) + "Section";
            schemas.put(name, section(source, answerOf(paths, source.path())));
            sections.put(source.section(), ref(name));
            names.add(source.section());
        }
        schemas.put(prefix + "Partner360Sections", new JsonObject().put("type", "object").put("required", names.copy())
                .put("description", "One entry per section, each gathered from its own service with the caller's token.")
                .put("properties", sections));
        schemas.put(prefix + "Partner360", new JsonObject().put("type", "object")
                .put("description", "One partner seen from every service at once.")
                .put("required", new JsonArray().add("partnerId").add("generatedAt").add("complete").add("sections"))
                .put("properties", new JsonObject()
                        .put("partnerId", new JsonObject().put("type", "string").put("format", "uuid"))
                        .put("generatedAt", new JsonObject().put("type", "string").put("format", "date-time"))
                        .put("complete", new JsonObject().put("type", "boolean")
                                .put("description", "true when every section is available"))
                        .put("sections", ref(prefix + "Partner360Sections"))));
        JsonObject responses = new JsonObject()
                .put("200", new JsonObject().put("description", "The 360; sections whose service did not answer in time are "
                                + "marked unavailable with the reason")
                        .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", ref(prefix + "Partner360")))));
        problem(responses, components, "401", "Unauthorized", "No valid token");
        problem(responses, components, "403", "Forbidden", "The caller may not read this partner's profile");
        problem(responses, components, "404", "NotFound", "No partner of this id that the caller may see (or the id is no UUID)");
        problem(responses, components, "429", "TooManyRequests", "The caller's rate limit is reached");
        problem(responses, components, "503", "ServiceUnavailable", "The realm's keys cannot be had to check the token");
        JsonObject operation = new JsonObject()
                .put("operationId", "getPartner360")
                .put("summary", "Read a partner's 360")
                .put("description", "The partner's profile, scorecard, open leads, open deal registrations, MDF budgets and "
                        + "community membership in one answer, gathered by the gateway from the services at once with the "
                        + "caller's own token, so each applies its own scope. A section whose service did not answer within "
                        + "the deadline (1 s), failed or is suspended is marked unavailable with the reason; the rest still "
                        + "answer. If the profile is not visible to the caller (404, 401, 403), neither is the 360.\n\n"
                        + "Roles: prm-admin, channel-manager, integrator, partner-admin, partner-user (each section shows what "
                        + "its service shows this caller; a partner-side caller only its own partner).")
                .put("tags", new JsonArray().add(TAG))
                .put("parameters", new JsonArray().add(new JsonObject().put("name", "partnerId").put("in", "path")
                        .put("required", true).put("schema", new JsonObject().put("type", "string").put("format", "uuid"))))
                .put("responses", responses)
                .put("security", new JsonArray().add(new JsonObject().put(MergedOpenApi.SCHEME, new JsonArray())));
        paths.put(Partner360.TEMPLATE, new JsonObject().put("get", operation));
        tags.putIfAbsent(TAG, new JsonObject().put("name", TAG)
                .put("description", "One partner seen from every service at once, answered by the gateway"));
    }

    private static JsonObject section(Partner360.Source source, JsonObject data) {
        JsonObject typed = data == null
                ? new JsonObject().put("type", "object").put("additionalProperties", true)
                : data;
        return new JsonObject().put("type", "object")
                .put("description", source.description() + " Gathered from GET " + source.path()
                        + (source.query() == null ? "" : "?" + source.query()) + ".")
                .put("required", new JsonArray().add("status"))
                .put("properties", new JsonObject()
                        .put("status", new JsonObject().put("type", "string").put("enum", new JsonArray().add("available").add("unavailable")))
                        .put("data", new JsonObject().put("description", "What the service answered, when available; null when it said 404")
                                .put("anyOf", new JsonArray().add(typed).add(new JsonObject().put("type", "null"))))
                        .put("reason", new JsonObject().put("type", "string").put("description", "Why the section is unavailable")));
    }

    /** The JSON schema of the 200 answer of GET {@code path} in the merged paths (parameter names aside), if typed. */
    private static JsonObject answerOf(JsonObject paths, String path) {
        String wanted = path.replaceAll("\\{[^}]*}", "{}");
        for (String candidate : paths.fieldNames()) {
            if (candidate.replaceAll("\\{[^}]*}", "{}").equals(wanted)
                    && paths.getJsonObject(candidate).getValue("get") instanceof JsonObject get
                    && get.getJsonObject("responses", new JsonObject()).getValue("200") instanceof JsonObject ok
                    && ok.getJsonObject("content", new JsonObject()).getValue("application/json") instanceof JsonObject json
                    && json.getValue("schema") instanceof JsonObject schema) {
                return schema.copy();
            }
        }
        return null;
    }

    private static void problem(JsonObject responses, JsonObject components, String status, String shared, String description) {
        if (components.getJsonObject("responses", new JsonObject()).containsKey(shared)) {
            responses.put(status, refTo("#/components/responses/" + shared));
        } else {
            responses.put(status, new JsonObject().put("description", description).put("content", new JsonObject()
                    .put("application/problem+json", new JsonObject().put("schema", ref("Problem")))));
        }
    }

    private static JsonObject ref(String schema) {
        return refTo("#/components/schemas/" + schema);
    }

    private static JsonObject refTo(String target) {
        return new JsonObject().put("$ref", target);
    }
}
