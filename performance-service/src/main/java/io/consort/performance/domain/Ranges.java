package io.consort.performance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Difference arrays over a span of days: add a value over [from, until) in O(1), settle in O(days). */
final class Ranges {

    private final LocalDate first;
    private final int size;
    private final Map<Kpi, BigDecimal[]> diffs = new EnumMap<>(Kpi.class);
    private final BigDecimal[] mdfRevenue;

    Ranges(LocalDate first, int size) {
        this.first = first;
        this.size = size;
        for (Kpi kpi : Kpi.values()) {
            diffs.put(kpi, zeros(size + 1));
        }
        this.mdfRevenue = zeros(size + 1);
    }

    void trailing(Kpi kpi, LocalDate day, int windowDays, BigDecimal value) {
        add(kpi, day, day.plusDays(windowDays), value);
    }

    /** Adds {@code value} on every day from {@code from} until the day before {@code until} (null: for ever). */
    void add(Kpi kpi, LocalDate from, LocalDate until, BigDecimal value) {
        add(diffs.get(kpi), from, until, value);
    }

    void addMdfRevenue(LocalDate from, LocalDate until, BigDecimal value) {
        add(mdfRevenue, from, until, value);
    }

    private void add(BigDecimal[] diff, LocalDate from, LocalDate until, BigDecimal value) {
        int start = (int) Math.max(0, ChronoUnit.DAYS.between(first, from));
        int end = until == null ? size : (int) Math.min(size, ChronoUnit.DAYS.between(first, until));
        if (start >= size || end <= start) {
            return;
        }
        diff[start] = diff[start].add(value);
        diff[end] = diff[end].subtract(value);
    }

    void settle(Map<Kpi, BigDecimal[]> into) {
        diffs.forEach((kpi, diff) -> into.put(kpi, prefix(diff)));
    }

    BigDecimal[] mdfRevenue() {
        return prefix(mdfRevenue);
    }

    private BigDecimal[] prefix(BigDecimal[] diff) {
        BigDecimal[] out = new BigDecimal[size];
        BigDecimal running = BigDecimal.ZERO;
        for (int i = 0; i < size; i++) {
            running = running.add(diff[i]);
            out[i] = running;
        }
        return out;
    }

    Counter counter() {
        return new Counter();
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    /** Counts people holding at least one of their ranges on each day. */
    final class Counter {
        private final int[] diff = new int[size + 1];

        void person(List<LocalDate[]> ranges) {
            boolean[] held = new boolean[size];
            for (LocalDate[] range : ranges) {
                int start = (int) Math.max(0, ChronoUnit.DAYS.between(first, range[0]));
                int end = range[1] == null ? size : (int) Math.min(size, ChronoUnit.DAYS.between(first, range[1]));
                for (int i = start; i < end; i++) {
                    held[i] = true;
                }
            }
            for (int i = 0; i < size; i++) {
                if (held[i]) {
                    diff[i]++;
                    diff[i + 1]--;
                }
            }
        }

        BigDecimal[] settle() {
            BigDecimal[] out = new BigDecimal[size];
            int running = 0;
            for (int i = 0; i < size; i++) {
                running += diff[i];
                out[i] = BigDecimal.valueOf(running);
            }
            return out;
        }
    }
}
