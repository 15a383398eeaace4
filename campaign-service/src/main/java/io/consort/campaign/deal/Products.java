package io.consort.campaign.deal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Product codes as registrations carry them: trimmed, upper case, no duplicates, sorted, so that two
 * registrations of {@code analytics-pro} and {@code ANALYTICS-PRO } overlap.
 */
public final class Products {

    public static final int MAX_PRODUCTS = 20;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,99}");

    private Products() {
    }

    /** The normalised, sorted codes, or {@link IllegalArgumentException} saying what is wrong. */
    public static List<String> normalise(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("at least one product is required");
        }
        Set<String> normalised = new TreeSet<>();
        for (String code : codes) {
            String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(c).matches()) {
                throw new IllegalArgumentException("'" + code + "' is not a product code (letters, digits, '.', '_', '-'; "
                        + "at most 100)");
            }
            normalised.add(c);
        }
        if (normalised.size() > MAX_PRODUCTS) {
            throw new IllegalArgumentException("at most " + MAX_PRODUCTS + " products per registration");
        }
        return List.copyOf(normalised);
    }

    /** The codes both lists name, sorted. */
    public static List<String> overlap(Collection<String> a, Collection<String> b) {
        Set<String> common = new TreeSet<>(a);
        common.retainAll(Set.copyOf(b));
        return List.copyOf(common);
    }
}
