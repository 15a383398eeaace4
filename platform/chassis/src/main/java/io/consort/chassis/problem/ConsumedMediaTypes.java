package io.consort.chassis.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the endpoint at a path takes, for a 415 that names it. RESTEasy refuses the content type
 * while it selects the method, before any resource method is known to the exception mapper, so the
 * endpoints' {@code @Consumes} are indexed once from the resource classes (which Quarkus makes beans).
 */
final class ConsumedMediaTypes {

    private record Endpoint(String method, Pattern path, List<String> consumes) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private static volatile List<Endpoint> endpoints;

    private ConsumedMediaTypes() {
    }

    /** The media types the endpoint for {@code method} at {@code path} takes; empty when unknown. */
    static Set<String> of(String method, String path) {
        Set<String> types = new LinkedHashSet<>();
        for (Endpoint e : index()) {
            if (e.method().equals(method) && e.path().matcher(path).matches()) {
                types.addAll(e.consumes());
            }
        }
        return types;
    }

    private static List<Endpoint> index() {
        List<Endpoint> known = endpoints;
        if (known == null) {
            known = build();
            endpoints = known;
        }
        return known;
    }

    private static List<Endpoint> build() {
        List<Endpoint> found = new ArrayList<>();
        if (Arc.container() == null) {
            return found;
        }
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            Consumes classConsumes = type.getAnnotation(Consumes.class);
            for (Method m : type.getMethods()) {
                String httpMethod = httpMethod(m);
                if (httpMethod == null) {
                    continue;
                }
                Consumes consumes = m.getAnnotation(Consumes.class) != null ? m.getAnnotation(Consumes.class)
                        : classConsumes;
                List<String> types = consumes == null ? List.of(MediaType.APPLICATION_JSON)
                        : List.of(consumes.value());
                Path methodPath = m.getAnnotation(Path.class);
                String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                found.add(new Endpoint(httpMethod, regex(template), types));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append('(').append(m.group(1) == null ? "[^/]+" : m.group(1).trim()).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex + "/?");
    }
}
