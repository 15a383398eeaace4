package io.consort.deploy.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The custom resources no Java model on Maven Central covers (CloudNativePG's, the Keycloak operator's),
 * checked against the schemas in deploy/k8s/schemas ({@code <group>_<version>_<Kind>.json}, unknown fields
 * refused); and the realm a KeycloakRealmImport carries, against Keycloak's own RealmRepresentation.
 */
final class OperatorSchemas {

    static final Path DIR = Repository.path("deploy/k8s/schemas");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectMapper REALM = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private OperatorSchemas() {
    }

    static Path file(String apiVersion, String kind) {
        return DIR.resolve(apiVersion.replace('/', '_') + "_" + kind + ".json");
    }

    static List<String> validate(JsonNode object) {
        List<String> problems = new ArrayList<>();
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        Path file = file(apiVersion, kind);
        if (!Files.isRegularFile(file)) {
            problems.add(Rendered.id(object) + ": no model or schema for " + apiVersion + " " + kind
                    + " (deploy/k8s/schemas/" + file.getFileName() + ")");
            return problems;
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(file.toString(), f -> {
            try {
                return FACTORY.getSchema(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        schema.validate(object).forEach(m -> problems.add(Rendered.id(object) + ": " + m.getMessage()));
        if (kind.equals("KeycloakRealmImport") && object.path("spec").path("realm").isObject()) {
            problems.addAll(realm(Rendered.id(object), object.path("spec").path("realm")));
        }
        return problems;
    }

    /**
     * The realm as Keycloak reads it: parsed into RealmRepresentation and written back, every field of the
     * input must come back (one that does not is unknown to Keycloak and would be dropped) and parse.
     */
    static List<String> realm(String id, JsonNode realm) {
        List<String> problems = new ArrayList<>();
        try {
            JsonNode back = REALM.valueToTree(REALM.treeToValue(realm, RealmRepresentation.class));
            lost(realm, back, "spec.realm", id, problems);
        } catch (Exception e) {
            String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? " at " + mapping.getPathReference() : "";
            problems.add(id + ": spec.realm is no RealmRepresentation" + where + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return problems;
    }

    private static void lost(JsonNode in, JsonNode out, String path, String id, List<String> problems) {
        if (in.isObject()) {
            in.properties().forEach(field -> {
                if (!out.has(field.getKey())) {
                    problems.add(id + ": " + path + "." + field.getKey() + " is no field Keycloak knows there");
                } else {
                    lost(field.getValue(), out.get(field.getKey()), path + "." + field.getKey(), id, problems);
                }
            });
        } else if (in.isArray()) {
            for (int i = 0; i < in.size() && i < out.size(); i++) {
                lost(in.get(i), out.get(i), path + "[" + i + "]", id, problems);
            }
        }
    }
}
