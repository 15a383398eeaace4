package io.consort.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the rendered NetworkPolicies as a cluster would (ingress rules: pod and namespace selectors by
 * matchLabels, ports by number) for every pair of the suite's pods and outside namespaces, and compares what
 * they let through with what should be:
 * <ul>
 * <li>from the ingress controller's namespace: the gateway and Keycloak only;</li>
 * <li>the gateway: each service, nothing else;</li>
 * <li>a service: PostgreSQL and Keycloak (and Kafka, through Strimzi's own policy from the Kafka listener's
 * peers, checked separately), no other service;</li>
 * <li>Keycloak (and its realm-import Job): its database; Keycloak's own instances; PostgreSQL's instances: each other;</li>
 * <li>every app: the OpenTelemetry Collector's OTLP ports;</li>
 * <li>Prometheus' namespace: the metrics ports; the CloudNativePG operator's: the instances' status port;</li>
 * <li>any other namespace: nothing.</li>
 * </ul>
 */
final class NetworkPolicyFlows {

    record Pod(String name, String namespace, JsonNode labels, Set<Integer> ports) {
    }

    private final Rendered rendered;
    private final List<App> apps;
    private final String namespace;

    NetworkPolicyFlows(Rendered rendered, List<App> apps) {
        this.rendered = rendered;
        this.apps = apps;
        this.namespace = rendered.ofKind("Deployment").stream().findFirst()
                .map(d -> d.path("metadata").path("namespace").asText("default")).orElse("default");
    }

    private static JsonNode labels(String... keysAndValues) {
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            labels.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return labels;
    }

