package io.consort.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A client of the running suite: JSON calls through the gateway with a bearer token, each checked
 * against the statuses it may answer. A call that answers anything else stops the journey with the
 * problem the suite gave, so a failure reads as the API's own explanation.
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * HTTP/1.1, as curl and a browser's fetch speak to the gateway: a pool of connections, one call at a time on each.
     * (The JDK client would otherwise upgrade its one connection to h2c and multiplex every thread's calls over it.)
     */
    private static final HttpClient HTTP = builder().build();
    /** The longest {@code Retry-After} a rate-limited call waits for before it is sent again. */
    private static final long LONGEST_RETRY_AFTER_SECONDS = 60;

    private final String baseUrl;
    private final String token;
    private final Consumer<Call> listener;
    private final HttpClient http;

    /** One call and its answer, for whoever narrates the journey. */
    public record Call(String method, String path, int status, JsonNode body, Map<String, String> headers) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), null);
        }
    }

    /** The suite answered a call with a status the journey did not expect. */
    public static final class UnexpectedAnswer extends RuntimeException {
        private final Call call;

        UnexpectedAnswer(Call call, int[] expected) {
            super(call.method() + " " + call.path() + " answered " + call.status() + " (expected "
                    + Arrays.toString(expected) + "): " + call.body());
            this.call = call;
        }

        public Call call() {
            return call;
        }
    }

    public Api(String baseUrl, String token, Consumer<Call> listener) {
        this(baseUrl, token, listener, HTTP);
    }

    private Api(String baseUrl, String token, Consumer<Call> listener, HttpClient http) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.listener = listener == null ? c -> { } : listener;
        this.http = http;
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /** The same client with another caller's token. */
    public Api as(String otherToken) {
        return new Api(baseUrl, otherToken, listener, http);
    }

    /** The same client without a token (public endpoints). */
    public Api anonymous() {
        return new Api(baseUrl, null, listener, http);
    }

    /**
     * The same client calling from another address of this machine, as another client would from its own (the
     * public endpoints limit each client address: the gateway allows 10 applications a minute per address). Where
     * the address cannot be used (the JDK's HTTP client takes a local address from Java 19 on; another loopback
     * address than 127.0.0.1 needs Linux), this client itself, from its usual address.
     */
    public Api from(java.net.InetAddress local) {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.bind(new java.net.InetSocketAddress(local, 0));
            HttpClient.Builder b = builder();
            HttpClient.Builder.class.getMethod("localAddress", java.net.InetAddress.class).invoke(b, local);
            return new Api(baseUrl, token, listener, b.build());
        } catch (IOException | ReflectiveOperationException e) {
            return this;
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path, int... expected) {
        return call("GET", path, null, Map.of(), expected).body();
    }

    public JsonNode post(String path, Object body, int... expected) {
        return call("POST", path, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()), expected).body();
    }

    /**
     * An action on a single resource that must not be taken blind: reads the resource's ETag first
     * and sends it as {@code If-Match}.
     */
    public JsonNode act(String resourcePath, String action, Object body, int... expected) {
        String etag = call("GET", resourcePath, null, Map.of()).header("ETag");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        if (etag != null) {
            headers.put("If-Match", etag);
        }
        return call("POST", resourcePath + "/" + action, body == null ? Map.of() : body, headers, expected).body();
    }

    /** An NDJSON bulk call: one JSON line per item in, the answer's lines out. */
    public List<JsonNode> postNdjson(String path, List<?> lines, int... expected) {
        String body = lines.stream().map(Api::write).collect(Collectors.joining("\n", "", "\n"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson").header("Accept", "application/x-ndjson")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build(), "POST", path);
        Call call = new Call("POST", path, response.statusCode(), MissingNode.getInstance(), Map.of());
        listener.accept(call);
        if (expected.length == 0 ? response.statusCode() / 100 != 2
                : Arrays.stream(expected).noneMatch(s -> s == response.statusCode())) {
            throw new UnexpectedAnswer(new Call("POST", path, response.statusCode(), read(response.body()), Map.of()), expected);
        }
        return response.body().lines().filter(l -> !l.isBlank()).map(Api::read).toList();
    }

    public JsonNode put(String path, Object body, int... expected) {
        return call("PUT", path, body, Map.of(), expected).body();
    }

    public Call call(String method, String path, Object body, Map<String, String> headers, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpRequest built = request.build();
        HttpResponse<String> answer = send(built, method, path);
        // A rate limit (the public application path allows 10 a minute per client address) says when to come back:
        // the same request, with the same Idempotency-Key, goes again then, unless the caller expects the 429.
        while (answer.statusCode() == 429 && Arrays.stream(expected).noneMatch(s -> s == 429)) {
            long wait = answer.headers().firstValueAsLong("Retry-After").orElse(1);
            if (wait > LONGEST_RETRY_AFTER_SECONDS) {
                break;
            }
            pause(Math.max(1, wait));
            answer = send(built, method, path);
        }
        HttpResponse<String> response = answer;
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> answerHeaders.put(k.toLowerCase(), String.join(", ", v)));
        Call call = new Call(method, path, response.statusCode(), read(response.body()), answerHeaders);
        listener.accept(call);
        if (expected.length == 0 ? response.statusCode() / 100 != 2
                : Arrays.stream(expected).noneMatch(s -> s == response.statusCode())) {
            throw new UnexpectedAnswer(call, expected);
        }
        return call;
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String method, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A query string from name/value pairs; null values are left out. */
    public static String query(Object... nameValues) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                pairs.put(nameValues[i].toString(), nameValues[i + 1]);
            }
        }
        return pairs.isEmpty() ? "" : "?" + pairs.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
