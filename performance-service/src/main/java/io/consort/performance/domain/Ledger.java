package io.consort.performance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An append-only ledger kept in step with what the facts say it should hold. Every line has a key
 * (what it is about: a deal's rebate, a certification's bonus, a deal's sourced credit); the facts
 * give the amount each key should add up to; {@link #diff} gives the lines to append so that every
 * key does — nothing is updated or deleted, a late or contradicting fact adds a correcting line,
 * and a key already right adds nothing (a replay or a redelivery changes nothing).
 */
public final class Ledger {

    /** A line, desired or booked; {@code evidence} is the event that justifies it. */
    public record Line(String key, String kind, BigDecimal amount, String period, LocalDate day, UUID dealId,
            UUID evidence, String evidenceType, String reason) {
    }

    /** What a key adds up to so far, and its latest line. */
    public record Booked(BigDecimal total, Line latest) {
    }

    private Ledger() {
    }

    /**
     * The lines to append so that each key of {@code desired} adds up to its amount and each booked
     * key no longer desired adds up to zero.
     *
     * @param reversalKind the kind of a line taking an amount back (e.g. REVERSAL), or null to keep the key's kind
     */
    public static List<Line> diff(Collection<Line> desired, Map<String, Booked> booked, String reversalKind) {
        Map<String, Line> wanted = new LinkedHashMap<>();
        desired.forEach(l -> wanted.merge(l.key(), l, (a, b) -> new Line(a.key(), a.kind(), a.amount().add(b.amount()),
                a.period(), a.day(), a.dealId(), a.evidence(), a.evidenceType(), a.reason())));
        List<Line> append = new ArrayList<>();
        for (Map.Entry<String, Booked> b : booked.entrySet()) {
            if (!wanted.containsKey(b.getKey()) && b.getValue().total().signum() != 0) {
                Line last = b.getValue().latest();
                String kind = reversalKind != null ? reversalKind : last.kind();
                append.add(new Line(last.key(), kind, b.getValue().total().negate(), last.period(), last.day(),
                        last.dealId(), last.evidence(), last.evidenceType(), "withdrawn: " + last.reason()));
            }
        }
        for (Line want : wanted.values()) {
            Booked has = booked.get(want.key());
            BigDecimal delta = want.amount().subtract(has == null ? BigDecimal.ZERO : has.total());
            if (delta.signum() == 0) {
                continue;
            }
            String kind = delta.signum() < 0 && reversalKind != null ? reversalKind : want.kind();
            String reason = has == null ? want.reason() : "correction to " + want.reason();
            append.add(new Line(want.key(), kind, delta, want.period(), want.day(), want.dealId(), want.evidence(),
                    want.evidenceType(), reason));
        }
        return append;
    }
}
