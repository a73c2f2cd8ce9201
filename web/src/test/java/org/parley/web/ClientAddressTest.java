package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which address a request speaks for: believed only from trusted proxies, read from the right. */
class ClientAddressTest {

    private static final Set<String> LOOPBACK_ONLY = ClientAddress.trustedProxies(null);

    @Test
    void aDirectCallerIsItsOwnAddressWhateverItSends() {
        assertEquals("203.0.113.5", ClientAddress.of("203.0.113.5", List.of("10.0.0.1"), LOOPBACK_ONLY));
        assertEquals("203.0.113.5", ClientAddress.of("203.0.113.5", List.of(), LOOPBACK_ONLY));
    }

    @Test
    void behindTheLoadBalancerTheLastEntryIsTheClient() {
        // HAProxy on loopback appends the address it took the connection from; the client wrote the ones before.
        assertEquals("198.51.100.7", ClientAddress.of("127.0.0.1", List.of("198.51.100.7"), LOOPBACK_ONLY));
        assertEquals(
                "198.51.100.7",
                ClientAddress.of("127.0.0.1", List.of("1.2.3.4, 127.0.0.1", "198.51.100.7"), LOOPBACK_ONLY),
                "what the client claims is not believed");
        assertEquals("198.51.100.7", ClientAddress.of("127.0.0.1", List.of("9.9.9.9, 198.51.100.7"), LOOPBACK_ONLY));
    }

    @Test
    void theWalkGoesOnThroughTrustedProxiesOnly() {
        Set<String> two = ClientAddress.trustedProxies("10.1.1.1, 10.1.1.2, not-an-address");
        assertEquals("192.0.2.4", ClientAddress.of("10.1.1.2", List.of("6.6.6.6, 192.0.2.4, 10.1.1.1"), two));
        assertEquals("10.9.9.9", ClientAddress.of("10.9.9.9", List.of("192.0.2.4"), two), "an untrusted hop");
        assertEquals(
                "127.0.0.1",
                ClientAddress.of("127.0.0.1", List.of(), LOOPBACK_ONLY),
                "loopback without a header is loopback");
    }

    @Test
    void garbageStopsTheWalkAtTheLastTrustedHop() {
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", List.of("evil.example.com"), LOOPBACK_ONLY));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", List.of("1.2.3.4.5"), LOOPBACK_ONLY));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", List.of("999.1.1.1"), LOOPBACK_ONLY));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", List.of("fe80::1%eth0"), LOOPBACK_ONLY));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", List.of(":::::"), LOOPBACK_ONLY));
    }

    @Test
    void literalsAreNeverLookedUp() {
        assertNull(ClientAddress.literal("localhost"));
        assertNull(ClientAddress.literal("1"));
        assertNull(ClientAddress.literal(""));
        assertNull(ClientAddress.literal(null));
        assertEquals("10.0.0.1", ClientAddress.literal("10.0.0.1").getHostAddress());
    }

    @Test
    void anIpv6ClientCountsByItsNetwork() {
        assertEquals(
                "2001:db8:1:2:0:0:0:0/64",
                ClientAddress.of("::1", List.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), LOOPBACK_ONLY));
        assertEquals(
                ClientAddress.of("::1", List.of("[2001:db8:1:2::1]"), LOOPBACK_ONLY),
                ClientAddress.of("::1", List.of("2001:db8:1:2::ffff"), LOOPBACK_ONLY));
        assertEquals("192.0.2.1", ClientAddress.of("::1", List.of("::ffff:192.0.2.1"), LOOPBACK_ONLY), "mapped v4");
    }
}
