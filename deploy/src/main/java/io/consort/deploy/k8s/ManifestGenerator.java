package io.consort.deploy.k8s;

import static io.consort.deploy.k8s.Yaml.list;
import static io.consort.deploy.k8s.Yaml.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.contracts.Topics;
import io.consort.contracts.TopicLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the parts of {@code deploy/k8s/} that follow from something else in the repository, so they cannot
 * drift from it: each app's resources from {@link App}, the databases and their owners, the KafkaTopics of
 * every topic and dead-letter topic from {@link Topics}, and the KeycloakRealmImport from
 * {@code deploy/keycloak/realm-prm.json}. Kustomize cannot derive these itself in the syntax the old
 * Kustomize (v2.0.3, Debian's kubectl) still reads, so they are generated and committed; a test fails while
 * a committed file differs from what this class writes.
 *
 * <p>Run: {@code ./mvnw -q -pl deploy -am test -Dk8s.regenerate=true} (or this class's main with the
 * repository's root as argument).
 */
public final class ManifestGenerator {

    public static final String IMAGE_GROUP = "consort";
    public static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
    public static final String KAFKA = "consort-kafka";
    public static final String KAFKA_BOOTSTRAP = KAFKA + "-kafka-bootstrap:9092";
    public static final String POSTGRES = "consort-pg";
    public static final String POSTGRES_HOST = POSTGRES + "-rw";
    public static final String KEYCLOAK = "consort-keycloak";
    public static final String KEYCLOAK_URL = "http://" + KEYCLOAK + "-service:8080";
    public static final String OTEL_COLLECTOR = "http://otel-collector:4317";
    /** The ConfigMap of everything that differs between clusters (overlays patch it). */
    public static final String ENVIRONMENT = "consort-environment";
    /** The Secret of the realm's client secrets, the first admin's password and the realm's URLs (not in the repository). */
    public static final String REALM_SECRET = "consort-realm";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String NAME = "app.kubernetes.io/name";
    public static final String COMPONENT = "app.kubernetes.io/component";
    /** Pods with this label may talk to Kafka's client listener (Strimzi turns it into a NetworkPolicy). */
    public static final String KAFKA_CLIENT = "consort.io/kafka-client";
    /** Pods with this label may talk to PostgreSQL; pg_hba keeps each owner to its own database. */
    public static final String DATABASE_CLIENT = "consort.io/database-client";

    /** Event topics' partitions on a cluster: TopicLayout's default, as ./prm's (PRM_KAFKA_PARTITIONS). */
    static final int EVENT_PARTITIONS = TopicLayout.EVENT_PARTITIONS;

    /**
     * ./prm's JVM flags (deploy/README.md, PRM_SERVICE_JAVA_OPTS) but the collector: the image's run-java.sh
     * adds its own (GC_CONTAINER_OPTIONS, set below), and two collectors stop the JVM from starting.
     */
    static final String JAVA_OPTS = "-Xms32m -Xmx128m -Xmn4m -XX:TieredStopAtLevel=1"
            + " -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:-UsePerfData";
    static final String GATEWAY_JAVA_OPTS = "-Xms16m -Xmx64m -Xmn4m -XX:TieredStopAtLevel=1"
            + " -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:-UsePerfData";

    private ManifestGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (Map.Entry<String, String> file : generate(root).entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Every generated file, by its path from the repository's root. */
    public static Map<String, String> generate(Path root) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        List<Object> appBases = new ArrayList<>();
        for (App app : App.ALL) {
            appBases.add(app.name());
            addApp(files, "deploy/k8s/apps/" + app.name(), app);
        }
        files.put("deploy/k8s/apps/kustomization.yaml", Yaml.documents(header("App.ALL"),
                List.of(map("bases", appBases))));
        files.put("deploy/k8s/base/postgres.yaml", Yaml.documents(header("App.ALL"), postgres()));
        files.put("deploy/k8s/base/realm-import.yaml", Yaml.documents(header("deploy/keycloak/realm-prm.json"),
                List.of(realmImport(root.resolve("deploy/keycloak/realm-prm.json")))));
        files.put("deploy/k8s/overlays/dev/topics.yaml", Yaml.documents(header("io.consort.contracts.TopicLayout"),
                topics(1, null)));
        files.put("deploy/k8s/overlays/prod/topics.yaml", Yaml.documents(header("io.consort.contracts.TopicLayout"),
                topics(3, "2")));
        files.put("deploy/k8s/overlays/dev/apps-patch.yaml", Yaml.documents(header("App.ALL"),
                App.ALL.stream().map(ManifestGenerator::devPatch).toList()));
        files.put("deploy/k8s/overlays/prod/apps-patch.yaml", Yaml.documents(header("App.ALL"),
                App.ALL.stream().map(ManifestGenerator::autoscaledPatch).toList()));
        files.put("deploy/k8s/overlays/prod/hpa.yaml", Yaml.documents(header("App.ALL"),
                App.ALL.stream().map(ManifestGenerator::autoscaler).toList()));
        return files;
    }

    private static String header(String source) {
        return "Generated by io.consort.deploy.k8s.ManifestGenerator from " + source + ": do not edit.\n"
                + "Regenerate: ./mvnw -q -pl deploy -am test -Dk8s.regenerate=true (deploy/README.md, \"Generated files\").";
    }

    private static void addApp(Map<String, String> files, String dir, App app) {
        files.put(dir + "/kustomization.yaml", Yaml.documents(header("App"),
                List.of(map("resources", list(app.name() + ".yaml")))));
        files.put(dir + "/" + app.name() + ".yaml", Yaml.documents(header("App"),
                List.of(deployment(app), service(app), disruptionBudget(app), networkPolicy(app), serviceMonitor(app))));
    }

    static Map<String, Object> selector(App app) {
        return map(NAME, app.name(), PART_OF, "consort");
    }

    static Map<String, Object> labels(App app) {
        Map<String, Object> labels = selector(app);
        labels.put(COMPONENT, app.isGateway() ? "gateway" : "service");
        return labels;
    }

    private static Map<String, Object> podLabels(App app) {
        Map<String, Object> labels = labels(app);
        if (!app.isGateway()) {
            labels.put(KAFKA_CLIENT, "true");
            labels.put(DATABASE_CLIENT, "true");
        }
        return labels;
    }

    private static Map<String, Object> meta(String name, Map<String, Object> labels) {
        return map("name", name, "labels", labels);
    }

    private static Map<String, Object> value(String name, Object value) {
        return map("name", name, "value", String.valueOf(value));
    }

    private static Map<String, Object> fromConfig(String name, String key) {
        return map("name", name, "valueFrom", map("configMapKeyRef", map("name", ENVIRONMENT, "key", key)));
    }

    private static Map<String, Object> fromSecret(String name, String secret, String key) {
        return map("name", name, "valueFrom", map("secretKeyRef", map("name", secret, "key", key)));
    }

    /** The variables each app's application.properties (and the chassis' defaults) read, set for a pod. */
    static List<Object> environment(App app) {
        List<Object> env = list(
                value("QUARKUS_HTTP_HOST", "0.0.0.0"),
                value(app.portVariable(), app.port()),
                // In-flight requests finish (up to this long) after SIGTERM; the relay stops after its round.
                value("QUARKUS_SHUTDOWN_TIMEOUT", "25s"),
                value("JAVA_TOOL_OPTIONS", app.isGateway() ? GATEWAY_JAVA_OPTS : JAVA_OPTS),
                // The serial collector, as locally (elsewhere than run-java.sh the JVM picks it itself in
                // a container this small).
                value("GC_CONTAINER_OPTIONS", "-XX:+UseSerialGC"),
                value("MALLOC_ARENA_MAX", 2),
                // Traces over OTLP/gRPC to the collector (base/otel-collector.yaml): the apps have them off by default.
                value("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", OTEL_COLLECTOR),
                value("QUARKUS_OTEL_SDK_DISABLED", false));
        if (app.isGateway()) {
            for (App upstream : App.ALL) {
                if (!upstream.isGateway()) {
                    env.add(value("PRM_" + upstream.name().toUpperCase(java.util.Locale.ROOT) + "_URL", upstream.url()));
                }
            }
            // Only the ingress controller reaches the gateway (NetworkPolicy), so its X-Forwarded-For is the client's.
            env.add(value("PRM_GATEWAY_TRUST_FORWARDED", true));
            env.add(fromConfig("PRM_GATEWAY_CORS_ORIGINS", "cors-origins"));
            return env;
        }
        env.add(fromConfig("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "trusted-proxies"));
        env.add(value("PRM_PG_HOST", POSTGRES_HOST));
        env.add(value("PRM_PG_PORT", 5432));
        env.add(value(app.databaseVariable().orElseThrow(), app.database().orElseThrow()));
        env.add(fromSecret("PRM_PG_USER", app.databaseSecret(), "username"));
        env.add(fromSecret("PRM_PG_PASSWORD", app.databaseSecret(), "password"));
        env.add(value("PRM_KAFKA_BOOTSTRAP", KAFKA_BOOTSTRAP));
        // KafkaTopic resources own the topics on a cluster; the services get no right to create them.
        env.add(value("CONSORT_KAFKA_CREATE_TOPICS", false));
        // Keys and admin calls in-cluster; the issuer is the public name the browser's token carries.
        env.add(value("PRM_KEYCLOAK_URL", KEYCLOAK_URL));
        env.add(fromConfig("QUARKUS_OIDC_TOKEN_ISSUER", "oidc-issuer"));
        if (app.name().equals("recruitment")) {
            env.add(fromSecret("PRM_KEYCLOAK_SERVICES_SECRET", REALM_SECRET, "services-secret"));
        }
        return env;
    }

    private static Map<String, Object> probe(String path, int period, int failures) {
        return map("httpGet", map("path", path, "port", "http"), "periodSeconds", period, "timeoutSeconds", 3,
                "failureThreshold", failures);
    }

    static Map<String, Object> deployment(App app) {
        Map<String, Object> container = map(
                "name", app.name(),
                "image", IMAGE_GROUP + "/" + app.artifactId(),
                "imagePullPolicy", "IfNotPresent",
                "ports", list(map("name", "http", "containerPort", app.port(), "protocol", "TCP")),
                "env", environment(app),
                "resources", map(
                        "requests", map("cpu", app.isGateway() ? "100m" : "200m", "memory", app.memoryRequest()),
                        "limits", map("cpu", "1", "memory", app.memoryLimit())),
                // Up to two minutes to start on a busy node; then liveness and readiness take over.
                "startupProbe", probe("/q/health/started", 2, 60),
                "livenessProbe", probe("/q/health/live", 10, 3),
                "readinessProbe", probe("/q/health/ready", 5, 2),
                // The endpoints controller and the ingress drop the pod before it stops taking requests.
                "lifecycle", map("preStop", map("sleep", map("seconds", 5))),
                "securityContext", map(
                        "allowPrivilegeEscalation", false,
                        "readOnlyRootFilesystem", true,
                        "runAsNonRoot", true,
                        "capabilities", map("drop", list("ALL"))),
                "volumeMounts", list(map("name", "tmp", "mountPath", "/tmp")));
        Map<String, Object> pod = map(
                "automountServiceAccountToken", false,
                "enableServiceLinks", false,
                // preStop 5 s + shutdown timeout 25 s + margin.
                "terminationGracePeriodSeconds", 40,
                "securityContext", map(
                        "runAsNonRoot", true,
                        "runAsUser", 185,
                        "runAsGroup", 185,
                        "fsGroup", 185,
                        "seccompProfile", map("type", "RuntimeDefault")),
                "topologySpreadConstraints", list(map(
                        "maxSkew", 1,
                        "topologyKey", "kubernetes.io/hostname",
                        "whenUnsatisfiable", "ScheduleAnyway",
                        "labelSelector", map("matchLabels", selector(app)))),
                "containers", list(container),
                "volumes", list(map("name", "tmp", "emptyDir", map("sizeLimit", "64Mi"))));
        return map(
                "apiVersion", "apps/v1",
                "kind", "Deployment",
                "metadata", meta(app.name(), labels(app)),
                "spec", map(
                        "replicas", 2,
                        "revisionHistoryLimit", 5,
                        "selector", map("matchLabels", selector(app)),
                        "strategy", map("type", "RollingUpdate",
                                "rollingUpdate", map("maxSurge", 1, "maxUnavailable", 0)),
                        "template", map("metadata", map("labels", podLabels(app)), "spec", pod)));
    }

    static Map<String, Object> service(App app) {
        return map("apiVersion", "v1", "kind", "Service", "metadata", meta(app.name(), labels(app)),
                "spec", map("type", "ClusterIP", "selector", selector(app),
                        "ports", list(map("name", "http", "port", app.port(), "targetPort", "http", "protocol", "TCP"))));
    }

    static Map<String, Object> disruptionBudget(App app) {
        // maxUnavailable rather than minAvailable: a one-replica dev cluster can still drain its nodes.
        return map("apiVersion", "policy/v1", "kind", "PodDisruptionBudget", "metadata", meta(app.name(), labels(app)),
                "spec", map("maxUnavailable", 1, "selector", map("matchLabels", selector(app))));
    }

    /**
     * Who may open a connection to the app: the gateway from the ingress controller's namespace only, a
     * service from the gateway only; Prometheus (the monitoring namespace) scrapes both. Everything else is
     * refused by the namespace's default deny (base/network-policies.yaml).
     */
    static Map<String, Object> networkPolicy(App app) {
        Object callers = app.isGateway()
                ? map("namespaceSelector", map("matchLabels", map(NAMESPACE_LABEL, "ingress-nginx")))
                : map("podSelector", map("matchLabels", map(NAME, "gateway", PART_OF, "consort")));
        Object prometheus = map("namespaceSelector", map("matchLabels", map(NAMESPACE_LABEL, "monitoring")));
        return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", meta(app.name() + "-ingress", labels(app)),
                "spec", map("podSelector", map("matchLabels", selector(app)),
                        "policyTypes", list("Ingress"),
                        "ingress", list(map("from", list(callers, prometheus),
                                "ports", list(map("protocol", "TCP", "port", app.port()))))));
    }

    static Map<String, Object> serviceMonitor(App app) {
        return map("apiVersion", "monitoring.coreos.com/v1", "kind", "ServiceMonitor",
                "metadata", meta(app.name(), labels(app)),
                "spec", map("selector", map("matchLabels", selector(app)),
                        "endpoints", list(map("port", "http", "path", "/q/metrics", "interval", "30s"))));
    }

    static Map<String, Object> autoscaler(App app) {
        return map("apiVersion", "autoscaling/v2", "kind", "HorizontalPodAutoscaler",
                "metadata", meta(app.name(), labels(app)),
                "spec", map(
                        "scaleTargetRef", map("apiVersion", "apps/v1", "kind", "Deployment", "name", app.name()),
                        "minReplicas", 2,
                        "maxReplicas", app.isGateway() ? 6 : 4,
                        "metrics", list(map("type", "Resource", "resource", map("name", "cpu",
                                "target", map("type", "Utilization", "averageUtilization", 70)))),
                        // A JVM's first minutes are CPU-heavy (JIT): do not answer a start with more pods.
                        "behavior", map("scaleUp", map("stabilizationWindowSeconds", 120),
                                "scaleDown", map("stabilizationWindowSeconds", 300))));
    }

    private static Map<String, Object> devPatch(App app) {
        return map("apiVersion", "apps/v1", "kind", "Deployment", "metadata", map("name", app.name()),
                "spec", map("replicas", 1, "template", map("spec", map("containers", list(map(
                        "name", app.name(),
                        "resources", map("requests", map("cpu", "50m", "memory", app.memoryRequest()))))))));
    }

    /**
     * Under an HPA the Deployment names no replica count: otherwise every {@code kubectl apply} would set the
     * autoscaled count back (null deletes the field in a strategic merge patch).
     */
    private static Map<String, Object> autoscaledPatch(App app) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", null);
        return map("apiVersion", "apps/v1", "kind", "Deployment", "metadata", map("name", app.name()), "spec", spec);
    }

    /** Every topic and dead-letter topic of events.md, each as a KafkaTopic of the cluster's topic operator. */
    static List<Object> topics(int replicas, String minInSync) {
        List<Object> topics = new ArrayList<>();
        for (TopicLayout.Spec topic : TopicLayout.all(EVENT_PARTITIONS)) {
            Map<String, Object> config = new LinkedHashMap<>(topic.configs());
            if (minInSync != null) {
                config.put("min.insync.replicas", minInSync);
            }
            topics.add(map("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaTopic",
                    "metadata", map("name", topic.name().replace('.', '-'), "labels", map("strimzi.io/cluster", KAFKA)),
                    "spec", map("topicName", topic.name(),
                            "partitions", topic.partitions(),
                            "replicas", replicas,
                            "config", config)));
        }
        return topics;
    }

    /** Services that own a database, running or planned, plus Keycloak's own. */
    private static List<String[]> databaseOwners() {
        List<String[]> owners = new ArrayList<>();
        for (App app : App.ALL) {
            app.database().ifPresent(db -> owners.add(new String[] {app.name(), db, app.databaseSecret()}));
        }
        owners.add(new String[] {"keycloak", "keycloak", "consort-db-keycloak"});
        return owners;
    }

    /**
     * One CloudNativePG cluster, one role (its password from a Secret the operator of the cluster creates)
     * and one database per owner, and pg_hba lines that let each owner into its own database only.
     */
    static List<Object> postgres() {
        List<Object> roles = new ArrayList<>();
        List<Object> hba = new ArrayList<>();
        List<Object> documents = new ArrayList<>();
        for (String[] owner : databaseOwners()) {
            roles.add(map("name", owner[0], "ensure", "present", "login", true, "inherit", true,
                    "connectionLimit", 40, "passwordSecret", map("name", owner[2])));
            hba.add("host " + owner[1] + " " + owner[0] + " all scram-sha-256");
            hba.add("host all " + owner[0] + " all reject");
        }
        documents.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "Cluster",
                "metadata", map("name", POSTGRES, "labels", map(PART_OF, "consort")),
                "spec", map(
                        "instances", 2,
                        "imageName", "ghcr.io/cloudnative-pg/postgresql:17.6",
                        "primaryUpdateStrategy", "unsupervised",
                        "enablePDB", true,
                        "postgresql", map(
                                "parameters", map("max_connections", "300", "shared_buffers", "256MB",
                                        "log_min_duration_statement", "1000"),
                                "pg_hba", hba),
                        "managed", map("roles", roles),
                        "storage", map("size", "10Gi"),
                        "resources", map("requests", map("cpu", "250m", "memory", "512Mi"),
                                "limits", map("memory", "1Gi")),
                        "affinity", map("enablePodAntiAffinity", true, "topologyKey", "kubernetes.io/hostname"))));
        for (String[] owner : databaseOwners()) {
            documents.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "Database",
                    "metadata", map("name", POSTGRES + "-" + owner[1].replace('_', '-'), "labels", map(PART_OF, "consort")),
                    "spec", map("name", owner[1], "owner", owner[0], "cluster", map("name", POSTGRES),
                            "ensure", "present", "databaseReclaimPolicy", "retain")));
        }
        return documents;
    }

    /** Placeholders the realm import fills from the {@link #REALM_SECRET} Secret: name, key. */
    static final Map<String, Object> REALM_PLACEHOLDERS = map(
            "CONSORT_INTEGRATOR_SECRET", "integrator-secret",
            "CONSORT_SERVICES_SECRET", "services-secret",
            "CONSORT_ADMIN_PASSWORD", "admin-password",
            "CONSORT_PORTAL_URL", "portal-url",
            "CONSORT_SMTP_HOST", "smtp-host",
            "CONSORT_SMTP_PORT", "smtp-port",
            "CONSORT_SMTP_FROM", "smtp-from",
            "CONSORT_SMTP_USER", "smtp-user",
            "CONSORT_SMTP_PASSWORD", "smtp-password");

    /** Users of the local realm that are demo data only, not created on a cluster. */
    static final List<String> LOCAL_ONLY_USERS = List.of("manager");

    /**
     * The local realm as a cluster imports it: the same roles, clients, mappers and user profile, with what
     * is local only replaced: client secrets, the admin's password, the portal's URLs and the mail server come
     * from {@link #REALM_SECRET}; password grants (local convenience) are off; TLS is required outside the
     * cluster; the demo users are left out and the admin must change the password at first login.
     */
    static Map<String, Object> realmImport(Path realmFile) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(realmFile.toFile());
        realm.put("sslRequired", "external");
        ObjectNode smtp = (ObjectNode) realm.get("smtpServer");
        smtp.put("host", "${CONSORT_SMTP_HOST}");
        smtp.put("port", "${CONSORT_SMTP_PORT}");
        smtp.put("from", "${CONSORT_SMTP_FROM}");
        smtp.put("starttls", "true");
        smtp.put("auth", "true");
        smtp.put("user", "${CONSORT_SMTP_USER}");
        smtp.put("password", "${CONSORT_SMTP_PASSWORD}");
        for (JsonNode client : realm.withArray("clients")) {
            ObjectNode c = (ObjectNode) client;
            switch (c.path("clientId").asText()) {
                case "consort-integrator" -> c.put("secret", "${CONSORT_INTEGRATOR_SECRET}");
                case "consort-services" -> c.put("secret", "${CONSORT_SERVICES_SECRET}");
                case "consort-portal" -> {
                    c.put("directAccessGrantsEnabled", false);
                    ArrayNode redirects = c.putArray("redirectUris");
                    redirects.add("${CONSORT_PORTAL_URL}/*");
                    c.putArray("webOrigins").add("${CONSORT_PORTAL_URL}");
                    ((ObjectNode) c.get("attributes")).put("post.logout.redirect.uris", "${CONSORT_PORTAL_URL}/*");
                }
                default -> {
                    if (c.has("secret")) {
                        throw new IllegalStateException("client " + c.path("clientId").asText()
                                + " has a secret the cluster's realm import does not replace: add it to ManifestGenerator");
                    }
                }
            }
        }
        for (Iterator<JsonNode> users = realm.withArray("users").iterator(); users.hasNext();) {
            ObjectNode user = (ObjectNode) users.next();
            if (LOCAL_ONLY_USERS.contains(user.path("username").asText())) {
                users.remove();
            } else if (user.has("credentials")) {
                ObjectNode password = json.createObjectNode().put("type", "password")
                        .put("value", "${CONSORT_ADMIN_PASSWORD}").put("temporary", true);
                user.putArray("credentials").add(password);
            }
        }
        Map<String, Object> placeholders = new LinkedHashMap<>();
        REALM_PLACEHOLDERS.forEach((name, key) -> placeholders.put(name,
                map("secret", map("name", REALM_SECRET, "key", key))));
        return map("apiVersion", "k8s.keycloak.org/v2alpha1", "kind", "KeycloakRealmImport",
                "metadata", map("name", "consort-realm-prm", "labels", map(PART_OF, "consort")),
                "spec", map("keycloakCRName", KEYCLOAK, "placeholders", placeholders,
                        "realm", json.convertValue(realm, Map.class)));
    }
}
