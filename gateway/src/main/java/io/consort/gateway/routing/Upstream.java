package io.consort.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** A service behind the gateway: where to connect. The request's path and query are sent unchanged. */
public record Upstream(String name, String scheme, String host, int port) {

    public static Upstream parse(String name, String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("upstream " + name + ": '" + url + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("upstream " + name + ": '" + url + "' must be an http or https URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("upstream " + name + ": '" + url + "' has no host");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            // A base path would mean rewriting every request path; services serve the public paths themselves.
            throw new IllegalArgumentException("upstream " + name + ": '" + url + "' must not have a path or query");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Upstream(name, scheme, uri.getHost(), port);
    }

    public boolean ssl() {
        return scheme.equals("https");
    }

    /** How this upstream may name itself in an absolute {@code Location}: with its port, and without it when it is the default. */
    public List<String> origins() {
        String withPort = scheme + "://" + host + ":" + port;
        boolean defaultPort = port == (ssl() ? 443 : 80);
        return defaultPort ? List.of(withPort, scheme + "://" + host) : List.of(withPort);
    }
}
