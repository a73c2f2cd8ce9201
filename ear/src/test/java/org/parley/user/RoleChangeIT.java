package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.net.URI;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.PageClient;
import org.parley.testing.ParleyDeployment;

/**
 * A role change takes effect at the account's next request (issue 18, item 7), not when its session expires: a
 * moderator dismissed by an admin loses the moderators' pages at once, in the session they are using.
 */
@ExtendWith(ArquillianExtension.class)
class RoleChangeIT {

    private static final URI BASE = URI.create("http://localhost:" + Http.port());
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(RoleChangeIT.class, Http.class, PageClient.class);
    }

    @EJB
    UserService users;

    @EJB
    SiteService sites;

    @Test
    void aDismissedModeratorLosesTheModeratorsPagesAtTheNextRequest() throws Exception {
        SiteInfo site = sites.findByHost("localhost").orElseThrow();
        String name = ParleyDeployment.unique("rc");
        UserRef moderator = users.createUser(site.id(), name, "Moderator " + name, PASSWORD, Role.MODERATOR);
        Actor admin = users.actorFor(site.id(), "admin").orElseThrow();

        PageClient browser = logIn(name);
        assertEquals(200, browser.get("/review/flags").status(), "a moderator sees the flags");
        assertEquals(200, browser.get("/review/flags").status(), "again: the session is confirmed, not ended");

        users.changeRole(admin, moderator.number(), Role.USER);

        PageClient.Page next = browser.get("/review/flags");
        assertEquals(302, next.status(), "the next request ends the session: " + next);
        PageClient.Page again = browser.get("/notifications");
        assertTrue(
                again.status() == 302 && again.location().contains("/users/login"),
                "the session is logged out, and a page for users asks for a log-in: " + again);
        assertEquals(403, browser.get("/review/flags").status(), "the flags are not an anonymous visitor's");

        PageClient relogged = logIn(name);
        assertEquals(403, relogged.get("/review/flags").status(), "logged in again, a plain user");

        users.changeRole(admin, moderator.number(), Role.MODERATOR);
        assertEquals(302, relogged.get("/review/flags").status(), "an appointment ends the session too");
        assertEquals(200, logIn(name).get("/review/flags").status(), "and the next log-in is a moderator's");
    }

    private static PageClient logIn(String name) throws Exception {
        PageClient c = new PageClient(BASE);
        PageClient.Page done = c.submit(
                c.get("/users/login"),
                "login-form",
                Map.of("login-username", name, "login-password", PASSWORD, "login-submit", "Log in"));
        assertEquals(302, done.status(), "logged in: " + done);
        return c;
    }
}
