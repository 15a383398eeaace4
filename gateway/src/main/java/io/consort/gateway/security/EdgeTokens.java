package io.consort.gateway.security;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
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

    private final Jwks keys;
    private final JwtConsumer consumer;

    public EdgeTokens(Jwks keys, String issuer, String audience, Duration clockSkew) {
        this.keys = keys;
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
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Bearer") || authorization.substring(space + 1).isBlank()) {
            return Future.failedFuture(new Refused("Only bearer tokens are accepted."));
        }
        return verify(authorization.substring(space + 1).trim());
    }

    /** The caller the token stands for, or a failed future with a {@link Refused}. */
    public Future<Caller> verify(String token) {
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
        JwtClaims claims;
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
            return Caller.subject(subject);
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

    public Jwks keys() {
        return keys;
    }
}
