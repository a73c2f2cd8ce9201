package org.parley.user.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.parley.user.security.Authenticator;
import org.parley.web.Links;

/**
 * The top bar's log-out button, on every page. A POST through a Faces form, so another site cannot log a user out
 * with a link; request scoped because it belongs to the layout, not to one page.
 */
@Named("logout")
@RequestScoped
public class LogoutAction {

    @Inject
    private Authenticator authenticator;

    @Inject
    private Links links;

    public void submit() throws IOException {
        authenticator.logOut();
        FacesContext.getCurrentInstance().getExternalContext().redirect(links.home());
    }
}
