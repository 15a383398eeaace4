package io.consort.recruitment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keycloak's token endpoint and the part of its Admin REST API that partner logins use, served by
 * WireMock on a free port: no Keycloak runs in this module's tests. By default every call succeeds the
 * way Keycloak answers it (a created login gets a fresh id in {@code Location}); a test that needs
 * another answer (an outage, a login that exists) registers a stub of higher priority and removes it
 * afterwards. WireMock records every request, so tests check what Keycloak was really sent.
 * Declared once, unrestricted, by {@link KeycloakInfrastructure}.
 */
public class KeycloakAdminStub implements QuarkusTestResourceLifecycleManager {

    public static final String USERS = "/admin/realms/prm/users";
    /** Priority of the defaults; a test's own stubs use a smaller number and win. */
    public static final int DEFAULT_PRIORITY = 100;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        stubDefaults(new WireMock("127.0.0.1", server.port()));
        return Map.of("quarkus.keycloak.admin-client.server-url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** A client of the running stub's admin API, as the application under test is configured to call it. */
    public static WireMock client() {
        URI url = URI.create(ConfigProvider.getConfig()
                .getValue("quarkus.keycloak.admin-client.server-url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }

    private static void stubDefaults(WireMock keycloak) {
        keycloak.register(post(urlPathEqualTo("/realms/prm/protocol/openid-connect/token"))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("""
                        {"access_token": "stub-admin-token", "token_type": "Bearer", "expires_in": 3600,
                         "refresh_expires_in": 0, "scope": "profile email"}""")));
        keycloak.register(post(urlPathEqualTo(USERS))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(201)
                        .withHeader("Location", "{{request.baseUrl}}" + USERS + "/{{randomValue type='UUID'}}")
                        .withTransformers("response-template")));
        keycloak.register(get(urlPathEqualTo(USERS))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("[]")));
        keycloak.register(get(urlPathMatching(USERS + "/[^/]+"))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("""
                        {"id": "{{request.pathSegments.[4]}}", "username": "someone@stub.example",
                         "enabled": true, "attributes": {}}""").withTransformers("response-template")));
        keycloak.register(put(urlPathMatching(USERS + "/[^/]+"))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(204)));
        keycloak.register(put(urlPathMatching(USERS + "/[^/]+/execute-actions-email"))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(204)));
        keycloak.register(post(urlPathMatching(USERS + "/[^/]+/logout"))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(204)));
        keycloak.register(get(urlPathMatching(USERS + "/[^/]+/role-mappings/realm"))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("[]")));
        keycloak.register(post(urlPathMatching(USERS + "/[^/]+/role-mappings/realm"))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(204)));
        keycloak.register(delete(urlPathMatching(USERS + "/[^/]+/role-mappings/realm"))
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(204)));
        for (String role : new String[] { "partner-admin", "partner-user" }) {
            keycloak.register(get(urlPathEqualTo("/admin/realms/prm/roles/" + role))
                    .atPriority(DEFAULT_PRIORITY)
                    .willReturn(okJson("""
                            {"id": "role-%s", "name": "%s", "composite": false, "clientRole": false,
                             "containerId": "prm"}""".formatted(role, role))));
        }
    }
}
