package io.consort.deploy.k8s;

import java.util.List;
import java.util.Optional;

/**
 * One application of the suite as the cluster runs it. Adding a service is one entry in {@link #ALL} and a
 * regeneration: its Deployment, Service, ConfigMap wiring, PodDisruptionBudget,
 * NetworkPolicy, ServiceMonitor, HPA, database, owner and pg_hba lines all follow from it.
 *
 * @param name          short name: the Deployment, the Service, the consumer group and the database owner
 * @param artifactId    the Maven module's artifactId, which names the image ({@code consort/<artifactId>})
 * @param port          the HTTP port the app listens on (its {@code quarkus.http.port} default)
 * @param portVariable  the environment variable that moves it ({@code PRM_<NAME>_PORT})
 * @param database      its own PostgreSQL database, empty for the gateway (which has none)
 * @param databaseVariable the variable that names the database ({@code PRM_<NAME>_DB})
 * @param memoryRequest what one pod is scheduled with: the RSS {@code bench/startup} measured after
 *                      serving requests, rounded up
 * @param memoryLimit   the ceiling: the 256 MB RSS budget plus headroom for a burst of requests
 */
public record App(String name, String artifactId, int port, String portVariable, Optional<String> database,
        Optional<String> databaseVariable, String memoryRequest, String memoryLimit) {

    static App service(String name, int port, String memoryRequest) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return new App(name, name + "-service", port, "PRM_" + upper + "_PORT", Optional.of("consort_" + name),
                Optional.of("PRM_" + upper + "_DB"), memoryRequest, "384Mi");
    }

    /**
     * The suite's apps. Memory requests from deploy/README.md "Measured" (RSS after requests: 214/156/156/185/82
     * MB); integration, not measured there yet, as the services with a Kafka consumer per topic.
     */
    public static final List<App> ALL = List.of(
            service("recruitment", 8081, "256Mi"),
            service("community", 8082, "192Mi"),
            service("campaign", 8083, "192Mi"),
            service("performance", 8084, "224Mi"),
            service("integration", 8085, "224Mi"),
            new App("gateway", "gateway", 8080, "PRM_GATEWAY_PORT", Optional.empty(), Optional.empty(), "112Mi",
                    "192Mi"));

    public boolean isGateway() {
        return database.isEmpty();
    }

    /** The Secret (basic-auth: username, password) CloudNativePG sets the owner's password from. */
    public String databaseSecret() {
        return "consort-db-" + name;
    }

    /** The in-cluster URL the gateway reaches it at. */
    public String url() {
        return "http://" + name + ":" + port;
    }
}
