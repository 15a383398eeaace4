package io.consort.recruitment.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class KeycloakFailuresTest {

    @Test
    void onlyARequestKeycloakCallsInvalidIsGivenUpOn() {
        assertTrue(KeycloakFailures.isFinal(400));
        assertTrue(KeycloakFailures.isFinal(422));
        for (int status : new int[] { 401, 403, 404, 408, 429, 500, 502, 503, 504 }) {
            assertInstanceOf(KeycloakUnavailableException.class, KeycloakFailures.forStatus("create login", status, null),
                    "HTTP " + status + " is retried");
        }
    }

    @Test
    void anAnswerInsideTheClientsWrappingDecidesByItsStatus() {
        RuntimeException wrapped = new ProcessingException(new WebApplicationException(400));
        RuntimeException failure = KeycloakFailures.translate("create login a@b.example", wrapped);
        assertInstanceOf(KeycloakRefusedException.class, failure);
        assertEquals("Keycloak answered 400 to create login a@b.example", failure.getMessage());
    }

    @Test
    void noAnswerAtAllIsRetriedAndSaysWhatWentWrong() {
        RuntimeException failure = KeycloakFailures.translate("create login a@b.example",
                new ProcessingException(new ConnectException("Connection refused")));
        assertInstanceOf(KeycloakUnavailableException.class, failure);
        assertEquals("Keycloak did not answer create login a@b.example (ConnectException: Connection refused)",
                failure.getMessage());
    }
}
