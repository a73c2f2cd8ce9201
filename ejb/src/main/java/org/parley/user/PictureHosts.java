package org.parley.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The servers an imported user's picture may come from. A dump's ProfileImageUrl is shown as it is, by the reader's
 * browser (issue 20: "never fetched by the server"), so each host it names must be allowed in the pages'
 * Content-Security-Policy {@code img-src}; only pictures on these hosts are kept, the others fall back to the
 * identicon. The hosts are the ones Stack Exchange's dumps use (its own image hosts, Gravatar, and the sign-in
 * providers' picture servers), or the comma-separated list of the system property {@value #PROPERTY}.
 *
 * <p>A picture URL must be {@code https}, on one of the hosts exactly, without a port or user info, and at most
 * {@value #MAX_URL} characters.
 */
public final class PictureHosts {

    /** System property naming the allowed hosts, comma-separated. */
    public static final String PROPERTY = "parley.picture.hosts";

    /** The hosts of Stack Exchange dumps' ProfileImageUrl values. */
    public static final String DEFAULT = "i.sstatic.net,i.stack.imgur.com,www.gravatar.com,secure.gravatar.com,"
            + "graph.facebook.com,lh3.googleusercontent.com,lh4.googleusercontent.com,lh5.googleusercontent.com,"
            + "lh6.googleusercontent.com,avatars.githubusercontent.com";

    static final int MAX_URL = 2048;

    private static final PictureHosts CONFIGURED = new PictureHosts(System.getProperty(PROPERTY, DEFAULT));

    private final Set<String> hosts;

    /** The hosts of {@code commaSeparated} (blank entries ignored, case ignored). */
    public PictureHosts(String commaSeparated) {
        this.hosts = Arrays.stream(commaSeparated.split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The hosts this server was started with. */
    public static PictureHosts configured() {
        return CONFIGURED;
    }

    /** Whether the browser may load {@code url} as a user's picture. */
    public boolean allows(String url) {
        if (url == null || url.length() > MAX_URL || !url.regionMatches(true, 0, "https://", 0, 8)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getRawUserInfo() == null
                    && uri.getPort() == -1
                    && uri.getHost() != null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The hosts as Content-Security-Policy sources, each {@code https://HOST}, sorted, space-separated. */
    public String cspSources() {
        return hosts.stream().sorted().map(h -> "https://" + h).collect(Collectors.joining(" "));
    }
}
