package io.consort.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in kinds, parsed strictly into fabric8's Kubernetes model: a wrong type fails to parse, and a
 * field the model does not know (fabric8 keeps those in additionalProperties instead of failing) is reported
 * with its path, as the API server's strict field validation would refuse it.
 */
final class KubernetesModel {

    static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private KubernetesModel() {
    }

    static boolean isBuiltIn(JsonNode object) {
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
            problems.add(id + ": does not parse as " + (type == null ? "ObjectMeta" : type.getSimpleName()) + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
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
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    for (Object key : extra.keySet()) {
                        problems.add(id + ": unknown field " + (path.isEmpty() ? "" : path + ".") + key);
                    }
                }
                continue;
            }
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
