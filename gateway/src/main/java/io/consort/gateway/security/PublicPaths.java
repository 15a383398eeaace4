package io.consort.gateway.security;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The calls that pass the edge without a bearer token: what an applicant, a prospect filling a lead form, a
 * reader of the public partner directory and a tracked link's visitor do. Everything else under the routes needs
 * a valid token. The gateway's own documents ({@code /q/openapi}, {@code /q/swagger-ui}) are not proxied and need
 * none either. Each service still checks every call itself; this list only decides what the edge lets through.
 */
public final class PublicPaths {

    private record Rule(HttpMethod method, Pattern path) {
        boolean matches(HttpMethod m, String p) {
            return (method == null || method.equals(m)) && path.matcher(p).matches();
        }
    }

    private static final String SEGMENT = "[^/]+";

    private static final List<Rule> RULES = List.of(
            // Applying to a program, and withdrawing an application with the secret the applicant was given.
            new Rule(HttpMethod.POST, Pattern.compile("/api/v1/applications")),
            new Rule(HttpMethod.POST, Pattern.compile("/api/v1/applications/" + SEGMENT + "/withdraw")),
            // The public partner directory, read only.
            new Rule(HttpMethod.GET, Pattern.compile("/api/v1/partner-directory(/.*)?")),
            new Rule(HttpMethod.HEAD, Pattern.compile("/api/v1/partner-directory(/.*)?")),
            // A tracked link, followed from a mail or a partner's page.
            new Rule(HttpMethod.GET, Pattern.compile("/t/" + SEGMENT)),
            new Rule(HttpMethod.HEAD, Pattern.compile("/t/" + SEGMENT)),
            // A campaign's public lead form.
            new Rule(HttpMethod.POST, Pattern.compile("/api/v1/forms/" + SEGMENT)));

    private PublicPaths() {
    }

    public static boolean isPublic(HttpMethod method, String path) {
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                return true;
            }
        }
        return false;
    }
}
