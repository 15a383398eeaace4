package io.consort.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.jose4j.json.JsonUtil;

/**
 * Checks a bearer token at the edge: its signature against the realm's keys ({@link Jwks}), its issuer, its
 * audience and its expiry (with a small clock skew), by jose4j, the library Quarkus's own JWT support is built
 * on. A token naming a key the gateway has not seen makes it fetch the realm's keys again before deciding.
 */
public final class EdgeTokens {

    /** Why a token was refused, in words fit for {@code WWW-Authenticate}'s {@code error_description}. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final AlgorithmConstraints ASYMMETRIC_ONLY = new AlgorithmConstraints(ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512);

    /** The realm's keys could not be fetched even once: no token can be checked, which is not the token's fault. */
    public static final class KeysUnavailable extends RuntimeException {
        KeysUnavailable() {
            super("the realm's signing keys are unavailable", null, false, false);
        }
    }

    /** A token that passed every check: whom it stands for, until when, and against which key set it was checked. */
    private record Verified(Caller caller, long expiresAtSeconds, long keysVersion) {
    }

    private final Jwks keys;
    private final JwtConsumer consumer;
    private final long clockSkewSeconds;
    /**
     * Tokens that passed, by their whole compact form: a client sends the same token with every call until it
     * expires, and checking its RS256 signature again each time is most of what the edge check costs. A
     * remembered token still counts as verified only before its {@code exp} (plus the clock skew) and only while
     * the realm's key set is the one it was checked against. Refusals are not remembered.
     */
    private final Cache<String, Verified> verified;
    private final LongSupplier epochSeconds;
    private final LongAdder signatureChecks = new LongAdder();

    public EdgeTokens(Jwks keys, String issuer, String audience, Duration clockSkew) {
        this(keys, issuer, audience, clockSkew, 4096, () -> System.currentTimeMillis() / 1000);
    }

    public EdgeTokens(Jwks keys, String issuer, String audience, Duration clockSkew, int verifiedTokens, LongSupplier epochSeconds) {
        this.keys = keys;
        this.clockSkewSeconds = clockSkew.toSeconds();
        this.epochSeconds = epochSeconds;
        // Housekeeping on the calling thread (see RateLimits): no hand-off to the common pool on the request path.
        this.verified = verifiedTokens <= 0 ? null : Caffeine.newBuilder().maximumSize(verifiedTokens).executor(Runnable::run).build();
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) clockSkew.toSeconds())
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setJwsAlgorithmConstraints(ASYMMETRIC_ONLY)
                .setVerificationKeyResolver((jws, nesting) -> resolve(jws.getKeyIdHeaderValue()))
                .build();
    }

    /** The caller an {@code Authorization} header stands for, or a failed future with a {@link Refused}. */
    public Future<Caller> authenticate(String authorization) {
        if (authorization == null) {
            return Future.failedFuture(new Refused(null));
        }
        int space = authorization.indexOf(' ');
        if (space != "Bearer".length() || !authorization.regionMatches(true, 0, "Bearer", 0, space)) {
            return Future.failedFuture(new Refused("Only bearer tokens are accepted."));
        }
        String token = authorization.substring(space + 1).trim();
        if (token.isEmpty()) {
            return Future.failedFuture(new Refused("Only bearer tokens are accepted."));
        }
        return verify(token);
    }

    /** The caller the token stands for, or a failed future with a {@link Refused}. */
    public Future<Caller> verify(String token) {
        Verified known = verified == null ? null : verified.getIfPresent(token);
        if (known != null) {
            if (known.keysVersion() == keys.version() && !keys.stale() && epochSeconds.getAsLong() <= known.expiresAtSeconds() + clockSkewSeconds) {
                return Future.succeededFuture(known.caller());
            }
            verified.invalidate(token);
        }
        String kid;
        try {
            kid = keyId(token);
        } catch (RuntimeException | JoseException e) {
            return Future.failedFuture(new Refused("The token is not a signed JWT."));
        }
        if (keys.stale() || keys.find(kid).isEmpty()) {
            return keys.refresh().map(v -> {
                if (keys.size() == 0) {
                    throw new KeysUnavailable();
                }
                return check(token);
            });
        }
        try {
            return Future.succeededFuture(check(token));
        } catch (Refused e) {
            return Future.failedFuture(e);
        }
    }

    private Caller check(String token) {
        long keysVersion = keys.version();
        JwtClaims claims;
        signatureChecks.increment();
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new Refused(reason(e));
        }
        try {
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                subject = claims.getStringClaimValue("azp");
            }
            if (subject == null || subject.isBlank()) {
                throw new Refused("The token names neither a subject nor a client.");
            }
            Caller caller = Caller.subject(subject);
            if (verified != null) {
                // The consumer requires an expiry, so there is one.
                verified.put(token, new Verified(caller, claims.getExpirationTime().getValue(), keysVersion));
            }
            return caller;
        } catch (MalformedClaimException e) {
            throw new Refused("The token's subject is malformed.");
        }
    }

    private Key resolve(String kid) throws UnresolvableKeyException {
        return keys.find(kid).map(k -> k.getKey())
                .orElseThrow(() -> new UnresolvableKeyException("no signing key " + kid));
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "The token has expired.";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "The token is not meant for this API.";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "The token was not issued by this realm.";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "The token is not valid yet.";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "The token has no expiry.";
        }
        if (e.getCause() instanceof UnresolvableKeyException) {
            return "The token is signed by a key this realm does not have.";
        }
        return "The token's signature is not valid.";
    }

    /** The {@code kid} of a compact JWS's header, read without verifying anything. */
    private static String keyId(String token) throws JoseException {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.indexOf('.', dot + 1) < 0) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        Map<String, Object> fields = JsonUtil.parseJson(header);
        Object kid = fields.get("kid");
        return kid instanceof String s ? s : null;
    }

    /** How many tokens had their signature and claims checked (a remembered token's later calls are not counted). */
    public long signatureChecks() {
        return signatureChecks.sum();
    }

    public Jwks keys() {
        return keys;
    }
}
