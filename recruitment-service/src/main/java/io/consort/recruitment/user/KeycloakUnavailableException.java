package io.consort.recruitment.user;

/** Keycloak could not be reached or failed in a way that may pass (5xx, timeout, bad credentials): retry later. */
class KeycloakUnavailableException extends RuntimeException {

    KeycloakUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
