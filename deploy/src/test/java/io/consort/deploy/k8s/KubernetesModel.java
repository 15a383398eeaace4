package io.consort.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds with a Java model on Maven Central, parsed strictly into it: the built-in ones into fabric8's
 * Kubernetes model, Strimzi's into its own API model (the classes its CRDs are generated from), the
 * Prometheus operator's into fabric8's monitoring model. A wrong type fails to parse, and a field the model
 * does not know (these models keep such fields aside instead of failing) is reported with its path, as the
 * API server's strict field validation would refuse it.
 */
final class KubernetesModel {

    static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);

    static {
        // The API server takes no number or boolean where a string belongs (a label value, an env value,
        // ConfigMap data): `true` unquoted is an error there, not "true".
        MAPPER.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    private KubernetesModel() {
    }

    /** Whether a Java model judges this kind (else deploy/k8s/schemas must). */
    static boolean isModelled(JsonNode object) {
        return KINDS.containsKey(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
    }

    /** Problems of a built-in object; for a custom resource, of its metadata only. */
    static List<String> validate(JsonNode object) {
        List<String> problems = new ArrayList<>();
        String id = Rendered.id(object);
        Class<? extends KubernetesResource> type = KINDS.get(object.path("apiVersion").asText() + "/"
                + object.path("kind").asText());
        try {
            Object parsed = type == null ? MAPPER.treeToValue(object.path("metadata"), ObjectMeta.class)
                    : MAPPER.treeToValue(object, type);
            unknownFields(parsed, type == null ? "metadata" : "", problems, id, new IdentityHashMap<>());
        } catch (Exception e) {
            String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? " at " + mapping.getPathReference() : "";
            problems.add(id + ": does not parse as " + (type == null ? "ObjectMeta" : type.getSimpleName()) + where
                    + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems, String id,
            Map<Object, Boolean> seen) throws ReflectiveOperationException {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, id, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), problems, id, seen);
            }
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (getter.invoke(value) instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    for (Object key : extra.keySet()) {
                        problems.add(id + ": unknown field " + (path.isEmpty() ? "" : path + ".") + key);
                    }
                }
                continue;
            }
            // Not a field of the resource (a custom resource's derived names and the like).
            if (getter.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)) {
                continue;
            }
            Object field = getter.invoke(value);
            if (field != null && !(field instanceof String) && !field.getClass().isPrimitive()
                    && !(field instanceof Number) && !(field instanceof Boolean)) {
                String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(field, path.isEmpty() ? name : path + "." + name, problems, id, seen);
            }
        }
    }

    static Set<String> kinds() {
        return KINDS.keySet();
    }
}
