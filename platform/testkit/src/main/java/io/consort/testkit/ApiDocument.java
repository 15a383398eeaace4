package io.consort.testkit;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The service's own OpenAPI document, for sweeps that must cover every operation, those added later
 * included: walk its operations and call one with its path filled in and its documented example body.
 */
public final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> document;

    private ApiDocument(Map<String, Object> document) {
        this.document = document;
    }

    /** One documented operation: {@code method} upper case, {@code path} the template. */
    public record Operation(String method, String path, Map<String, Object> spec) {

        public String name() {
            return method + " " + path;
        }
    }

    @SuppressWarnings("unchecked")
    public static ApiDocument fetch() {
        return new ApiDocument(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> section(String... keys) {
        Object node = document;
        for (String key : keys) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node instanceof Map<?, ?> map ? (Map<String, Map<String, Object>>) map : Map.of();
    }

    /** Every operation whose path starts with {@code prefix}. */
    @SuppressWarnings("unchecked")
    public List<Operation> operationsUnder(String prefix) {
        return section("paths").entrySet().stream()
                .filter(path -> path.getKey().startsWith(prefix))
                .flatMap(path -> path.getValue().entrySet().stream()
                        .filter(op -> op.getValue() instanceof Map<?, ?>)
                        .map(op -> new Operation(op.getKey().toUpperCase(), path.getKey(),
                                (Map<String, Object>) op.getValue())))
                .toList();
    }

    /**
     * Calls {@code operation} with its path variables filled by {@code fill} and, when it takes a body, the
     * example its schema documents (a valid body, so what answers is the security or scope check, not
     * validation) or {@code {}} where there is none.
     */
    public Response call(RequestSpecification request, Operation operation, Function<String, String> fill) {
        RequestSpecification spec = request.redirects().follow(false);
        if (operation.spec().get("requestBody") instanceof Map<?, ?> body
                && body.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
            String type = (String) content.keySet().iterator().next();
            spec = spec.contentType(type).body(example(content.get(type)));
        }
        return spec.request(operation.method(), fill.apply(operation.path()));
    }

    /** Every path variable a random id, e.g. {@code /api/v1/partners/{id}}. */
    public static String randomIds(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private byte[] example(Object mediaType) {
        Object schema = mediaType instanceof Map<?, ?> m ? m.get("schema") : null;
        // Text whose lines follow a schema (NDJSON bulk bodies): one line, the line schema's example.
        if (schema instanceof Map<?, ?> s && s.get("contentSchema") != null) {
            schema = s.get("contentSchema");
        }
        if (schema instanceof Map<?, ?> s && s.get("$ref") instanceof String ref) {
            schema = section("components", "schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        Object example = null;
        if (schema instanceof Map<?, ?> s) {
            example = s.get("examples") instanceof List<?> list && !list.isEmpty() ? list.get(0) : s.get("example");
        }
        try {
            String json = example == null ? "{}"
                    : example instanceof String text ? text : JSON.writeValueAsString(example);
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
