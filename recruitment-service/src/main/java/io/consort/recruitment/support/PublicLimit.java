package io.consort.recruitment.support;

/**
 * The per-client limits of the public endpoints, each configured as
 * {@code consort.recruitment.<name>.rate-limit.capacity} and {@code ...refill-per-minute}. A closed set
 * so that an endpoint cannot name a limit that does not exist, and {@link ClientRateLimiter} reads every
 * limit's configuration at startup: a missing value stops the service from starting instead of failing
 * the endpoint's first call.
 */
public enum PublicLimit {

    /** {@code POST /api/v1/applications}. */
    APPLICATIONS("applications"),
    /** {@code GET /api/v1/partner-directory}. */
    PARTNER_DIRECTORY("partner-directory");

    private final String configName;

    PublicLimit(String configName) {
        this.configName = configName;
    }

    /** The prefix of this limit's configuration properties. */
    public String configPrefix() {
        return "consort.recruitment." + configName + ".rate-limit.";
    }
}