    List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        for (App app : apps) {
            rendered.find("Deployment", app.name()).ifPresent(d -> pods.add(new Pod(app.name(), namespace,
                    d.path("spec").path("template").path("metadata").path("labels"), Set.of(app.port()))));
        }
        pods.add(new Pod("keycloak", namespace, labels("app", "keycloak", "app.kubernetes.io/instance",
                ManifestGenerator.KEYCLOAK, "app.kubernetes.io/managed-by", "keycloak-operator"), Set.of(8080, 7800, 9000)));
        rendered.find("Deployment", "otel-collector").ifPresent(d -> pods.add(new Pod("otel-collector", namespace,
                d.path("spec").path("template").path("metadata").path("labels"), Set.of(4317, 4318, 13133))));
        // The operator's realm-import Job: Keycloak's pod template, relabelled so it is no server.
        pods.add(new Pod("keycloak-realm-import", namespace, labels("app", "keycloak-realm-import",
                "app.kubernetes.io/instance", ManifestGenerator.KEYCLOAK, "app.kubernetes.io/managed-by",
                "keycloak-operator"), Set.of()));
        pods.add(new Pod("postgres", namespace, labels("cnpg.io/cluster", ManifestGenerator.POSTGRES,
                "cnpg.io/instanceRole", "primary"), Set.of(5432, 8000, 9187)));
        return pods;
    }

    /** Outside namespaces, each with one pod of no particular labels. */
    static final List<String> OUTSIDE = List.of("ingress-nginx", "monitoring", "cnpg-system", "elsewhere");

    /** Every flow that should be let through, as "source -> target:port". */
    private Set<String> expected() {
        Set<String> flows = new TreeSet<>();
        allow(flows, "ingress-nginx", "gateway:8080", "keycloak:8080");
        allow(flows, "monitoring", "keycloak:9000", "postgres:9187");
        allow(flows, "cnpg-system", "postgres:8000");
        allow(flows, "keycloak", "postgres:5432", "keycloak:7800");
        allow(flows, "keycloak-realm-import", "postgres:5432");
        allow(flows, "postgres", "postgres:5432");
        for (App app : apps) {
            allow(flows, "monitoring", app.name() + ":" + app.port());
            allow(flows, app.name(), "otel-collector:4317", "otel-collector:4318");
            if (app.isGateway()) {
                apps.stream().filter(a -> !a.isGateway()).forEach(a -> allow(flows, app.name(), a.name() + ":" + a.port()));
            } else {
                allow(flows, app.name(), "postgres:5432", "keycloak:8080");
            }
        }
        return flows;
    }

    private static void allow(Set<String> flows, String source, String... targets) {
        for (String target : targets) {
            flows.add(source + " -> " + target);
        }
    }

    List<String> check() {
        List<String> problems = new ArrayList<>();
        List<Pod> targets = pods();
        Map<String, Pod> sources = new LinkedHashMap<>();
        targets.forEach(p -> sources.put(p.name(), p));
        OUTSIDE.forEach(ns -> sources.put(ns, new Pod(ns, ns, labels(), Set.of())));
        Set<String> expected = expected();
        for (Pod source : sources.values()) {
            for (Pod target : targets) {
                for (int port : target.ports()) {
                    String flow = target.name() + ":" + port;
                    boolean allowed = allowed(source, target, port, problems);
                    if (allowed != expected.contains(source.name() + " -> " + flow)) {
                        problems.add("NetworkPolicy: " + source.name() + " -> " + flow + (allowed
                                ? " is let through but should not be" : " is refused but should be let through"));
                    }
                }
            }
        }
        kafkaPeers(targets, problems);
        return problems;
    }

    /** Strimzi writes the client listener's policy from networkPolicyPeers: exactly the services. */
    private void kafkaPeers(List<Pod> pods, List<String> problems) {
        for (ObjectNode kafka : rendered.ofKind("Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                JsonNode peers = listener.path("networkPolicyPeers");
                if (peers.isMissingNode() || peers.isEmpty()) {
                    problems.add(Rendered.id(kafka) + ": listener " + listener.path("name").asText()
                            + " has no networkPolicyPeers, so every pod may reach Kafka");
                    continue;
                }
                for (Pod pod : pods) {
                    boolean reaches = false;
                    for (JsonNode peer : peers) {
                        reaches |= peerMatches(peer, new Pod(pod.name(), pod.namespace(), pod.labels(), Set.of()),
                                namespace, problems);
                    }
                    boolean service = apps.stream().anyMatch(a -> a.name().equals(pod.name()) && !a.isGateway());
                    if (reaches != service) {
                        problems.add("Kafka listener " + listener.path("name").asText() + ": " + pod.name()
                                + (reaches ? " may connect but is no service" : " is a service but may not connect"));
                    }
                }
            }
        }
    }

    private boolean allowed(Pod source, Pod target, int port, List<String> problems) {
        boolean selected = false;
        for (ObjectNode policy : rendered.ofKind("NetworkPolicy")) {
            String policyNamespace = policy.path("metadata").path("namespace").asText("default");
            if (!policyNamespace.equals(target.namespace())
                    || !selects(policy.path("spec").path("podSelector"), target.labels(), problems)) {
                continue;
            }
            if (!policy.path("spec").path("policyTypes").toString().contains("Ingress")
                    && policy.path("spec").path("ingress").isMissingNode()) {
                continue;
            }
            selected = true;
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                boolean portMatches = rule.path("ports").isEmpty();
                for (JsonNode p : rule.path("ports")) {
                    portMatches |= p.path("port").asInt(-1) == port;
                }
                boolean peerMatches = rule.path("from").isEmpty();
                for (JsonNode peer : rule.path("from")) {
                    peerMatches |= peerMatches(peer, source, policyNamespace, problems);
                }
                if (portMatches && peerMatches) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean peerMatches(JsonNode peer, Pod source, String policyNamespace, List<String> problems) {
        if (peer.has("ipBlock")) {
            problems.add("NetworkPolicy: ipBlock peers are not evaluated here; use selectors");
            return false;
        }
        boolean namespaceOk = peer.has("namespaceSelector")
                ? selects(peer.path("namespaceSelector"), labels("kubernetes.io/metadata.name", source.namespace()), problems)
                : source.namespace().equals(policyNamespace);
        boolean podOk = !peer.has("podSelector") || selects(peer.path("podSelector"), source.labels(), problems);
        return namespaceOk && podOk;
    }

    private static boolean selects(JsonNode selector, JsonNode labels, List<String> problems) {
        if (selector.has("matchExpressions")) {
            problems.add("NetworkPolicy: matchExpressions are not evaluated here; use matchLabels");
            return false;
        }
        for (var entry : selector.path("matchLabels").properties()) {
            if (!labels.path(entry.getKey()).asText("\u0000").equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
