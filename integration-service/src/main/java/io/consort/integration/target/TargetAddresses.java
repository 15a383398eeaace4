package io.consort.integration.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the {@link TargetPolicy} configured for this profile: at subscribe time to refuse a URL, and before
 * each delivery to choose the address to connect to. A delivery connects to the very address checked here,
 * never to a second lookup of the name, so a name that resolves to a public address when checked and to an
 * internal one a moment later (DNS rebinding) cannot reach inside.
 */
@ApplicationScoped
public class TargetAddresses {

    /** Name resolution, replaceable in tests. */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** A target whose addresses all passed; {@code address} is the one to connect to. */
    public record Resolved(TargetPolicy.Target target, InetAddress address) {
    }

    private final TargetPolicy policy;
    private volatile Resolver resolver = host -> List.of(InetAddress.getAllByName(host));

    @Inject
    public TargetAddresses(@ConfigProperty(name = "consort.integration.targets.require-https") boolean requireHttps,
            @ConfigProperty(name = "consort.integration.targets.allow-loopback") boolean allowLoopback) {
        this.policy = new TargetPolicy(requireHttps, allowLoopback);
    }

    public TargetPolicy policy() {
        return policy;
    }

    /** For tests that play a DNS server answering differently from one lookup to the next. */
    public void useResolver(Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The URL's target with an address every resolved address of its host passed.
     *
     * @throws TargetRefusedException if the URL or any of its addresses is refused, or the name does not resolve
     */
    public Resolved resolve(String url) {
        TargetPolicy.Target target = policy.checkUrl(url);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(target.host());
        } catch (UnknownHostException e) {
            throw new TargetRefusedException("the target host " + target.host() + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new TargetRefusedException("the target host " + target.host() + " does not resolve");
        }
        policy.refusal(addresses).ifPresent(reason -> {
            throw new TargetRefusedException("the target host " + target.host() + " resolves to " + reason);
        });
        return new Resolved(target, addresses.get(0));
    }
}
