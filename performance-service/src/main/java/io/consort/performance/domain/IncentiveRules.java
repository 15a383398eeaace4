package io.consort.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a partner earns: a rebate — a percentage of won revenue by the tier held on the close date,
 * capped per quarter by tier — a bonus per certification earned and one for the first deal won. A
 * won deal later lost has its rebate reversed in the quarter it was lost.
 */
public record IncentiveRules(Map<String, BigDecimal> rebatePercentByTier, Map<String, BigDecimal> rebateCapPerPeriodByTier,
        BigDecimal certificationBonus, BigDecimal firstDealBonus) {

    public static final String REBATE = "REBATE";
    public static final String BONUS = "BONUS";
    public static final String REVERSAL = "REVERSAL";

    public static final IncentiveRules DEFAULT = new IncentiveRules(
            Map.of("REGISTERED", BigDecimal.ZERO, "SILVER", new BigDecimal("2"), "GOLD", new BigDecimal("4"),
                    "PLATINUM", new BigDecimal("6")),
            Map.of("SILVER", new BigDecimal("10000"), "GOLD", new BigDecimal("50000"), "PLATINUM", new BigDecimal("150000")),
            new BigDecimal("250"), new BigDecimal("1000"));

    public IncentiveRules {
        rebatePercentByTier = Map.copyOf(rebatePercentByTier == null ? Map.of() : rebatePercentByTier);
        rebateCapPerPeriodByTier = Map.copyOf(rebateCapPerPeriodByTier == null ? Map.of() : rebateCapPerPeriodByTier);
        certificationBonus = certificationBonus == null ? BigDecimal.ZERO : certificationBonus;
        firstDealBonus = firstDealBonus == null ? BigDecimal.ZERO : firstDealBonus;
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        rebatePercentByTier.forEach((tier, pct) -> {
            if (pct == null || pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add("rebatePercentByTier." + tier + ": between 0 and 100");
            }
        });
        rebateCapPerPeriodByTier.forEach((tier, cap) -> {
            if (cap == null || cap.signum() < 0) {
                problems.add("rebateCapPerPeriodByTier." + tier + ": not negative");
            }
        });
        if (certificationBonus.signum() < 0) {
            problems.add("certificationBonus: not negative");
        }
        if (firstDealBonus.signum() < 0) {
            problems.add("firstDealBonus: not negative");
        }
        return problems;
    }

    /** The accounting period of a day: its calendar quarter, e.g. 2026-Q4. */
    public static String period(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * The lines the partner's incentive ledger should hold.
     *
     * @param tierOn the tier the partner held at the end of a day
     */
    public List<Ledger.Line> desired(List<Fact> facts, Deals deals, Function<LocalDate, String> tierOn, String currency) {
        List<Ledger.Line> lines = new ArrayList<>();
        Map<String, BigDecimal> accruedByPeriod = new HashMap<>();
        boolean first = true;
        for (Deals.Won won : deals.won()) {
            if (first && firstDealBonus.signum() > 0) {
                lines.add(new Ledger.Line("first-deal", BONUS, firstDealBonus.setScale(2, RoundingMode.HALF_UP),
                        period(won.closedOn()), won.closedOn(), won.dealId(), won.wonFact().eventId(), won.wonFact().type(),
                        "bonus for the first deal won"));
            }
            first = false;
            if (won.amount() == null) {
                continue;
            }
            String tier = tierOn.apply(won.closedOn());
            BigDecimal pct = rebatePercentByTier.getOrDefault(tier, BigDecimal.ZERO);
            BigDecimal rebate = won.amount().multiply(pct).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            String period = period(won.closedOn());
            BigDecimal cap = rebateCapPerPeriodByTier.get(tier);
            String capped = "";
            if (cap != null) {
                BigDecimal room = cap.subtract(accruedByPeriod.getOrDefault(period, BigDecimal.ZERO)).max(BigDecimal.ZERO);
                if (rebate.compareTo(room) > 0) {
                    rebate = room.setScale(2, RoundingMode.HALF_UP);
                    capped = ", capped at " + cap.stripTrailingZeros().toPlainString() + " " + currency + " per quarter";
                }
            }
            if (rebate.signum() == 0) {
                continue;
            }
            accruedByPeriod.merge(period, rebate, BigDecimal::add);
            String reason = tier + " rebate " + pct.stripTrailingZeros().toPlainString() + "% of won revenue "
                    + won.amount().toPlainString() + " " + currency + capped;
            lines.add(new Ledger.Line("rebate:" + won.dealId(), REBATE, rebate, period, won.closedOn(), won.dealId(),
                    won.wonFact().eventId(), won.wonFact().type(), reason));
            if (won.lost()) {
                LocalDate lostOn = won.lostOn().isBefore(won.closedOn()) ? won.closedOn() : won.lostOn();
                lines.add(new Ledger.Line("reversal:" + won.dealId(), REVERSAL, rebate.negate(), period(lostOn), lostOn,
                        won.dealId(), won.lostAfter().eventId(), won.lostAfter().type(),
                        "reversal of the rebate: the won deal was lost"));
            }
        }
        for (Fact f : facts) {
            if (f.is(EventNames.CERTIFICATION_EARNED) && certificationBonus.signum() > 0) {
                UUID certification = f.uuid("certificationId");
                lines.add(new Ledger.Line("certification:" + certification, BONUS,
                        certificationBonus.setScale(2, RoundingMode.HALF_UP), period(f.day()), f.day(), null, f.eventId(),
                        f.type(), "bonus for certification " + f.text("name") + " of " + f.text("userId")));
            }
        }
        return lines;
    }
}
