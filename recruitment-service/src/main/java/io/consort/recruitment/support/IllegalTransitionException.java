package io.consort.recruitment.support;

/**
 * An action the entity's current state does not allow. Thrown by the domain classes (which know
 * nothing of HTTP); {@link IllegalTransitionMapper} answers it with a 409 problem.
 */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message, null, false, false);
    }
}
