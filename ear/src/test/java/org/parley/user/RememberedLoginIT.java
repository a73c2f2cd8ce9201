package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.testing.Http;
import org.parley.testing.PageClient;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.SiteUser;

/**
 * A log-in outlives its HTTP session: a browser whose session is gone (its server died before the cluster copied it,
 * or the copy was lost) is logged in again by its log-in cookie, and logging out ends that too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RememberedLoginIT {

    private static final URI BASE = URI.create("http://localhost:" + Http.port());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void aLostSessionKeepsItsLogInAndALogOutEndsIt() throws Exception {
        SiteUser user = SiteUser.register(BASE, "keep");
        PageClient browser = new PageClient(BASE);
        PageClient.Page done = browser.submit(
                browser.get("/users/login"),
                "login-form",
                Map.of("login-username", user.name(), "login-password", SiteUser.PASSWORD, "login-submit", "Log in"));
        assertEquals(302, done.status(), "logged in");
        String setCookie = String.join("\n", done.headers().allValues("Set-Cookie"));
        assertTrue(
                setCookie.matches("(?s).*parley_login=[A-Za-z0-9_-]{43};.*HttpOnly.*"),
                "the log-in cookie, HttpOnly: " + setCookie);
        String token = browser.cookie("parley_login");
        String session = browser.cookie("JSESSIONID");

        browser.setCookie("JSESSIONID", "lost-with-its-server");
        PageClient.Page again = browser.get("/notifications");
        assertEquals(200, again.status(), "still logged in without the session: " + again.location());
        assertTrue(
                again.body().contains(user.name()) || again.body().contains("logout"), "the page of a logged-in user");
        String renewed = String.join("\n", again.headers().allValues("Set-Cookie"));
        assertTrue(renewed.contains("JSESSIONID="), "a new session: " + renewed);
        assertNotEquals(session, browser.cookie("JSESSIONID"), "a new session");
        assertNotEquals("lost-with-its-server", browser.cookie("JSESSIONID"), "never the id the browser sent");

        PageClient stranger = new PageClient(BASE);
        stranger.setCookie("parley_login", token.substring(0, 42) + (token.endsWith("A") ? "B" : "A"));
        PageClient.Page guessed = stranger.get("/notifications");
        assertTrue(
                guessed.status() == 302 && guessed.location().contains("/users/login"),
                "a token one letter off logs nobody in: " + guessed.status());

        PageClient.Page home = browser.get("/");
        PageClient.Page out = browser.submit(home, "logout-form", Map.of("logout", "Log out"));
        assertEquals(302, out.status(), "logged out");
        assertTrue(
                out.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.matches("parley_login=(\"\")?;.*(Expires=Thu, 01-Jan-1970|Max-Age=0).*")),
                "the browser is told to drop the cookie: " + out.headers().allValues("Set-Cookie"));

        PageClient copy = new PageClient(BASE);
        copy.setCookie("parley_login", token);
        PageClient.Page afterLogOut = copy.get("/notifications");
        assertTrue(
                afterLogOut.status() == 302 && afterLogOut.location().contains("/users/login"),
                "a copy of the cookie taken before the log-out logs nobody in: " + afterLogOut.status());
    }
}
