package org.parley.user.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.user.security.Authenticator;
import org.parley.web.Links;

/** The log-in page ({@code /users/login}); {@code ?next=/path} says where to go afterwards. */
@Named
@ViewScoped
public class LoginView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Authenticator authenticator;

    @Inject
    private Links links;

    private String username;
    private String password;
    private String next;

    /**
     * Logs in and goes on to {@code next}. A blank field or a wrong password is refused with a message next to the field
     * or on the form (through {@code RuleExceptionHandler}), both blank fields at once.
     */
    public void submit() throws IOException {
        FieldChecks checks = new FieldChecks();
        checks.field("username", () -> required(username, "Type your username."));
        checks.field("password", () -> required(password, "Type your password."));
        checks.done();
        switch (authenticator.logIn(username, password)) {
            case REDIRECTED:
                return;
            case LOGGED_IN:
                FacesContext.getCurrentInstance().getExternalContext().redirect(LocalPath.orElse(next, links.home()));
                return;
            default:
                password = null;
                throw new InvalidInputException("Wrong username or password.");
        }
    }

    private static String required(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(message);
        }
        return value;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
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
