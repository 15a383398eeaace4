package io.consort.campaign.mdf;

/** An action the fund request's or claim's state does not allow; answered with a 409 problem. */
public class IllegalMdfTransitionException extends RuntimeException {

    public IllegalMdfTransitionException(String message) {
        super(message, null, false, false);
    }
}
