package org.parley.user.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
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

    public void submit() throws IOException {
        switch (authenticator.logIn(username, password)) {
            case REDIRECTED:
                return;
            case LOGGED_IN:
                FacesContext.getCurrentInstance().getExternalContext().redirect(LocalPath.orElse(next, links.home()));
                return;
            default:
                password = null;
                FacesContext.getCurrentInstance()
                        .addMessage(
                                null,
                                new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password.", null));
        }
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
