package io.consort.campaign.mdf;

/** An approval that would commit or claim more than is left; answered with a 422 problem naming the remainder. */
public class InsufficientFundsException extends RuntimeException {

    private final Money remaining;

    public InsufficientFundsException(String message, Money remaining) {
        super(message, null, false, false);
        this.remaining = remaining;
    }

    public Money remaining() {
        return remaining;
    }
}
