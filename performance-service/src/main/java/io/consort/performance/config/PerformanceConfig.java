package io.consort.performance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How performance measures: base currency, trailing window, re-evaluation sweep. */
@ConfigMapping(prefix = "consort.performance")
public interface PerformanceConfig {

    /** The currency every amount is converted to (ISO 4217). */
    @WithDefault("EUR")
    String currency();

    /** Length of the trailing window of counts and amounts (and of the "trailing-12-month" revenue). */
    @WithDefault("365")
    int windowDays();

    /** How long before a win a campaign engagement counts as influencing it. */
    @WithDefault("90")
    int influenceWindowDays();

    /** Partners marked for re-evaluation (settings changed, a day passed) taken per sweep. */
    @WithDefault("200")
    int sweepBatch();

    /** Most records of one channel applied in one transaction (the channels' {@code max.poll.records}). */
    @WithDefault("250")
    int intakeBatch();

    /**
     * Most facts kept parsed in memory, over all partners, so an evaluation reads only a partner's facts stored
     * since its last one ({@code HistoryCache}); 0 turns the cache off, a negative number (the default) sizes it
     * to a quarter of the heap at 2 KB a fact (about 16,000 facts in the deployed 128 MB heap).
     */
    @WithDefault("-1")
    long historyCacheFacts();
}
