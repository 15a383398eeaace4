package io.consort.integration.delivery;

/**
 * What one attempt came to: the receiver's status code (null when no answer came: refused address,
 * connection failure, timeout), how long it took, and what went wrong (with the start of the answer's body).
 */
public record Outcome(Integer statusCode, int durationMillis, String error) {

    /** Longest error text kept in the log. */
    static final int MAX_ERROR = 1000;

    public static Outcome answered(int statusCode, int durationMillis, String body) {
        if (statusCode >= 200 && statusCode < 300) {
            return new Outcome(statusCode, durationMillis, null);
        }
        String error = "the endpoint answered " + statusCode + (body == null || body.isBlank() ? "" : ": " + body);
        return new Outcome(statusCode, durationMillis, truncate(error));
    }

    public static Outcome noAnswer(int durationMillis, String error) {
        return new Outcome(null, durationMillis, truncate(error));
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410 Gone: the receiver says the endpoint is no more; the subscription is disabled. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
