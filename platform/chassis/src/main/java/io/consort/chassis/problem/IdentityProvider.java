package io.consort.chassis.problem;

import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Tells an unreachable identity provider (Keycloak) apart from bad credentials. */
final class IdentityProvider {

    /** Keycloak restarts in well under a minute; clients should not hammer it meanwhile. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private IdentityProvider() {
    }

    /**
     * True when verifying a token failed because the keys (or another OIDC endpoint) could not be
     * fetched: no connection, a timeout, or Keycloak answering 5xx.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (t instanceof OidcEndpointAccessException access && access.getErrorStatus() >= 500) {
                return true;
            }
        }
        return false;
    }
}
