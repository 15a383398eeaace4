package io.consort.integration.target;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent: the rules against server-side request forgery. A target URL is absolute
 * {@code https} (or {@code http} where {@code requireHttps} is off, locally and in tests), has a host and no
 * user info, and every address its host resolves to is public: never unspecified, loopback (unless
 * {@code allowLoopback}), link-local (cloud metadata endpoints such as 169.254.169.254 live there),
 * private (RFC 1918, IPv6 unique-local, which holds fd00:ec2::254), shared CGNAT space, multicast,
 * broadcast or reserved. IPv4-mapped and -compatible IPv6 forms are judged as the IPv4 address they carry.
 *
 * <p>Pure rules, no I/O: {@link TargetAddresses} resolves names and applies them.
 */
public record TargetPolicy(boolean requireHttps, boolean allowLoopback) {

    public static final int MAX_URL_LENGTH = 2048;

    /** The URL's parts a delivery needs, once it passed {@link #checkUrl}. */
    public record Target(URI uri, boolean tls, String host, int port, String pathAndQuery) {
    }

    /** Checks the URL's form; the host's addresses are checked separately ({@link #refusal(InetAddress)}). */
    public Target checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new TargetRefusedException("a target URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new TargetRefusedException("the target URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new TargetRefusedException("the target URL is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new TargetRefusedException("the target URL must be an absolute http(s) URL");
        }
        if (requireHttps && !scheme.equals("https")) {
            throw new TargetRefusedException("the target URL must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefusedException("the target URL must not carry user info");
        }
        if (uri.getRawFragment() != null) {
            throw new TargetRefusedException("the target URL must not carry a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new TargetRefusedException("the target URL has no host name");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(uri, tls, host.toLowerCase(Locale.ROOT), port, pathAndQuery);
    }

    /** Why a webhook must not be sent to this address, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (judged.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (judged.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (judged.isLinkLocalAddress()) {
            return Optional.of("a link-local address (where cloud metadata endpoints live)");
        }
        if (judged.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (judged.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = judged.getAddress();
        if (judged instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("an address of \"this network\" (0.0.0.0/8)");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("a shared (carrier-grade NAT) address");
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return Optional.of("an IETF protocol assignment address (192.0.0.0/24)");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("a benchmarking address (198.18.0.0/15)");
            }
            if (first >= 240) {
                return Optional.of("a reserved or broadcast address");
            }
        } else if (judged instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return Optional.of("a private (unique-local) address");
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return Optional.of("a private (site-local) address");
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                // 6to4 carries an IPv4 address in bits 16-47: judge it like that address.
                return refusal(ipv4(b[2], b[3], b[4], b[5])).map(r -> r + " (in 6to4 form)");
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return refusal(ipv4(b[12], b[13], b[14], b[15])).map(r -> r + " (in NAT64 form)");
            }
        }
        return Optional.empty();
    }

    /** The first refusal among {@code addresses} (all must pass), or empty. */
    public Optional<String> refusal(List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                return Optional.of(address.getHostAddress() + " is " + refusal.get());
            }
        }
        return Optional.empty();
    }

    /** ::ffff:a.b.c.d and ::a.b.c.d are a.b.c.d. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
        if (!mapped && !compatible) {
            return Optional.empty();
        }
        return Optional.of(ipv4(b[12], b[13], b[14], b[15]));
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
