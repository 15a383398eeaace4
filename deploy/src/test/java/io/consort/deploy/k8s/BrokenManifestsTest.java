package io.consort.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broken manifest fails the build: an overlay of the dev overlay with one mistake of each kind is rendered
 * as {@code kubectl apply -k} would, and the checks name every mistake.
 */
class BrokenManifestsTest {

    static List<String> problems;

    @BeforeAll
    static void renderBrokenOverlay() {
        Rendered broken = Fixture.render("broken", Map.of(
                "kustomization.yaml", """
                        namespace: consort
                        bases:
                          - %s/overlays/dev
                        resources:
                          - extra.yaml
                        patchesStrategicMerge:
                          - breakage.yaml
                        images:
                          - name: consort/campaign-service
                            newTag: 0.0.1
                        """.formatted(Fixture.K8S),
                "extra.yaml", """
                        apiVersion: v1
                        kind: Service
                        metadata:
                          name: orphan
                          labels:
                            app.kubernetes.io/name: orphan
                        spec:
                          selector:
                            app.kubernetes.io/name: orphan
                          ports:
                            - port: 80
                              targetPort: http
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata:
                          name: recruitment-open
                        spec:
                          podSelector:
                            matchLabels:
                              app.kubernetes.io/name: recruitment
                          policyTypes:
                            - Ingress
                          ingress:
                            - {}
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        metadata:
                          name: stray
                        spec:
                          ingressClassName: nginx
                          rules:
                            - host: stray.consort.example
                              http:
                                paths:
                                  - path: /
                                    pathType: Prefix
                                    backend:
                                      service:
                                        name: gateway
                                        port:
                                          number: 80
                        """,
                "breakage.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: recruitment
                        spec:
                          template:
                            spec:
                              containers:
                                - name: recruitment
                                  readinesProbe:
                                    periodSeconds: 5
                                  env:
                                    - name: PRM_RECRUITMENT_PORT
                                      value: "9999"
                                    - name: EXTRA_TOKEN
                                      valueFrom:
                                        secretKeyRef:
                                          name: consort-extra
                                          key: token
                        ---
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: campaign
                        spec:
                          template:
                            spec:
                              containers:
                                - name: campaign
                                  env:
                                    - name: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT
                                      value: http://otel-collector:4318
                        ---
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: integration
                        spec:
                          template:
                            spec:
                              containers:
                                - name: integration
                                  env:
                                    - name: QUARKUS_OTEL_SDK_DISABLED
                                      value: "true"
                        ---
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: community
                        spec:
                          template:
                            spec:
                              containers:
                                - name: community
                                  readinessProbe:
                                    httpGet:
                                      path: /health
                                  env:
                                    - name: SOMETHING
                                      valueFrom:
                                        configMapKeyRef:
                                          name: consort-environment
                                          key: nope
                                  securityContext:
                                    readOnlyRootFilesystem: false
                        ---
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: performance
                        spec:
                          replicas: two
                        ---
                        apiVersion: v1
                        kind: Service
                        metadata:
                          name: gateway
                          labels:
                            consort.io/exposed: true
                        ---
                        apiVersion: kafka.strimzi.io/v1
                        kind: KafkaTopic
                        metadata:
                          name: prm-partners
                        spec:
                          partitions: three
                        ---
                        apiVersion: kafka.strimzi.io/v1
                        kind: Kafka
                        metadata:
                          name: consort-kafka
                        spec:
                          kafka:
                            listenrs: []
                        """));
        problems = ManifestChecks.all(broken, App.ALL, true);
    }

    private static void assertFound(String... fragments) {
        assertTrue(problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains)),
                "no problem naming " + List.of(fragments) + " among:\n  " + String.join("\n  ", problems));
    }

    @Test
    void anUnknownFieldOfABuiltInKind() {
        assertFound("Deployment/recruitment", "unknown field", "readinesProbe");
    }

    @Test
    void aValueOfTheWrongType() {
        assertFound("Deployment/performance", "does not parse");
    }

    @Test
    void aLabelThatIsNoString() {
        assertFound("Service/gateway", "does not parse");
    }

    @Test
    void aCustomResourceItsOperatorRefuses() {
        assertFound("KafkaTopic/prm-partners", "partitions");
        assertFound("Kafka/consort-kafka", "listenrs");
    }

    @Test
    void aPortTheAppDoesNotListenOn() {
        assertFound("recruitment", "PRM_RECRUITMENT_PORT is 9999");
    }

    @Test
    void aProbeOnAPathTheAppDoesNotServe() {
        assertFound("community", "/health", "SmallRye Health does not serve");
    }

    @Test
    void anUndefinedConfigMapKeyAndAnUndocumentedSecret() {
        assertFound("Deployment/community", "consort-environment/nope");
        assertFound("Deployment/recruitment", "consort-extra/token", "Secrets table");
    }

    @Test
    void tracesThatGoNowhere() {
        assertFound("campaign", "http://otel-collector:4318", "OTLP/gRPC");
        assertFound("integration", "QUARKUS_OTEL_SDK_DISABLED is not false");
    }

    @Test
    void aServiceWithoutPods() {
        assertFound("Service/orphan", "selects no pods");
    }

    @Test
    void anIngressToAPortNoServiceOffers() {
        assertFound("Ingress/stray", "gateway:80");
    }

    @Test
    void aWeakenedPod() {
        assertFound("Deployment/community", "root filesystem is writable");
    }

    @Test
    void anImageTheBuildDoesNotMake() {
        assertFound("campaign", "consort/campaign-service:0.0.1", "is not the one the build makes");
    }

    @Test
    void aPolicyThatLetsTooMuchThrough() {
        assertFound("NetworkPolicy", "elsewhere -> recruitment:8081", "should not be");
        assertFound("NetworkPolicy", "ingress-nginx -> recruitment:8081", "should not be");
    }

    @Test
    void aTopicAServiceUsesWithoutItsKafkaTopic() {
        Rendered dev = Rendered.render(Repository.path("deploy/k8s/overlays/dev"));
        Rendered missing = dev.with(o -> !o.path("spec").path("topicName").asText().equals("prm.performance.dlq.recruitment"));
        List<String> found = ManifestChecks.all(missing, App.ALL, true);
        assertTrue(found.contains("topic prm.performance.dlq.recruitment is used but no KafkaTopic declares it"),
                String.join("\n", found));
    }

    @Test
    void everyOperatorsSchemaIsApplied() {
        Rendered dev = Rendered.render(Repository.path("deploy/k8s/overlays/dev"));
        // kind -> a field of its spec and a value of the wrong type for it
        Map<String, Object[]> breakages = Map.of(
                "Cluster", new Object[] {"instances", "two"}, "Database", new Object[] {"owner", 5},
                "Keycloak", new Object[] {"instances", "two"}, "KeycloakRealmImport", new Object[] {"keycloakCRName", 5},
                "KafkaNodePool", new Object[] {"replicas", "three"}, "ServiceMonitor", new Object[] {"endpoints", "x"},
                "PrometheusRule", new Object[] {"groups", "x"});
        breakages.forEach((kind, breakage) -> {
            String field = (String) breakage[0];
            ObjectNode object = dev.ofKind(kind).get(0).deepCopy();
            if (breakage[1] instanceof String text) {
                ((ObjectNode) object.path("spec")).put(field, text);
            } else {
                ((ObjectNode) object.path("spec")).put(field, (Integer) breakage[1]);
            }
            List<String> found = ManifestChecks.objectProblems(object);
            assertTrue(found.stream().anyMatch(p -> p.contains(field)), kind + "." + field + ": " + found);
        });
        ObjectNode realm = dev.ofKind("KeycloakRealmImport").get(0).deepCopy();
        ((ObjectNode) realm.path("spec").path("realm")).put("accessTokenLifespan", "five minutes");
        assertTrue(ManifestChecks.objectProblems(realm).stream().anyMatch(p -> p.contains("accessTokenLifespan")),
                "the realm itself is checked against Keycloak's RealmRepresentation");
        ObjectNode typo = dev.ofKind("KeycloakRealmImport").get(0).deepCopy();
        ((ObjectNode) typo.path("spec").path("realm").path("clients").path(0)).put("publicClent", true);
        assertTrue(ManifestChecks.objectProblems(typo).stream().anyMatch(p -> p.contains("clients[0].publicClent")),
                "a field Keycloak does not know is named: " + ManifestChecks.objectProblems(typo));
    }

    @Test
    void aKustomizationThatDoesNotRenderFailsOutright() {
        assertThrows(IllegalStateException.class, () -> Fixture.render("no-base", Map.of("kustomization.yaml",
                "bases:\n  - ../does-not-exist\n")));
    }
}
