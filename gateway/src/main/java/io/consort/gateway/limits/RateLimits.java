package io.consort.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.consort.gateway.security.Caller;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Per-client rate limits: one Bucket4j token bucket per (rule, client), the client being the token's subject
 * or, on a public path without a token, the client's address. A request takes the most specific rule that
 * matches its path (and method, if the rule names one) and its caller (a rule may count only calls to public
 * operations, made without a token); without one, the limit for signed-in or anonymous callers. Buckets of clients that went quiet are dropped (Caffeine, expiring after twice the longest period),
 * so a scan from many addresses cannot grow the table without bound.
 */
public final class RateLimits {

    /** {@code limit} requests per {@code period}, refilled smoothly. */
    public record Limit(String name, long limit, Duration period) {
        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(limit).refillGreedy(limit, period).build();
        }
    }

    /**
     * A limit for a path prefix (whole segments), optionally for one method only, and optionally for anonymous callers
     * only ({@code publicOnly}: the stricter limit of a public write such as {@code POST /api/v1/applications}, which
     * must not hold a signed-in manager approving applications under the same prefix to 10 a minute).
     */
    public record Rule(Limit limit, String prefix, HttpMethod method, boolean publicOnly) {
        public Rule(Limit limit, String prefix, HttpMethod method) {
            this(limit, prefix, method, false);
        }

        boolean matches(HttpMethod m, String path, Caller caller) {
            return (method == null || method.equals(m)) && !(publicOnly && caller.authenticated())
                    && (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
        }
    }

    /** The outcome, with what the {@code RateLimit-*} headers and a 429's {@code Retry-After} say. */
    public record Decision(boolean allowed, Limit limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final Limit authenticated;
    private final Limit anonymous;
    private final List<Rule> rules;
    private final Cache<String, Bucket> buckets;

    public RateLimits(Limit authenticated, Limit anonymous, List<Rule> rules, long maxClients) {
        this.authenticated = authenticated;
        this.anonymous = anonymous;
        // Longest prefix first; of two equal prefixes, the one naming a method first.
        this.rules = rules.stream()
                .sorted(Comparator.comparingInt((Rule r) -> r.prefix().length()).reversed()
                        .thenComparing(r -> r.method() == null))
                .toList();
        Duration longest = rules.stream().map(r -> r.limit().period()).reduce(
                authenticated.period().compareTo(anonymous.period()) > 0 ? authenticated.period() : anonymous.period(),
                (a, b) -> a.compareTo(b) > 0 ? a : b);
        // Housekeeping (expiry, eviction) on the calling event loop, a few entries at a time, rather than handed to the
        // common fork-join pool: a hand-off to another thread (and its wake-up) that every few requests paid.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longest.multipliedBy(2)).maximumSize(maxClients)
                .executor(Runnable::run).build();
    }

    public Decision check(HttpMethod method, String path, Caller caller) {
        Limit limit = limitFor(method, path, caller);
        Bucket bucket = buckets.get(limit.name() + "|" + caller.key(), k -> Bucket.builder().addLimit(limit.bandwidth()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, limit, probe.getRemainingTokens(), reset, 0);
        }
        return new Decision(false, limit, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    Limit limitFor(HttpMethod method, String path, Caller caller) {
        for (Rule rule : rules) {
            if (rule.matches(method, path, caller)) {
                return rule.limit();
            }
        }
        return caller.authenticated() ? authenticated : anonymous;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** A rule's method from configuration: empty or {@code *} for any. */
    public static HttpMethod method(String configured) {
        return configured == null || configured.isBlank() || configured.equals("*") ? null
                : HttpMethod.valueOf(configured.trim().toUpperCase(Locale.ROOT));
    }
}
