package org.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address of the client a request speaks for, as far as it can be trusted, for limits per client (the log-in
 * throttle). Behind HAProxy every request comes from the proxy, on loopback, and HAProxy adds the address it took the
 * connection from as the last {@code X-Forwarded-For} entry ({@code option forwardfor} in wildfly-config/haproxy.cfg).
 * Entries further left come from the client itself and prove nothing. So the answer is found by walking from the
 * connection's own address leftwards through {@code X-Forwarded-For} for as long as the hop that reported the next
 * entry is a trusted proxy: loopback, or an address named in system property {@value #TRUSTED_PROXIES_PROPERTY}
 * (comma-separated literal addresses, and {@code loopback}; by default {@code loopback} alone). A caller connecting
 * straight from elsewhere is its own address, whatever it sends. WildFly's own {@code proxy-address-forwarding} is not
 * used because it believes the header from anyone.
 *
 * <p>An IPv6 client is counted by its /64 network, which one subscriber usually gets whole: counting single
 * addresses would give a guesser 2^64 fresh counters.
 */
public final class ClientAddress {

    /** System property: the proxies whose {@code X-Forwarded-For} entries are believed, besides {@code loopback}. */
    public static final String TRUSTED_PROXIES_PROPERTY = "parley.trusted-proxies";

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String LOOPBACK = "loopback";

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private ClientAddress() {}

    /** The client's address for {@code request}: see the class comment. */
    public static String of(HttpServletRequest request) {
        List<String> forwarded = request.getHeaders(FORWARDED_FOR) == null
                ? List.of()
                : Collections.list(request.getHeaders(FORWARDED_FOR));
        return of(request.getRemoteAddr(), forwarded, trustedProxies(System.getProperty(TRUSTED_PROXIES_PROPERTY)));
    }

    /**
     * @param remote the connection's peer address
     * @param forwarded every {@code X-Forwarded-For} header value in the order received (each may list several
     *     entries, separated by commas)
     * @param trusted trusted proxies as normalised literal addresses, and {@value #LOOPBACK} for every loopback one
     */
    static String of(String remote, List<String> forwarded, Set<String> trusted) {
        InetAddress hop = literal(remote);
        if (hop == null) {
            return remote;
        }
        List<String> entries = new ArrayList<>();
        for (String header : forwarded) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        for (int i = entries.size() - 1; i >= 0 && isTrusted(hop, trusted); i--) {
            InetAddress reported = literal(entries.get(i));
            if (reported == null) {
                break; // not an address: the last hop we trust is as close to the client as we can get
            }
            hop = reported;
        }
        return key(hop);
    }

    /** The trusted proxies named by {@code property}: {@value #LOOPBACK} always, and each literal address listed. */
    static Set<String> trustedProxies(String property) {
        Set<String> trusted = new HashSet<>();
        trusted.add(LOOPBACK);
        if (property != null) {
            for (String name : property.split(",")) {
                InetAddress address = literal(name.strip());
                if (address != null) {
                    trusted.add(address.getHostAddress());
                }
            }
        }
        return trusted;
    }

    private static boolean isTrusted(InetAddress hop, Set<String> trusted) {
        return (hop.isLoopbackAddress() && trusted.contains(LOOPBACK)) || trusted.contains(hop.getHostAddress());
    }

    /**
     * {@code text} as an address if it is a literal IPv4 or IPv6 address, else null. Checked by pattern first, since
     * {@link InetAddress#getByName} would look anything else up in DNS, and these strings come from clients.
     */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(s).matches();
        boolean v6 = !v4 && s.indexOf(':') >= 0 && IPV6.matcher(s).matches();
        if (!v4 && !v6) {
            return null;
        }
        try {
            // A literal with a colon is parsed as IPv6 or refused, never looked up.
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The address as limits count it: IPv4 as such, IPv6 as its /64 network. */
    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (int i = 8; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress().toLowerCase(Locale.ROOT) + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // 16 bytes are always an address
            }
        }
        return address.getHostAddress();
    }
}
