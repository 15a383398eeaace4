package io.consort.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the build proves about a rendered overlay without a cluster: each object parses (into its Java
 * model where Maven Central has one, else against deploy/k8s/schemas), and the pieces fit together and with the
 * apps as they are built. Each method adds what it finds to a list of problems; none means the overlay is
 * what the suite needs.
 */
final class ManifestChecks {

    static final Set<String> HEALTH_PATHS = Set.of("/q/health/started", "/q/health/live", "/q/health/ready");

    private final Rendered rendered;
    private final List<App> apps;
    final List<String> problems = new ArrayList<>();

    ManifestChecks(Rendered rendered, List<App> apps) {
        this.rendered = rendered;
        this.apps = apps;
    }

    /** Every check; {@code built} says whether the apps' modules exist (a planned one has none yet). */
    static List<String> all(Rendered rendered, List<App> apps, boolean built) {
        ManifestChecks checks = new ManifestChecks(rendered, apps);
        checks.schemas();
        checks.servicesSelectPods();
        checks.ingressBackendsExist();
        checks.appsAreComplete();
        checks.hardened();
        checks.references();
        if (built) {
            checks.portsAndProbesMatchTheApps();
            checks.imagesMatchTheBuild();
            checks.topicsExist();
            checks.tracesReachTheCollector();
        }
        checks.networkFlows();
        return checks.problems;
    }

    void schemas() {
        Set<String> ids = new HashSet<>();
        for (ObjectNode object : rendered.objects()) {
            if (!ids.add(object.path("apiVersion").asText() + " " + Rendered.id(object))) {
                problems.add(Rendered.id(object) + ": defined twice");
            }
            problems.addAll(objectProblems(object));
        }
    }

