package org.parley.image.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image proxy connects to public addresses only (issue 18, item 6: no server-side request forgery). */
class ImageAddressesTest {

    @Test
    void privateLoopbackLinkLocalMulticastAndReservedAddressesAreRefused() throws UnknownHostException {
        List<String> refused = List.of(
                "127.0.0.1",
                "127.8.9.10",
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.1",
                "10.255.255.1",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "169.254.169.254", // the cloud metadata service
                "100.64.0.1",
                "100.127.255.255",
                "192.0.0.8",
                "192.0.2.1",
                "198.18.0.1",
                "198.19.255.255",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "fec0::1",
                "ff02::1",
                "2001:db8::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::10.0.0.1",
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "2002:c0a8:0101::1"); // 6to4 of 192.168.1.1
        for (String a : refused) {
            assertFalse(ImageAddresses.allowed(InetAddress.getByName(a), false), a);
        }
    }

    @Test
    void publicAddressesAreAllowed() throws UnknownHostException {
        for (String a : List.of(
                "93.184.215.14",
                "8.8.8.8",
                "1.1.1.1",
                "172.15.255.255",
                "172.32.0.1",
                "100.128.0.1",
                "192.169.0.1",
                "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
                "2a00:1450:4001:80b::200e",
                "::ffff:8.8.8.8")) {
            assertTrue(ImageAddresses.allowed(InetAddress.getByName(a), false), a);
        }
    }

    @Test
    void loopbackOnlyWhenATestAllowsIt() throws UnknownHostException {
        assertTrue(ImageAddresses.allowed(InetAddress.getByName("127.0.0.1"), true));
        assertTrue(ImageAddresses.allowed(InetAddress.getByName("::1"), true));
        assertFalse(ImageAddresses.allowed(InetAddress.getByName("10.0.0.1"), true), "loopback only, no more");
        assertFalse(ImageAddresses.allowed(InetAddress.getByName("169.254.169.254"), true));
        assertEquals(false, ImageAddresses.allowed(InetAddress.getByName("localhost"), false));
    }
}
