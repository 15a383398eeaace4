package io.consort.campaign.deal;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The customer's internet domain in the one form the conflict rules compare: lower case, without a
 * scheme, path, port, trailing dot or leading {@code www.}, internationalised labels as punycode
 * ({@code Müller.de}, {@code www.MÜLLER.de.} and {@code xn--mller-kva.de} are the same customer).
 * {@link java.net.IDN} does the IDNA conversion (with the nameprep case folding); this class only strips what
 * people paste around a domain and checks what is left is a host name.
 */
public final class CustomerDomain {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    private CustomerDomain() {
    }

    /** The normalised domain, or {@link IllegalArgumentException} saying why the input is not one. */
    public static String normalise(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("a customer domain is required");
        }
        String host = input.strip();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int end = firstOf(host, '/', '?', '#');
        if (end >= 0) {
            host = host.substring(0, end);
        }
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1); // an e-mail address or user info: the domain is what follows
        }
        int port = host.lastIndexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + input.strip() + "' is not a domain name");
        }
        while (ascii.startsWith("www.")) {
            ascii = ascii.substring(4);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("'" + input.strip() + "' is not a domain name (such as example.com)");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("'" + input.strip() + "' is not a domain name (such as example.com)");
            }
        }
        return ascii;
    }

    private static int firstOf(String s, char... chars) {
        int first = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }
}
