package io.consort.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The realm's token endpoint and, for the one step no API of the suite offers (a new partner admin
 * choosing a password from the invitation mail), its Admin REST API with the services' client.
 */
public final class Keycloak {

    /** HTTP/1.1 as {@link Api}'s: a connection per concurrent caller, no h2c upgrade. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Tries of a call that got no answer (timed out, connection closed): every call here may be repeated (a token,
     * a search, a PUT of the same password). A dozen partners signing in at once hash a dozen passwords in Keycloak at
     * once; on a busy machine one of them took longer than a call waits, and the demo data lost that partner.
     */
    private static final int TRIES = 3;

    private final String url;

    public Keycloak(String url) {
        this.url = url.replaceAll("/+$", "");
    }

    /** An access token by the direct grant the local realm's portal client allows. */
    public String login(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", "consort-portal", "username", username,
                "password", password));
    }

    public String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /**
     * Stands in for the person's first login: sets the password the invitation asks them to choose
     * and clears the required action, as Keycloak does when they follow the mailed link.
     */
    public void choosePassword(String adminToken, String username, String password) {
        JsonNode found = send(adminToken, "GET", "/admin/realms/prm/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("Keycloak has no login " + username);
        }
        JsonNode user = found.get(0);
        String id = user.get("id").asText();
        send(adminToken, "PUT", "/admin/realms/prm/users/" + id + "/reset-password",
                Map.of("type", "password", "value", password, "temporary", false));
        // The search answered the whole user (not the brief form): only a user with required actions left needs another
        // write, and that representation serves for it without reading the user again.
        if (!user.path("requiredActions").isEmpty()) {
            Map<String, Object> cleared = Api.JSON.convertValue(user, Map.class);
            cleared.put("requiredActions", List.of());
            send(adminToken, "PUT", "/admin/realms/prm/users/" + id, cleared);
        }
    }

    /** A JWT's expiry ({@code exp}, seconds since the epoch), read without verifying it; 0 if it has none. */
    static long expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return parts.length < 2 ? 0 : Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1])).path("exp").asLong(0);
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/realms/prm/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = exchange(request);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("username",
                    form.get("client_id")) + ": " + answer.statusCode() + " " + answer.body());
        }
        try {
            return Api.JSON.readTree(answer.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(String token, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Api.write(body)));
        }
        HttpResponse<String> answer = exchange(request.build());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak " + method + " " + path + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        try {
            return answer.body().isBlank() ? Api.JSON.nullNode() : Api.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= TRIES) {
                    throw new UncheckedIOException("Keycloak at " + request.uri() + " (" + attempt + " tries): " + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
