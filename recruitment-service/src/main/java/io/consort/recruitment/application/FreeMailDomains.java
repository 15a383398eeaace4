package io.consort.recruitment.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The curated list of mail providers anyone can sign up for ({@code vetting/free-mail-domains.txt}).
 * A plain entry covers the domain and its subdomains; {@code yahoo.*} covers the provider under a
 * country or generic ending ({@code yahoo.de}, {@code yahoo.co.uk}), and nothing longer, so
 * {@code yahoo.acme-networks.example} is not taken for Yahoo.
 */
public final class FreeMailDomains {

    public static final String RESOURCE = "vetting/free-mail-domains.txt";

    /** A country or generic ending: {@code com}, {@code de}, {@code co.uk}, {@code com.br}. */
    private static final Pattern ENDING = Pattern.compile("[a-z]{2,3}(\\.[a-z]{2})?");
    private static final Pattern ENTRY = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*(\\.\\*)?");

    private final Set<String> domains = new HashSet<>();
    private final Set<String> providers = new HashSet<>();

    private FreeMailDomains(List<String> lines) {
        for (String raw : lines) {
            int comment = raw.indexOf('#');
            String entry = (comment >= 0 ? raw.substring(0, comment) : raw).strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (!ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("not a mail domain or provider.*: '" + raw + "'");
            }
            if (entry.endsWith(".*")) {
                providers.add(entry.substring(0, entry.length() - 2));
            } else {
                domains.add(entry);
            }
        }
    }

    /** The list as lines of {@link #RESOURCE}'s format. */
    public static FreeMailDomains of(List<String> lines) {
        return new FreeMailDomains(lines);
    }

    /** The list shipped with the service. */
    public static FreeMailDomains standard() {
        return Standard.INSTANCE;
    }

    /** Whether mail at {@code domain} (lower case, as {@link VettingSignals#emailDomain} gives it) is free mail. */
    public boolean contains(String domain) {
        if (domain == null || domain.isEmpty()) {
            return false;
        }
        for (String d = domain; ; ) {
            if (domains.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                break;
            }
            d = d.substring(dot + 1);
        }
        int firstDot = domain.indexOf('.');
        return firstDot > 0 && providers.contains(domain.substring(0, firstDot))
                && ENDING.matcher(domain.substring(firstDot + 1)).matches();
    }

    int size() {
        return domains.size() + providers.size();
    }

    private static final class Standard {
        static final FreeMailDomains INSTANCE = load();

        private static FreeMailDomains load() {
            try (InputStream in = FreeMailDomains.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                return of(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
