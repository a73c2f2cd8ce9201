package org.parley.message.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import org.parley.common.Actor;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.AdminCredentials;
import org.parley.user.security.Viewer;

/**
 * Who calls the message API: the user logged in to this session on this site, else the user whose HTTP Basic
 * credentials come with the request (checked as the imports API checks them). Session callers are safe from
 * cross-site requests because the API only takes {@code application/json} bodies (a cross-site form cannot send
 * one, and a cross-site script would need a CORS preflight Parley never grants) and the session cookie is
 * SameSite=Lax.
 */
@RequestScoped
public class ApiCaller {

    @Inject
    private Viewer viewer;

    @Inject
    private AdminCredentials credentials;

    @Inject
    private CurrentSite site;

    @Inject
    private HttpServletRequest request;

    /**
     * @throws jakarta.ws.rs.NotAuthorizedException (401) without a session log-in or valid Basic credentials
     */
    public Actor require() {
        Actor actor = viewer.actor();
        if (actor != null) {
            return actor;
        }
        return credentials.requireUser(site.id(), request.getHeader(HttpHeaders.AUTHORIZATION));
    }
}
