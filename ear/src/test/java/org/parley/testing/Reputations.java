package org.parley.testing;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.SiteService;
import org.parley.user.User;

/**
 * Test fixture: gives a user the reputation a test needs for a privilege (on Stack Overflow they would have earned it
 * by upvotes), or opens a whole site ({@link #open}). In-container tests call {@link #set} and {@link #open}; browser
 * tests ask {@code /test/reputation?host=HOST&user=USERNAME&reputation=N} or {@code ?host=HOST&open=true} ({@link
 * Servlet}). Every test deployment has both ({@link
 * ParleyDeployment#ear}); the application itself has no way to set a reputation.
 */
@Stateless
public class Reputations {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @EJB
    private SiteService sites;

    /**
     * Lets every user of site {@code siteId} vote up, vote down and comment everywhere from their first reputation
     * point, and lifts the anti-abuse limits (nobody is a new user, no votes a day, no serial-voting reversal), through
     * the site's own settings (as its admin could): for tests about something else that vote, comment, ask several
     * questions in a row or post links as new users, with the reputation arithmetic they check unchanged.
     */
    public void open(long siteId) {
        Actor admin = new Actor(0, siteId, Role.ADMIN);
        sites.changePrivileges(
                admin, siteId, Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1, Privilege.COMMENT_EVERYWHERE, 1));
        sites.changeLimits(
                admin,
                siteId,
                Map.of(Limit.NEW_USER_REPUTATION, 0, Limit.VOTES_PER_DAY, 0, Limit.SERIAL_VOTES_PER_DAY, 0));
    }

    /**
     * Gives user {@code username} of site {@code siteId} every one of Parley's named badges, as if awarded: for tests
     * about something else (notifications, counters) whose users would otherwise earn badges, and be notified of
     * them, while the test counts (a check runs on the badge queue, at a moment the test does not choose).
     */
    public void holdEveryBadge(long siteId, String username) {
        long number = em.createQuery(
                        "select u.number from User u where u.site.id = :site and u.username = :name", Long.class)
                .setParameter("site", siteId)
                .setParameter("name", org.parley.user.User.normalizeUsername(username))
                .getSingleResult();
        java.time.Instant now = java.time.Instant.now();
        for (org.parley.badge.BadgeType type : org.parley.badge.BadgeType.values()) {
            em.persist(new org.parley.badge.Badge(siteId, number, type.title(), type.badgeClass(), false, now));
        }
    }

    /** {@link #open} for a test outside the server, through {@link Servlet}. */
    public static void openSite(String host) throws IOException {
        Http.Response r = Http.get("localhost", "/test/reputation?host=" + host + "&open=true");
        if (r.status() != 204) {
            throw new IOException("opening " + host + " answered " + r.status() + ": " + r.body());
        }
    }

    /** Sets user {@code username} of site {@code siteId} to {@code reputation} points. */
    public void set(long siteId, String username, int reputation) {
        User user = em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("site", siteId)
                .setParameter("username", username.toLowerCase(java.util.Locale.ROOT))
                .getSingleResult();
        user.changeReputation(reputation - user.getReputation());
    }

    /** From a test outside the server (a browser test): sets the reputation through {@link Servlet}. */
    public static void grant(String host, String username, int reputation) throws IOException {
        Http.Response r = Http.get(
                "localhost", "/test/reputation?host=" + host + "&user=" + username + "&reputation=" + reputation);
        if (r.status() != 204) {
            throw new IOException(
                    "setting the reputation of " + username + " answered " + r.status() + ": " + r.body());
        }
    }

    /** The same over HTTP, for tests that drive a browser: answers 204. */
    @WebServlet("/test/reputation")
    public static class Servlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @EJB
        private Reputations reputations;

        @EJB
        private SiteService sites;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            long siteId =
                    sites.findByHost(request.getParameter("host")).orElseThrow().id();
            if ("true".equals(request.getParameter("open"))) {
                reputations.open(siteId);
            } else {
                reputations.set(
                        siteId, request.getParameter("user"), Integer.parseInt(request.getParameter("reputation")));
            }
            response.setStatus(204);
        }
    }
}
