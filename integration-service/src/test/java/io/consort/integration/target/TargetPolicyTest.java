package io.consort.integration.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production rules against server-side request forgery, without DNS or Quarkus. */
class TargetPolicyTest {

    final TargetPolicy prod = new TargetPolicy(true, false);
    final TargetPolicy local = new TargetPolicy(false, true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.0.10", "169.254.169.254", "169.254.0.1", "fe80::1", "fd00:ec2::254", "fc00::7", "fec0::1",
            "100.64.0.1", "100.127.255.254", "224.0.0.251", "ff02::1", "255.255.255.255", "240.0.0.1", "0.1.2.3",
            "192.0.0.170", "198.18.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
            "2002:0a00:0001::1", "64:ff9b::a9fe:a9fe"})
    void internalAddressesAreRefusedInProduction(String address) throws Exception {
        assertTrue(prod.refusal(InetAddress.getByName(address)).isPresent(), address + " must be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::6810:84e5",
            "2002:5db8:d70e::1"})
    void publicAddressesPass(String address) throws Exception {
        assertEquals(java.util.Optional.empty(), prod.refusal(InetAddress.getByName(address)), address);
    }

    @Test
    void locallyLoopbackPassesButPrivateAndMetadataAddressesStillDoNot() throws Exception {
        assertTrue(local.refusal(InetAddress.getByName("127.0.0.1")).isEmpty());
        assertTrue(local.refusal(InetAddress.getByName("::1")).isEmpty());
        assertTrue(local.refusal(InetAddress.getByName("10.0.0.1")).isPresent());
        assertTrue(local.refusal(InetAddress.getByName("169.254.169.254")).isPresent());
    }

    @Test
    void everyResolvedAddressMustPass() throws Exception {
        List<InetAddress> mixed = List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.1"));
        assertEquals("10.0.0.1 is a private address", prod.refusal(mixed).orElseThrow());
    }

    @Test
    void productionWantsHttps() {
        assertThrows(TargetRefusedException.class, () -> prod.checkUrl("http://hooks.example.com/x"));
        assertEquals(443, prod.checkUrl("https://hooks.example.com/x?a=1").port());
        assertEquals("/x?a=1", prod.checkUrl("https://hooks.example.com/x?a=1").pathAndQuery());
        assertEquals(80, local.checkUrl("http://hooks.example.com").port());
        assertEquals("/", local.checkUrl("http://hooks.example.com").pathAndQuery());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.example.com/x", "ftp://hooks.example.com/", "https://user:pw@hooks.example.com/",
            "https:///nohost", "https://hooks.example.com/#frag", "https://exa mple.com/", "javascript:alert(1)"})
    void malformedUrlsAreRefused(String url) {
        assertThrows(TargetRefusedException.class, () -> prod.checkUrl(url));
    }

    @Test
    void anIpv6LiteralIsReadWithoutItsBrackets() {
        assertEquals("2606:4700::6810:84e5", prod.checkUrl("https://[2606:4700::6810:84e5]:8443/h").host());
    }
}
