package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * Logging in gives the browser a new session id (issue 18, item 7): a session id an attacker planted before the
 * log-in (session fixation) is worth nothing after it. And the staff's names cannot be signed up with.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginSessionIT {

    private static final URI BASE = URI.create("http://localhost:" + Http.port());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void loggingInRenewsTheSessionIdAndThePlantedOneStaysAnonymous() throws Exception {
        SiteUser user = SiteUser.register(BASE, "fix");
        PageClient victim = new PageClient(BASE);
        PageClient.Page form = victim.get("/users/login");
        String planted = victim.cookie("JSESSIONID");
        assertNotNull(planted, "the log-in page starts a session");
        PageClient.Page done = victim.submit(
                form,
                "login-form",
                Map.of("login-username", user.name(), "login-password", SiteUser.PASSWORD, "login-submit", "Log in"));
        assertEquals(302, done.status(), "logged in");
        String renewed = victim.cookie("JSESSIONID");
        assertNotEquals(planted, renewed, "a new session id after the log-in");
        assertEquals(200, victim.get("/notifications").status(), "the victim is logged in");

        PageClient attacker = new PageClient(BASE);
        attacker.setCookie("JSESSIONID", planted);
        PageClient.Page attempt = attacker.get("/notifications");
        assertTrue(
                attempt.status() == 302 && attempt.location().contains("/users/login"),
                "the planted id is not logged in: " + attempt.status() + " " + attempt.location());
    }

    @Test
    void theStaffsNamesCannotBeSignedUpWith() throws Exception {
        PageClient c = new PageClient(BASE);
        PageClient.Page refused = c.submit(
                c.get("/users/register"),
                "register-form",
                Map.of(
                        "register-username",
                        "Moderator",
                        "register-display",
                        "A Helpful Person",
                        "register-password",
                        "a-long-enough-password",
                        "register-submit",
                        "Sign up"));
        assertEquals(200, refused.status(), "the form again, with the message");
        assertTrue(refused.body().contains("is reserved for the site"), "the reason next to the field");
    }
}
