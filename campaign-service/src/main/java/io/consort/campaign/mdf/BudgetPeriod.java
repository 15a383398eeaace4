package io.consort.campaign.mdf;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A budget's period: a quarter ({@code 2027-Q1}) or a year ({@code 2027}), with its first and last day. */
public record BudgetPeriod(String name, LocalDate starts, LocalDate ends) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    /** The period {@code name} denotes, or {@link IllegalArgumentException}. */
    public static BudgetPeriod parse(String name) {
        Matcher m = name == null ? null : FORM.matcher(name.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a period is a year (2027) or a quarter (2027-Q1)");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("the period's year must be between 2000 and 2999");
        }
        if (m.group(2) == null) {
            return new BudgetPeriod(m.group(1), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        int quarter = Integer.parseInt(m.group(2));
        LocalDate starts = LocalDate.of(year, 3 * quarter - 2, 1);
        return new BudgetPeriod(m.group(0), starts, starts.plusMonths(3).minusDays(1));
    }

    /** The period of the same kind just before this one: 2027-Q1 → 2026-Q4, 2027 → 2026. */
    public BudgetPeriod previous() {
        int year = starts.getYear();
        if (name.length() == 4) {
            return parse(String.valueOf(year - 1));
        }
        int quarter = (starts.getMonthValue() + 2) / 3;
        return quarter == 1 ? parse((year - 1) + "-Q4") : parse(year + "-Q" + (quarter - 1));
    }
}
