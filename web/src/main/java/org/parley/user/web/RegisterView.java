package org.parley.user.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.site.web.CurrentSite;
import org.parley.user.UserRef;
import org.parley.user.UserService;
import org.parley.user.security.Authenticator;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The sign-up page ({@code /users/register}): creates a user on the current site and logs them in. Bad input and a
 * taken username come back from {@link UserService} as messages.
 */
@Named
@ViewScoped
public class RegisterView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(RegisterView.class.getName());

    @Inject
    private UserService users;

    @Inject
    private CurrentSite site;

    @Inject
    private Authenticator authenticator;

    @Inject
    private Links links;

    @Inject
    private org.parley.user.LoginThrottle throttle;

    private String username;
    private String displayName;
    private String password;
    private String next;

    public void submit() throws IOException {
        // Sign-ups per client address are limited (LoginThrottle): a script making accounts waits, on every server.
        String address = org.parley.web.ClientAddress.of((jakarta.servlet.http.HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
        throttle.admitSignUp(site.id(), address);
        UserRef user;
        try {
            user = users.register(site.id(), username, displayName, password);
        } catch (RuntimeException refused) {
            throttle.signUpRefused(site.id(), address);
            throw refused;
        }
        log.log(Level.INFO, "Registered user {0} on site {1}", new Object[] {
            user.number(), site.getInfo().host()
        });
        FacesContext faces = FacesContext.getCurrentInstance();
        switch (authenticator.logIn(username, password)) {
            case REDIRECTED:
                return;
            case LOGGED_IN:
                faces.getExternalContext().redirect(LocalPath.orElse(next, links.home()));
                return;
            default:
                // Should not happen right after registering; send them to the log-in form rather than fail.
                Redirects.withNotice("Welcome! Please log in.", links.login(next));
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