    /** One object against its Java model, or its schema in deploy/k8s/schemas where there is no model. */
    static List<String> objectProblems(JsonNode object) {
        List<String> found = new ArrayList<>(KubernetesModel.validate(object));
        if (!KubernetesModel.isModelled(object)) {
            found.addAll(OperatorSchemas.validate(object));
        }
        return found;
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || !selector.isObject()) {
            return false;
        }
        for (var entry : selector.properties()) {
            if (!labels.path(entry.getKey()).asText("\u0000").equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    /** Every Service selects the pods of a Deployment, on a port those pods name. */
    void servicesSelectPods() {
        for (ObjectNode service : rendered.ofKind("Service")) {
            List<ObjectNode> targets = rendered.ofKind("Deployment").stream()
                    .filter(d -> matches(service.path("spec").path("selector"), podLabels(d))).toList();
            if (targets.isEmpty()) {
                problems.add(Rendered.id(service) + ": selects no pods of any Deployment");
            }
            for (ObjectNode target : targets) {
                Set<String> ports = new HashSet<>();
                container(target).path("ports").forEach(p -> {
                    ports.add(p.path("name").asText());
                    ports.add(p.path("containerPort").asText());
                });
                service.path("spec").path("ports").forEach(p -> {
                    if (!ports.contains(p.path("targetPort").asText())) {
                        problems.add(Rendered.id(service) + ": targetPort " + p.path("targetPort").asText()
                                + " is no port of " + Rendered.id(target));
                    }
                });
            }
            if (!matches(service.path("spec").path("selector"), service.path("metadata").path("labels"))) {
                problems.add(Rendered.id(service) + ": its ServiceMonitor would not find it (labels lack the selector)");
            }
        }
    }

    /** Services the operators create from the custom resources, by name: their port. */
    static final Map<String, Integer> OPERATOR_SERVICES = Map.of(ManifestGenerator.KEYCLOAK + "-service", 8080);

    /** Every Ingress backend is a Service of the overlay (or one an operator creates) on a port it has. */
    void ingressBackendsExist() {
        for (ObjectNode ingress : rendered.ofKind("Ingress")) {
            for (JsonNode backend : ingress.findValues("service")) {
                String name = backend.path("name").asText();
                int port = backend.path("port").path("number").asInt();
                Set<Integer> ports = new HashSet<>();
                rendered.find("Service", name).ifPresent(svc -> svc.path("spec").path("ports")
                        .forEach(p -> ports.add(p.path("port").asInt())));
                Optional.ofNullable(OPERATOR_SERVICES.get(name)).ifPresent(ports::add);
                if (!ports.contains(port)) {
                    problems.add(Rendered.id(ingress) + ": routes to " + name + ":" + port + ", which no Service offers");
                }
            }
        }
    }

    /** Each app has its Deployment, Service, PodDisruptionBudget, NetworkPolicy and ServiceMonitor. */
    void appsAreComplete() {
        for (App app : apps) {
            Optional<ObjectNode> deployment = rendered.find("Deployment", app.name());
            if (deployment.isEmpty()) {
                problems.add(app.name() + ": no Deployment");
                continue;
            }
            JsonNode labels = podLabels(deployment.get());
            require(rendered.find("Service", app.name()), app, "Service");
            require(rendered.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> matches(p.path("spec").path("selector").path("matchLabels"), labels)).findFirst(),
                    app, "PodDisruptionBudget selecting its pods");
            require(rendered.ofKind("NetworkPolicy").stream()
                    .filter(p -> matches(p.path("spec").path("podSelector").path("matchLabels"), labels)).findFirst(),
                    app, "NetworkPolicy of its own");
            rendered.find("Service", app.name()).ifPresent(service -> require(rendered.ofKind("ServiceMonitor")
                    .stream().filter(m -> matches(m.path("spec").path("selector").path("matchLabels"),
                            service.path("metadata").path("labels"))).findFirst(), app, "ServiceMonitor"));
        }
        for (ObjectNode hpa : rendered.ofKind("HorizontalPodAutoscaler")) {
            String target = hpa.path("spec").path("scaleTargetRef").path("name").asText();
            Optional<ObjectNode> scaled = rendered.find("Deployment", target);
            if (scaled.isEmpty()) {
                problems.add(Rendered.id(hpa) + ": scales " + target + ", which is no Deployment");
            } else if (scaled.get().path("spec").has("replicas")) {
                problems.add(Rendered.id(hpa) + ": Deployment/" + target
                        + " sets replicas too, so every apply would undo the autoscaling");
            }
        }
    }

    private void require(Optional<?> found, App app, String what) {
        if (found.isEmpty()) {
            problems.add(app.name() + ": no " + what);
        }
    }

    /** Non-root, read-only root filesystem, no capabilities, RuntimeDefault seccomp, sized, probed. */
    void hardened() {
        for (ObjectNode deployment : rendered.ofKind("Deployment")) {
            String id = Rendered.id(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
                problems.add(id + ": pod may run as root");
            }
            if (!pod.path("securityContext").path("seccompProfile").path("type").asText().equals("RuntimeDefault")) {
                problems.add(id + ": seccomp profile is not RuntimeDefault");
            }
            for (JsonNode c : pod.path("containers")) {
                JsonNode security = c.path("securityContext");
                if (!security.path("readOnlyRootFilesystem").asBoolean()) {
                    problems.add(id + ": root filesystem is writable");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(id + ": privilege escalation allowed");
                }
                if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                    problems.add(id + ": capabilities not all dropped");
                }
                for (String r : List.of("requests", "limits")) {
                    if (c.path("resources").path(r).path("memory").isMissingNode()) {
                        problems.add(id + ": no memory " + r);
                    }
                }
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (c.path(probe).isMissingNode()) {
                        problems.add(id + ": no " + probe);
                    }
                }
            }
        }
    }

    /** Secrets the manifests read, each as "name/key", from deploy/README.md's "Secrets" table. */
    static Set<String> documentedSecrets() {
        try {
            String readme = Files.readString(Repository.path("deploy/README.md"));
            int start = readme.indexOf("### Secrets");
            if (start < 0) {
                return Set.of();
            }
            Set<String> secrets = new HashSet<>();
            Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| ([^|]+)\\|").matcher(readme.substring(start));
            while (row.find()) {
                Matcher key = Pattern.compile("`([A-Za-z0-9._-]+)`").matcher(row.group(2));
                while (key.find()) {
                    secrets.add(row.group(1) + "/" + key.group(1));
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every ConfigMap key an object reads is defined; every Secret key is one deploy/README.md tells to create. */
    void references() {
        Set<String> secrets = documentedSecrets();
        Set<String> needed = new LinkedHashSet<>();
        for (ObjectNode object : rendered.objects()) {
            String id = Rendered.id(object);
            object.findParents("configMapKeyRef").forEach(parent -> {
                JsonNode ref = parent.path("configMapKeyRef");
                Optional<ObjectNode> map = rendered.find("ConfigMap", ref.path("name").asText());
                if (map.isEmpty() || !map.get().path("data").has(ref.path("key").asText())) {
                    problems.add(id + ": reads ConfigMap key " + ref.path("name").asText() + "/"
                            + ref.path("key").asText() + ", which is not defined");
                }
            });
            object.findParents("secretKeyRef").forEach(parent -> needed.add(id + " " + parent.path("secretKeyRef")
                    .path("name").asText() + "/" + parent.path("secretKeyRef").path("key").asText()));
            for (String field : List.of("usernameSecret", "passwordSecret")) {
                object.findParents(field).forEach(parent -> {
                    JsonNode ref = parent.path(field);
                    // CloudNativePG's passwordSecret is a basic-auth Secret: username and password.
                    if (ref.has("key")) {
                        needed.add(id + " " + ref.path("name").asText() + "/" + ref.path("key").asText());
                    } else {
                        needed.add(id + " " + ref.path("name").asText() + "/username");
                        needed.add(id + " " + ref.path("name").asText() + "/password");
                    }
                });
            }
            object.path("spec").path("tls").forEach(tls -> needed.add(id + " " + tls.path("secretName").asText() + "/tls.crt"));
            object.path("spec").path("placeholders").forEach(p -> needed.add(id + " "
                    + p.path("secret").path("name").asText() + "/" + p.path("secret").path("key").asText()));
        }
        for (ObjectNode realmImport : rendered.ofKind("KeycloakRealmImport")) {
            realmPlaceholders(realmImport);
        }
        for (String reference : needed) {
            String secret = reference.substring(reference.indexOf(' ') + 1);
            if (!secrets.contains(secret)) {
                problems.add(reference.substring(0, reference.indexOf(' ')) + ": reads Secret key " + secret
                        + ", which deploy/README.md's Secrets table does not list");
            }
        }
    }

    /**
     * Every ${NAME} (an environment variable's name; ${email} and the like are the user profile's message
     * keys) in the imported realm is a placeholder the import fills from a Secret, and each is used.
     */
    private void realmPlaceholders(ObjectNode realmImport) {
        Set<String> used = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}").matcher(realmImport.path("spec").path("realm").toString());
        while (m.find()) {
            if (m.group(2) == null) {
                used.add(m.group(1));
            }
        }
        Set<String> declared = new java.util.TreeSet<>();
        realmImport.path("spec").path("placeholders").fieldNames().forEachRemaining(declared::add);
        if (!used.equals(declared)) {
            problems.add(Rendered.id(realmImport) + ": the realm uses placeholders " + used
                    + " but the import fills " + declared);
        }
    }

    static Properties applicationProperties(App app) {
        Properties properties = new Properties();
        Path file = Repository.path(app.artifactId() + "/src/main/resources/application.properties");
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    private static Optional<String> env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return Optional.of(e.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** The port each app's application.properties listens on is the one the pod, its Service and probes use. */
    void portsAndProbesMatchTheApps() {
        Pattern portSetting = Pattern.compile("\\$\\{([A-Z_]+):(\\d+)}");
        for (App app : apps) {
            Optional<ObjectNode> deployment = rendered.find("Deployment", app.name());
            if (deployment.isEmpty()) {
                continue;
            }
            String setting = applicationProperties(app).getProperty("quarkus.http.port", "");
            Matcher m = portSetting.matcher(setting);
            if (!m.matches()) {
                problems.add(app.name() + ": application.properties' quarkus.http.port is " + setting
                        + ", not ${VARIABLE:port}");
                continue;
            }
            int port = Integer.parseInt(m.group(2));
            JsonNode c = container(deployment.get());
            int containerPort = c.path("ports").path(0).path("containerPort").asInt();
            Optional<String> variable = env(c, m.group(1));
            if (containerPort != port && variable.map(v -> !v.equals(String.valueOf(containerPort))).orElse(true)) {
                problems.add(app.name() + ": the pod's port " + containerPort + " is not the one the app listens on ("
                        + m.group(1) + " = " + variable.orElse("unset, so " + port) + ")");
            }
            if (variable.isPresent() && !variable.get().equals(String.valueOf(containerPort))) {
                problems.add(app.name() + ": " + m.group(1) + " is " + variable.get() + " but the pod's port is "
                        + containerPort);
            }
            rendered.find("Service", app.name()).ifPresent(s -> {
                if (s.path("spec").path("ports").path(0).path("port").asInt() != containerPort) {
                    problems.add(app.name() + ": its Service's port is not " + containerPort);
                }
            });
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode get = c.path(probe).path("httpGet");
                String path = get.path("path").asText();
                if (!HEALTH_PATHS.contains(path)) {
                    problems.add(app.name() + ": " + probe + " asks " + path + ", which SmallRye Health does not serve");
                }
                String probePort = get.path("port").asText();
                if (!probePort.equals("http") && !probePort.equals(String.valueOf(containerPort))) {
                    problems.add(app.name() + ": " + probe + " asks port " + probePort + ", not the app's");
                }
            }
            if (!servesHealth(app)) {
                problems.add(app.name() + ": its module has no quarkus-smallrye-health (nor the chassis), so /q/health is not served");
            }
        }
    }

    /**
     * Traces: every app turns the OpenTelemetry SDK on (it is off by default, in the chassis' and the gateway's
     * configuration) and sends OTLP/gRPC to a Service of the rendering on a port that leads to the collector's
     * gRPC receiver; the app's module (or the chassis it uses) has quarkus-opentelemetry, or the variables
     * would be read by nothing; and the app's own default is off, so that only a deployment sends traces.
     */
    void tracesReachTheCollector() {
        Pattern endpoint = Pattern.compile("http://([a-z0-9-]+):(\\d+)");
        for (App app : apps) {
            Optional<ObjectNode> deployment = rendered.find("Deployment", app.name());
            if (deployment.isEmpty()) {
                continue;
            }
            JsonNode c = container(deployment.get());
            if (!env(c, "QUARKUS_OTEL_SDK_DISABLED").map("false"::equals).orElse(false)) {
                problems.add(app.name() + ": QUARKUS_OTEL_SDK_DISABLED is not false, so it sends no traces");
            }
            String target = env(c, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").orElse("");
            Matcher m = endpoint.matcher(target);
            if (!m.matches()) {
                problems.add(app.name() + ": QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT is '" + target + "', not http://<service>:<port>");
            } else {
                Optional<ObjectNode> service = rendered.find("Service", m.group(1));
                Optional<ObjectNode> collector = rendered.find("Deployment", m.group(1));
                boolean grpc = service.isPresent() && collector.isPresent()
                        && stream(service.get().path("spec").path("ports"))
                                .filter(port -> port.path("port").asText().equals(m.group(2)))
                                .anyMatch(port -> stream(container(collector.get()).path("ports"))
                                        .anyMatch(cp -> cp.path("name").asText().equals(port.path("targetPort").asText())
                                                && cp.path("containerPort").asInt() == 4317));
                if (!grpc) {
                    problems.add(app.name() + ": traces go to " + target + ", which is no Service port leading to a"
                            + " collector's OTLP/gRPC receiver (4317)");
                }
            }
            try {
                String pom = Files.readString(Repository.path(app.artifactId() + "/pom.xml"));
                String chassis = Files.readString(Repository.path("platform/chassis/pom.xml"));
                if (!pom.contains("quarkus-opentelemetry")
                        && !(pom.contains("consort-chassis") && chassis.contains("quarkus-opentelemetry"))) {
                    problems.add(app.name() + ": its module has no quarkus-opentelemetry, so the QUARKUS_OTEL_* variables do nothing");
                }
                String defaults = Files.readString(Repository.path(pom.contains("consort-chassis")
                        ? "platform/chassis/src/main/resources/META-INF/microprofile-config.properties"
                        : app.artifactId() + "/src/main/resources/application.properties"));
                String own = applicationProperties(app).getProperty("quarkus.otel.sdk.disabled",
                        defaults.contains("\nquarkus.otel.sdk.disabled=true") ? "true" : "unset");
                if (!own.equals("true")) {
                    problems.add(app.name() + ": without the deployment's variables its SDK is not off (quarkus.otel.sdk.disabled "
                            + own + ")");
                }
            } catch (IOException e) {
                problems.add(app.name() + ": cannot read its module: " + e);
            }
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static boolean servesHealth(App app) {
        try {
            String pom = Files.readString(Repository.path(app.artifactId() + "/pom.xml"));
            String chassis = Files.readString(Repository.path("platform/chassis/pom.xml"));
            return pom.contains("quarkus-smallrye-health")
                    || pom.contains("consort-chassis") && chassis.contains("quarkus-smallrye-health");
        } catch (IOException e) {
            return false;
        }
    }

    /** Images are consort/&lt;the module's artifactId&gt; (the root pom's container-image profile) at the project's version. */
    void imagesMatchTheBuild() {
        String version = projectVersion();
        String group = imageGroup();
        for (App app : apps) {
            rendered.find("Deployment", app.name()).ifPresent(d -> {
                String image = container(d).path("image").asText();
                String expected = group + "/" + app.artifactId() + ":" + version;
                if (!image.equals(expected) && !image.endsWith("/" + expected)) {
                    problems.add(app.name() + ": image " + image + " is not the one the build makes (" + expected + ")");
                }
                if (!Files.isRegularFile(Repository.path(app.artifactId() + "/pom.xml"))) {
                    problems.add(app.name() + ": no module " + app.artifactId() + " builds its image");
                }
            });
        }
    }

    static String projectVersion() {
        return rootPom("<version>([^<]+)</version>", "the project's version");
    }

    static String imageGroup() {
        return rootPom("<quarkus.container-image.group>([^<]+)</quarkus.container-image.group>",
                "quarkus.container-image.group");
    }

    private static String rootPom(String pattern, String what) {
        try {
            Matcher m = Pattern.compile(pattern).matcher(Files.readString(Repository.path("pom.xml")));
            if (!m.find()) {
                throw new IllegalStateException("the root pom.xml sets no " + what);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every topic of Topics, every topic an event type is published to, and every topic an app's configuration
     * reads or dead-letters to is a KafkaTopic.
     */
    void topicsExist() {
        Map<String, ObjectNode> topics = new java.util.HashMap<>();
        rendered.ofKind("KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asText(), t));
        Set<String> used = new LinkedHashSet<>(Topics.allWithDeadLetters());
        // The outbox relay publishes each event type to its topic.
        io.consort.contracts.EventTypes.ALL.forEach(type -> used.add(type.topic()));
        for (App app : apps) {
            if (app.isGateway()) {
                continue;
            }
            applicationProperties(app).forEach((key, value) -> {
                String k = key.toString();
                if (k.startsWith("mp.messaging.") && (k.endsWith(".topic") || k.endsWith(".dead-letter-queue.topic"))) {
                    used.add(value.toString());
                }
                // A channel reading several topics names them in one comma-separated list (performance's "events").
                if (k.startsWith("mp.messaging.incoming.") && k.endsWith(".topics")) {
                    for (String topic : value.toString().split(",")) {
                        used.add(topic.trim());
                    }
                }
            });
        }
        for (String topic : used) {
            if (!topics.containsKey(topic)) {
                problems.add("topic " + topic + " is used but no KafkaTopic declares it");
            }
        }
        for (ObjectNode topic : topics.values()) {
            if (!topic.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(ManifestGenerator.KAFKA)) {
                problems.add(Rendered.id(topic) + ": not labelled for cluster " + ManifestGenerator.KAFKA);
            }
        }
    }

    /** The flows deploy/README.md promises, and no others (NetworkPolicyFlows). */
    void networkFlows() {
        problems.addAll(new NetworkPolicyFlows(rendered, apps).check());
    }

    static List<App> appsOf(Rendered rendered) {
        List<App> found = new ArrayList<>();
        for (App app : App.ALL) {
            if (rendered.find("Deployment", app.name()).isPresent()) {
                found.add(app);
            }
        }
        return found;
    }
}
