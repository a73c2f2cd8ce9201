package org.parley.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks a stateless page's view ({@code <f:view transient="true">}) stateless from the start of a GET, not only once
 * its page is built. Faces builds a GET's view after the render phase's listeners ran, and one of them, PrimeFaces' CSP
 * listener, stores the page's nonce in the view map unless the view is stateless: a view map that Mojarra lists in
 * the session (its active view maps), which wrote the replicated session on every logged-in page view and made a
 * session for an anonymous one. The view ids are learnt as their pages render (a page is stateless or not by its
 * markup), so the first view of each page on a server is the only one built the old way.
 */
public class StatelessViews implements PhaseListener {

    private static final long serialVersionUID = 1L;

    /** The view ids whose pages rendered stateless on this server. */
    private static final Set<String> STATELESS = ConcurrentHashMap.newKeySet();

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot root = context.getViewRoot();
        if (root == null || root.getViewId() == null) {
            return;
        }
        if (event.getPhaseId() == PhaseId.RESTORE_VIEW) {
            if (!context.isPostback() && STATELESS.contains(root.getViewId())) {
                root.setTransient(true);
            }
        } else if (event.getPhaseId() == PhaseId.RENDER_RESPONSE && root.isTransient()) {
            STATELESS.add(root.getViewId());
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {}
}
