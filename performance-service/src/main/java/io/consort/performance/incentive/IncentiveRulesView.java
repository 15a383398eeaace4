package io.consort.performance.incentive;

import io.consort.performance.domain.IncentiveRules;
import io.consort.performance.domain.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of the incentive rules. */
@Schema(name = "IncentiveRules", description = "Rebates by tier with quarterly caps, and bonuses",
        example = "{\"rebatePercentByTier\": {\"GOLD\": 4}, \"rebateCapPerPeriodByTier\": {\"GOLD\": 50000}, "
                + "\"certificationBonus\": {\"amount\": \"250.00\", \"currency\": \"EUR\"}, "
                + "\"firstDealBonus\": {\"amount\": \"1000.00\", \"currency\": \"EUR\"}}")
public record IncentiveRulesView(
        @Schema(required = true, description = "Percent of won revenue by the tier held on the close date (missing: 0)",
                example = "{\"GOLD\": 4}") @NotNull Map<String, @NotNull BigDecimal> rebatePercentByTier,
        @Schema(required = true, description = "Most rebate per quarter by tier, base currency (missing: no cap)",
                example = "{\"GOLD\": 50000}") @NotNull Map<String, @NotNull BigDecimal> rebateCapPerPeriodByTier,
        @Schema(required = true) @NotNull @Valid Money certificationBonus,
        @Schema(required = true) @NotNull @Valid Money firstDealBonus) {

    static IncentiveRulesView of(IncentiveRules r, String currency) {
        return new IncentiveRulesView(new TreeMap<>(r.rebatePercentByTier()), new TreeMap<>(r.rebateCapPerPeriodByTier()),
                Money.of(r.certificationBonus(), currency), Money.of(r.firstDealBonus(), currency));
    }

    IncentiveRules toRules() {
        return new IncentiveRules(rebatePercentByTier, rebateCapPerPeriodByTier, certificationBonus.amount(),
                firstDealBonus.amount());
    }
}
