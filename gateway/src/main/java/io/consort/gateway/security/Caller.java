package io.consort.gateway.security;

/**
 * Who a request comes from, as far as the edge knows: a verified token's subject (or, for a token without one,
 * its client), or for a public path without a token the client's address. {@code key} identifies the client for
 * rate limits.
 */
public record Caller(String key, boolean authenticated) {

    public static Caller subject(String subject) {
        return new Caller("sub:" + subject, true);
    }

    public static Caller anonymous(String address) {
        return new Caller("ip:" + address, false);
    }
}
