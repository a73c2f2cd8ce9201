package org.parley.image.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses the image proxy may connect to: public unicast only. A post must not make Parley's servers fetch
 * from their own machine, their network or a cloud's metadata service (server-side request forgery), so these are
 * refused after the host name is resolved, for every address it resolves to: loopback (unless a test allows it), the
 * unspecified address, private networks (10/8, 172.16/12, 192.168/16), shared address space (100.64/10), link-local
 * (169.254/16, fe80::/10, the cloud metadata address among them), multicast, IPv6 unique-local (fc00::/7) and
 * site-local (fec0::/10), the IETF, documentation and benchmarking ranges, and 240/4 with the broadcast address. An
 * IPv6 address that carries an IPv4 one (mapped, compatible, NAT64's 64:ff9b::/96, 6to4's 2002::/16) is judged by
 * the IPv4 address inside.
 */
final class ImageAddresses {

    private ImageAddresses() {}

    /** Whether the proxy may connect to {@code address}; loopback only with {@code allowLoopback} (tests). */
    static boolean allowed(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        if (address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return allowedIpv4(b, allowLoopback);
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                return allowedIpv4(embedded, allowLoopback);
            }
            int first = b[0] & 0xff;
            // fc00::/7 unique-local; 2001:db8::/32 documentation; ::/8 reserved (:: and ::1 handled above)
            if ((first & 0xfe) == 0xfc || first == 0) {
                return false;
            }
            return !(first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8);
        }
        return false;
    }

    private static boolean allowedIpv4(byte[] b, boolean allowLoopback) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return allowLoopback;
        }
        return !(a0 == 0 // "this network"
                || a0 == 10
                || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10, carrier-grade NAT
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (a0 == 198 && (a1 & 0xfe) == 18) // 198.18/15, benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
                || a0 >= 224); // multicast, 240/4 and the broadcast address
    }

    /** The IPv4 address an IPv6 one carries, or null. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        if (zeros80 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            return new byte[] {b[12], b[13], b[14], b[15]}; // ::ffff:a.b.c.d and ::a.b.c.d
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return new byte[] {b[12], b[13], b[14], b[15]}; // 64:ff9b::/96
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]}; // 2002:aabb:ccdd::/48
        }
        return null;
    }
}
