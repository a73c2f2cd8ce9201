package org.parley.user.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.site.web.CurrentSite;
import org.parley.user.LoginThrottle;
import org.parley.web.ClientAddress;

/** Logs the caller in and out from a Faces action, through Jakarta Security. */
@RequestScoped
public class Authenticator {

    private static final Logger log = Logger.getLogger(Authenticator.class.getName());

    /** How a log-in attempt ended. */
    public enum Outcome {
        /** Logged in; the caller's page decides where to go next. */
        LOGGED_IN,
        /** Logged in and already redirected to the page that asked for the log-in; render nothing more. */
        REDIRECTED,
        /** Wrong username or password. */
        FAILED
    }

    @Inject
    private SecurityContext securityContext;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Viewer viewer;

    @Inject
    private CurrentSite currentSite;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private RememberedLogins rememberedLogins;

    /**
     * Checks the password on the current site and, if it is right, logs the session in. The session gets a new id
     * first, so that an id planted in the browser before the log-in (session fixation) is worth nothing after it:
     * the authentication mechanism keeps the id it was given (LoginSessionIT found the same id before and after).
     * Before any of that, the {@link LoginThrottle} must admit the attempt, so that a flood of guesses is refused
     * without hashing a password.
     *
     * @throws org.parley.rules.RateLimitedException when this account or the caller's address has failed to log in
     *     too often lately (HTTP 429 with {@code Retry-After}, and the message on the form)
     */
    public Outcome logIn(String username, String password) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        LoginThrottle.Attempt attempt = throttle.admit(currentSite.id(), username, ClientAddress.of(request));
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        UsernamePasswordCredential credential = new UsernamePasswordCredential(
                username == null ? "" : username, new Password(password == null ? "" : password));
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().credential(credential));
        switch (status) {
            case SEND_CONTINUE:
                throttle.succeeded(attempt);
                faces.responseComplete();
                return Outcome.REDIRECTED;
            case SUCCESS:
                throttle.succeeded(attempt);
                return Outcome.LOGGED_IN;
            default:
                return Outcome.FAILED;
        }
    }

    /** Logs out (the log-in cookie too) and ends the session (a new one starts with the next page). */
    public void logOut() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        rememberedLogins.forget(request, (HttpServletResponse) external.getResponse());
        try {
            request.logout();
        } catch (ServletException e) {
            log.log(Level.WARNING, "Log-out failed; ending the session anyway: {0}", e.toString());
        }
        currentUser.clear();
        viewer.forget();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
