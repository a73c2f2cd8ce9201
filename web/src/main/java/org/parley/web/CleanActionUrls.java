package org.parley.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Makes a page's forms post back to the clean URL the page was asked for ({@code /questions/ask},
 * {@code /posts/12/edit}, {@code /users/login?next=...}) rather than to its view's own address
 * ({@code /views/questions/ask.xhtml}), so that the address bar stays clean when a failed post renders the page
 * again. {@link CleanUrlFilter} forwards the clean URL to the view, so the request still carries the URL the browser
 * asked for; this is what OmniFaces' {@code <o:form>} does for one form, done here once for every form. Action URLs for
 * other views, and pages reached without a forward, keep the standard URL.
 */
public class CleanActionUrls extends ViewHandlerWrapper {

    public CleanActionUrls(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String clean = clean(context, viewId);
        // Not asking the wrapped handlers when the clean URL is known keeps Weld's conversation-aware view handler out
        // of it: it would start the conversation context, which reads (and so writes back) its map in the session on
        // every page view. Parley has no conversations.
        return clean != null ? clean : getWrapped().getActionURL(context, viewId);
    }

    /** The URL the browser asked for when {@code viewId} is the current view reached by a forward, else null. */
    private static String clean(FacesContext context, String viewId) {
        if (context.getViewRoot() == null
                || !viewId.equals(context.getViewRoot().getViewId())) {
            return null;
        }
        if (!(context.getExternalContext().getRequest() instanceof HttpServletRequest request)
                || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
            return null;
        }
        Object uri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (!(uri instanceof String clean)) {
            return null;
        }
        Object query = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        return query instanceof String q && !q.isEmpty() ? clean + "?" + q : clean;
    }
}
