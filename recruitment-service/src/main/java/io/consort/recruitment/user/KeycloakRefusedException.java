package io.consort.recruitment.user;

/** Keycloak answered, and the answer will not change by asking again (the login is invalid or not ours). */
class KeycloakRefusedException extends RuntimeException {

    KeycloakRefusedException(String message) {
        super(message, null, false, false);
    }
}
