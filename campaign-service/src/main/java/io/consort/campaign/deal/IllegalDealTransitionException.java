package io.consort.campaign.deal;

/** An action the registration's state does not allow; the service answers it with a 409 problem. */
public class IllegalDealTransitionException extends RuntimeException {

    public IllegalDealTransitionException(String message) {
        super(message, null, false, false);
    }
}
