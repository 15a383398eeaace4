package io.consort.campaign.mdf;

/** Two amounts of different currencies were to be added, subtracted or compared: refused, never converted. */
public class CurrencyMismatchException extends IllegalArgumentException {

    private final String expected;
    private final String actual;

    public CurrencyMismatchException(String expected, String actual) {
        super("currency mismatch: expected " + expected + ", got " + actual + "; amounts are never converted");
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
