package io.consort.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the gateway is told from outside. The routing table lives under {@code upstreams}: one
 * entry per service with its base URL and the path prefixes it owns, so the table is data in
 * {@code application.properties} and any part of it can be overridden by an environment variable.
 */
@ConfigMapping(prefix = "consort.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, keyed by a short name used in metrics, logs and health data. */
    Map<String, UpstreamConfig> upstreams();

    /** Longest wait for the upstream to begin answering once the request body is sent, and the longest silence while it streams. */
    @WithDefault("30s")
    Duration requestTimeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Largest request body passed on; larger ones are answered 413 without (or while) reaching the upstream. */
    @WithDefault("256M")
    MemorySize maxBodySize();

    /** Pooled connections kept per upstream. */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    /** What a 503 tells the client to wait before retrying when the upstream refused the connection. */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * Whether {@code X-Forwarded-*} from the client are kept (and extended). Only true behind a proxy
     * that sets them itself; otherwise any client could claim any address or host.
     */
    @WithDefault("false")
    boolean trustForwardedHeaders();

    CircuitBreakerConfig circuitBreaker();

    /** How long the partner 360 waits for its sections; one not in by then is marked unavailable. */
    @WithName("partner360.deadline")
    @WithDefault("1s")
    Duration partner360Deadline();

    AuthConfig auth();

    RateLimitConfig rateLimit();

    /** Per-client rate limits: a default for signed-in callers, a stricter one for anonymous ones, and per-path rules. */
    interface RateLimitConfig {
        /** Limit per token subject on paths no rule names. */
        LimitConfig authenticated();

        /** Limit per client address on public paths no rule names. */
        LimitConfig anonymous();

        /** Per-path limits by name, e.g. {@code rules.applications.prefix=/api/v1/applications}. */
        Map<String, RuleConfig> rules();

        /** Clients whose buckets are kept at once; the least recently seen go first. */
        @WithDefault("100000")
        long maxClients();
    }

    interface LimitConfig {
        long limit();

        @WithDefault("1m")
        Duration period();
    }

    interface RuleConfig extends LimitConfig {
        /** Path prefix, whole segments. */
        String prefix();

        /** One method only; {@code *} for any. */
        @WithDefault("*")
        String method();

        /** Count only calls to public operations (made without a token, per client address); a signed-in caller is not held to it. */
        @WithDefault("false")
        boolean publicOnly();
    }

    /** How the edge checks bearer tokens: those of one realm, for one audience. */
    interface AuthConfig {
        /** The realm's issuer ({@code iss}), exactly as its tokens carry it. */
        String issuer();

        /** Where the realm publishes its signing keys (JWKS). */
        String jwksUrl();

        @WithDefault("consort-api")
        String audience();

        /** Allowed difference between the realm's clock and the gateway's for expiry and not-before. */
        @WithDefault("30s")
        Duration clockSkew();

        /** Least time between two key fetches prompted by unknown key ids. */
        @WithDefault("10s")
        Duration jwksMinRefreshInterval();

        /** Keys older than this are fetched again before the next token is checked. */
        @WithDefault("1h")
        Duration jwksMaxAge();

        /**
         * How many verified tokens to remember (0: none), so a client's next call with the same token skips the
         * signature check; each is trusted only until its own expiry and only while the realm's keys are unchanged.
         */
        @WithDefault("4096")
        int verifiedTokens();
    }

    interface UpstreamConfig {
        /** Base URL ({@code http://host:port}); no path. */
        String url();

        /** Path prefixes this upstream owns, each matched on whole segments; passed on unchanged. */
        List<String> prefixes();

        /**
         * Admin paths of this upstream ({@code /api/v1/admin/rebuild}) reached through the gateway, each at
         * {@code /api/v1/admin/<name>/...} and rewritten to the service's own path; every other admin path stays unrouted.
         */
        java.util.Optional<List<String>> adminPaths();
    }

    interface CircuitBreakerConfig {
        /** The sliding window the rates are taken over (whole seconds). */
        @WithDefault("30s")
        Duration window();

        /** Calls the window must hold before a rate can open the circuit. */
        @WithDefault("10")
        int minimumCalls();

        /** Share of failed calls (transport failures and 5xx answers), in percent, that opens the circuit. */
        @WithDefault("50")
        float failureRate();

        /** A call whose answer takes longer than this is slow. */
        @WithDefault("5s")
        Duration slowCallDuration();

        /** Share of slow calls, in percent, that opens the circuit. */
        @WithDefault("80")
        float slowCallRate();

        /** How long an open circuit answers 503 at once before letting trial requests through. */
        @WithDefault("10s")
        Duration openDuration();

        /** Trial requests let through half-open; their outcome closes or reopens the circuit. */
        @WithDefault("3")
        int halfOpenCalls();
    }
}
