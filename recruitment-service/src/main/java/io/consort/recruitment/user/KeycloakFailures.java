package io.consort.recruitment.user;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Sorts Keycloak's failures into "try again later" and "give up". Only an answer saying the request
 * itself is wrong (400, 422: the user profile rejects a name or an address) is final; anything else —
 * no answer, 5xx, 429, and also 401/403/404, which mean the service account or the realm is not set up
 * as deploy/keycloak/realm-prm.json says — is retried, so fixing the setup is enough to let every
 * pending login through.
 */
final class KeycloakFailures {

    private KeycloakFailures() {
    }

    static boolean isFinal(int status) {
        return status == 400 || status == 422;
    }

    /** The failure of {@code what} that Keycloak answered with {@code status}. */
    static RuntimeException forStatus(String what, int status, String detail) {
        String message = "Keycloak answered " + status + " to " + what + (detail == null || detail.isBlank() ? ""
                : ": " + detail);
        return isFinal(status) ? new KeycloakRefusedException(message)
                : new KeycloakUnavailableException(message, null);
    }

    /** The failure behind an exception of the admin client: an HTTP answer if there was one, else no answer. */
    static RuntimeException translate(String what, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                return forStatus(what, w.getResponse().getStatus(), bodyOf(w.getResponse()));
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return new KeycloakUnavailableException("Keycloak did not answer " + what + " (" + reason + ")", e);
    }

    /** Keycloak's error text, short; never fails (the body may be gone or not text). */
    static String bodyOf(Response response) {
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                return body == null ? null : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            }
        } catch (RuntimeException e) {
            // Only a diagnosis is lost.
        }
        return null;
    }
}
