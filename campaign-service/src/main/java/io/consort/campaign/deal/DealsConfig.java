package io.consort.campaign.deal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** {@code consort.campaign.deals.*}: protection windows (the default, and per program) and the expiry sweep. */
@ConfigMapping(prefix = "consort.campaign.deals")
public interface DealsConfig {

    /** Days an approval protects the partner (and a pending registration claims its customer). */
    @WithDefault("90")
    int protectionDays();

    /** Days the one extension adds. */
    @WithDefault("30")
    int extensionDays();

    /** Per program id: {@code consort.campaign.deals.programs."<programId>".protection-days=60}. */
    Map<String, Program> programs();

    /** Registrations the expiry sweep expires per transaction. */
    @WithDefault("200")
    int expiryBatchSize();

    interface Program {
        int protectionDays();

        @WithDefault("30")
        int extensionDays();
    }
}
