package io.consort.recruitment.support;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a website as someone typed it ({@code acme.example}, {@code https://www.Acme.co.uk/about}) into the
 * company's domain, the key applications, prospects and partners are matched by: the registrable domain
 * under the public-suffix list (Guava's {@link InternetDomainName}), so {@code shop.acme.co.uk} and
 * {@code acme.co.uk} are one company; a host under no listed suffix ({@code acme.example}) keeps all its
 * labels but a leading {@code www.}.
 */
public final class Websites {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private Websites() {
    }

    /**
     * The domain of {@code website}, or empty when it is not a public http(s) site of a registered domain.
     * The plain form most websites and domains have ({@code [http(s)://]host.example[/path]}, lower-case,
     * nothing but letters, digits, hyphens and dots in the host) is read by hand ({@link #plainDomain}):
     * URI parsing and IDN conversion were a third of the cost of checking a bulk line. Whatever the
     * hand-reading does not vouch for is parsed ({@link #parsedDomainOf}), so the answers are the same
     * (WebsitesTest compares them).
     */
    public static Optional<String> domainOf(String website) {
        if (website == null || website.isBlank() || website.length() > 500) {
            return Optional.empty();
        }
        String plain = plainDomain(website);
        return plain != null ? Optional.of(plain) : parsedDomainOf(website);
    }

    /** {@link #domainOf} by {@link URI} and {@link IDN}, for any website but null, blank or too long ones. */
    static Optional<String> parsedDomainOf(String website) {
        String text = website.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getUserInfo() != null) {
            return Optional.empty();
        }
        String host = uri.getHost() != null ? uri.getHost() : internationalHost(uri.getAuthority());
        if (host == null) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.startsWith("www.")) {
            ascii = ascii.substring(4);
        }
        return isRegisteredDomain(ascii) ? Optional.of(registrable(ascii)) : Optional.empty();
    }

    /**
     * The company's domain of a valid lower-case ASCII host: its registrable domain when the host is under a
     * public suffix ({@code shop.acme.co.uk} → {@code acme.co.uk}), else the host as it is.
     */
    public static String registrable(String host) {
        if (InternetDomainName.isValid(host)) {
            InternetDomainName name = InternetDomainName.from(host);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
        }
        return host;
    }

    /** The domain of a website of the plain form, or null when the website is not of that form. */
    static String plainDomain(String website) {
        int start = website.startsWith("https://") ? 8 : website.startsWith("http://") ? 7
                : website.contains("://") ? -1 : 0;
        if (start < 0) {
            return null;
        }
        int end = website.indexOf('/', start);
        if (end < 0) {
            end = website.length();
        }
        for (int i = end; i < website.length(); i++) {
            char c = website.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/')) {
                return null;
            }
        }
        if (website.startsWith("www.", start)) {
            start += 4;
        }
        if (end - start > 253) {
            return null;
        }
        int labels = 0;
        int label = start;
        for (int i = start; i <= end; i++) {
            if (i < end && website.charAt(i) != '.') {
                char c = website.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return null;
                }
                continue;
            }
            int length = i - label;
            if (length < 1 || length > 63 || website.charAt(label) == '-' || website.charAt(i - 1) == '-') {
                return null;
            }
            labels++;
            label = i + 1;
        }
        // The top-level label: alphabetic, at least two letters (an xn-- one is parsed).
        int top = website.lastIndexOf('.', end - 1) + 1;
        if (labels < 2 || end - top < 2) {
            return null;
        }
        for (int i = top; i < end; i++) {
            if (website.charAt(i) < 'a' || website.charAt(i) > 'z') {
                return null;
            }
        }
        return registrable(website.substring(start, end));
    }

    /** java.net.URI leaves the host of {@code https://bücher.example} unparsed; take it from the authority. */
    private static String internationalHost(String authority) {
        if (authority == null || authority.isEmpty() || authority.contains("@") || authority.startsWith("[")) {
            return null;
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            String port = authority.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}")) {
                return null;
            }
            authority = authority.substring(0, colon);
        }
        return authority;
    }

    private static boolean isRegisteredDomain(String host) {
        if (host.length() > 253) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // An alphabetic top-level label also rules out IP addresses, which are no company's website.
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }
}
