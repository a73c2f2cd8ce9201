package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PictureHostsTest {

    private final PictureHosts hosts = new PictureHosts(PictureHosts.DEFAULT);

    @Test
    void stackExchangeDumpsPicturesAreKept() {
        assertTrue(hosts.allows("https://www.gravatar.com/avatar/0a1b2c?s=256&d=identicon&r=PG"));
        assertTrue(hosts.allows("https://i.stack.imgur.com/AbCdE.jpg?s=256&g=1"));
        assertTrue(hosts.allows("https://i.sstatic.net/xYz.png"));
        assertTrue(hosts.allows("https://lh3.googleusercontent.com/-a/photo.jpg"));
        assertTrue(hosts.allows("HTTPS://WWW.Gravatar.COM/avatar/1"), "scheme and host in any case");
    }

    @Test
    void anythingElseIsDropped() {
        assertFalse(hosts.allows(null));
        assertFalse(hosts.allows("http://www.gravatar.com/avatar/1"), "not https");
        assertFalse(hosts.allows("https://example.org/a.png"), "not a picture host");
        assertFalse(hosts.allows("https://www.gravatar.com.evil.example/a.png"), "a host that only starts like one");
        assertFalse(hosts.allows("https://evil.example/www.gravatar.com/a.png"));
        assertFalse(hosts.allows("https://user@www.gravatar.com/a.png"), "user info");
        assertFalse(hosts.allows("https://www.gravatar.com:8443/a.png"), "a port");
        assertFalse(hosts.allows("https://www.gravatar.com/a b.png"), "not a URL");
        assertFalse(hosts.allows("https://www.gravatar.com/" + "a".repeat(PictureHosts.MAX_URL)), "too long");
        assertFalse(hosts.allows("javascript:alert(1)"));
    }

    @Test
    void theHostsAreContentSecurityPolicySources() {
        assertEquals("https://a.example https://b.example", new PictureHosts(" b.example,A.example, ").cspSources());
        assertFalse(new PictureHosts("").allows("https://a.example/x.png"), "none configured: none kept");
    }
}
