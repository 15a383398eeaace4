package io.consort.performance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner's deals as its facts tell them, in whatever order the facts arrived: each deal's
 * registration, its first win, and a loss that came after the win (which takes the win back).
 * A second {@code deal.won} for the same deal (a producer retry under a new id) counts once.
 */
public final class Deals {

    /** A won deal; {@code amount} is in the base currency at the close date, or null when no rate was in force. */
    public record Won(UUID dealId, LocalDate closedOn, Money original, BigDecimal amount, UUID campaignId, UUID leadId,
            Fact wonFact, Fact lostAfter) {

        public boolean lost() {
            return lostAfter != null;
        }

        public LocalDate lostOn() {
            return lostAfter == null ? null : lostAfter.day();
        }
    }

    /** A registered deal; open from its registration until its first outcome (won, lost, expired, rejected). */
    public record Registered(UUID dealId, LocalDate registeredOn, Money original, BigDecimal amount, LocalDate closedOn,
            Fact fact) {
    }

    private final Map<UUID, Won> won = new LinkedHashMap<>();
    private final Map<UUID, Registered> registered = new LinkedHashMap<>();
    private final List<String> unconverted = new ArrayList<>();
    private final ExchangeRates rates;

    private Deals(ExchangeRates rates) {
        this.rates = rates;
    }

    /** The facts that say something about a deal; no other fact's {@code dealId} is read. */
    private static final java.util.Set<String> DEAL_FACTS = java.util.Set.of(EventNames.DEAL_REGISTERED,
            EventNames.DEAL_WON, EventNames.DEAL_LOST, EventNames.DEAL_EXPIRED, EventNames.DEAL_REJECTED);

    /** {@code facts} sorted by time. */
    public static Deals of(List<Fact> facts, ExchangeRates rates) {
        Deals deals = new Deals(rates);
        Map<UUID, Fact> firstOutcome = new LinkedHashMap<>();
        for (Fact f : facts) {
            if (!DEAL_FACTS.contains(f.type())) {
                continue;
            }
            UUID dealId = f.uuid("dealId");
            if (dealId == null) {
                continue;
            }
            if (f.is(EventNames.DEAL_REGISTERED) && !deals.registered.containsKey(dealId)) {
                Money money = f.money("amount");
                deals.registered.put(dealId, new Registered(dealId, f.day(), money,
                        money == null ? null : deals.convert(money, f.day(), "deal " + dealId), null, f));
            } else if (f.is(EventNames.DEAL_WON) && !deals.won.containsKey(dealId)) {
                LocalDate closedOn = Optional.ofNullable(f.date("closedOn")).orElse(f.day());
                Money money = f.money("amount");
                deals.won.put(dealId, new Won(dealId, closedOn, money,
                        money == null ? null : deals.convert(money, closedOn, "deal " + dealId),
                        f.uuid("campaignId"), f.uuid("leadId"), f, null));
                firstOutcome.putIfAbsent(dealId, f);
            } else if (f.is(EventNames.DEAL_LOST)) {
                Won w = deals.won.get(dealId);
                if (w != null && w.lostAfter == null) {
                    deals.won.put(dealId, new Won(w.dealId, w.closedOn, w.original, w.amount, w.campaignId, w.leadId,
                            w.wonFact, f));
                }
                firstOutcome.putIfAbsent(dealId, f);
            } else if (f.is(EventNames.DEAL_EXPIRED) || f.is(EventNames.DEAL_REJECTED)) {
                firstOutcome.putIfAbsent(dealId, f);
            }
        }
        deals.registered.replaceAll((id, r) -> {
            Fact outcome = firstOutcome.get(id);
            LocalDate closed = outcome == null ? null
                    : outcome.is(EventNames.DEAL_WON) ? deals.won.get(id).closedOn : outcome.day();
            return new Registered(r.dealId, r.registeredOn, r.original, r.amount, closed, r.fact);
        });
        return deals;
    }

    private BigDecimal convert(Money money, LocalDate on, String what) {
        Optional<BigDecimal> converted = rates.toBase(money, on);
        if (converted.isEmpty()) {
            unconverted.add(what + ": " + money + " on " + on + " has no " + money.currency() + " rate in force");
        }
        return converted.orElse(null);
    }

    public List<Won> won() {
        return won.values().stream().sorted(Comparator.comparing(Won::closedOn).thenComparing(w -> w.wonFact.occurredAt()))
                .toList();
    }

    public List<Registered> registered() {
        return List.copyOf(registered.values());
    }

    public Optional<Registered> registration(UUID dealId) {
        return Optional.ofNullable(registered.get(dealId));
    }

    /** Amounts that could not be converted (no rate in force on their date), for explanations. */
    public List<String> unconverted() {
        return List.copyOf(unconverted);
    }
}
