package io.consort.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operators' CRD schemas kept in deploy/k8s/crds, as JSON Schemas that judge a custom resource the way
 * the API server does with {@code kubectl apply}'s strict field validation: unknown fields are errors
 * (unless the CRD preserves them), {@code x-kubernetes-int-or-string} takes either, {@code nullable} takes
 * null. CEL rules ({@code x-kubernetes-validations}) are not evaluated: no CEL engine here.
 */
final class CrdSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false).build();

    /** apiVersion + "/" + kind to its schema. */
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    CrdSchemas(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                for (JsonNode crd : Rendered.parse(Files.readString(file)).objects()) {
                    if (!crd.path("kind").asText().equals("CustomResourceDefinition")) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (!version.path("served").asBoolean()) {
                            continue;
                        }
                        ObjectNode schema = (ObjectNode) structural(version.path("schema").path("openAPIV3Schema").deepCopy());
                        // apiVersion and kind are the API server's, metadata is checked as ObjectMeta elsewhere.
                        ObjectNode properties = schema.with("properties");
                        properties.putObject("apiVersion").put("type", "string");
                        properties.putObject("kind").put("type", "string");
                        properties.remove("metadata");
                        if (schema.get("required") instanceof ArrayNode required) {
                            for (int i = required.size() - 1; i >= 0; i--) {
                                if (required.get(i).asText().equals("metadata")) {
                                    required.remove(i);
                                }
                            }
                        }
                        schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                                FACTORY.getSchema(schema, CONFIG));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<JsonSchema> schema(String apiVersion, String kind) {
        return Optional.ofNullable(schemas.get(apiVersion + "/" + kind));
    }

    /** Problems of one custom resource; empty when its CRD accepts it. */
    List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        JsonSchema schema = schemas.get(apiVersion + "/" + kind);
        List<String> problems = new ArrayList<>();
        if (schema == null) {
            problems.add(Rendered.id(object) + ": no CRD schema for " + apiVersion + " " + kind + " in deploy/k8s/crds");
            return problems;
        }
        // metadata is the API server's (checked against ObjectMeta with the built-in kinds' check).
        ObjectNode body = ((ObjectNode) object).deepCopy();
        body.remove("metadata");
        schema.validate(body).forEach(m -> problems.add(Rendered.id(object) + ": " + m.getMessage()));
        return problems;
    }

    private static JsonNode structural(JsonNode node) {
        if (node instanceof ObjectNode schema) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("properties")) {
                    field.getValue().fields().forEachRemaining(p -> structural(p.getValue()));
                } else if (field.getValue().isContainerNode() && !field.getKey().equals("enum")
                        && !field.getKey().equals("required") && !field.getKey().equals("default")
                        && !field.getKey().equals("example")) {
                    structural(field.getValue());
                }
            }
            boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (schema.has("properties") && !schema.has("additionalProperties") && !preserve) {
                schema.put("additionalProperties", false);
            }
            if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
                schema.remove("type");
                ArrayNode anyOf = schema.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
            if (schema.path("nullable").asBoolean(false) && schema.has("type")) {
                ArrayNode types = JsonNodeFactory.instance.arrayNode().add(schema.get("type")).add("null");
                schema.set("type", types);
            }
            List<String> extensions = new ArrayList<>();
            schema.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("x-kubernetes-") || name.equals("nullable")) {
                    extensions.add(name);
                }
            });
            schema.remove(extensions);
        } else if (node instanceof ArrayNode array) {
            array.forEach(CrdSchemas::structural);
        }
        return node;
    }
}
