package org.parley.site.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.parley.rules.NotAllowedException;
import org.parley.site.SiteService;
import org.parley.user.security.Viewer;

/**
 * The admin home ({@code /admin}): a map of the admin pages and the WildFly management console. web.xml lets only the
 * {@code admin} role in; the page checks again.
 */
@Named
@RequestScoped
public class AdminHomeView {

    /** WildFly's default management HTTP port, before the server's port offset. */
    static final int MANAGEMENT_PORT = 9990;

    @Inject
    private Viewer viewer;

    @Inject
    private SiteService sites;

    @Inject
    private HttpServletRequest request;

    private int siteCount;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only admins can see the admin pages.");
        }
        siteCount = sites.list().size();
    }

    public int getSiteCount() {
        return siteCount;
    }

    /**
     * The WildFly console on this server's management interface: the management port (system property {@code
     * jboss.management.http.port}, else 9990) plus the port offset, on the host this page was asked on.
     */
    public String getConsoleUrl() {
        return consoleUrl(
                request.getServerName(),
                System.getProperty("jboss.management.http.port"),
                System.getProperty("jboss.socket.binding.port-offset"));
    }

    static String consoleUrl(String host, String port, String offset) {
        int p = parse(port, MANAGEMENT_PORT) + parse(offset, 0);
        String h = host == null || host.isBlank() ? "localhost" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + p + "/console/index.html";
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
