package org.parley.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewDeclarationLanguage;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rebuilds, instead of failing, a posted page whose view state this server does not hold, for the pages where a
 * person types something worth keeping: the ask form and the question page (answers, comments, votes). In the
 * cluster that happens when the server that rendered the page is killed between sending it and replicating the
 * session's change (the container replicates after the response is written): the next post reaches a server whose
 * copy of the session lacks that view. Without this, Faces answers {@code ViewExpiredException} and the person's
 * question is gone; with it, the view is built as a first visit builds it (its metadata, so view parameters apply,
 * then the whole page) and the post goes on. Everything these forms need is in the request; their beans load what
 * they show from it ({@code QuestionView.getDetail}).
 *
 * <p>Server-side view state doubles as Faces' CSRF token, and a rebuilt view has none to check. So a view is only
 * rebuilt for a post that says it came from this site: the browser's {@code Sec-Fetch-Site} is {@code same-origin}
 * (or absent, as from non-browser clients) and its {@code Origin}, when sent, is this request's own. The session
 * cookie being {@code SameSite=Lax} already keeps other sites' posts from carrying a log-in.
 */
public class RestorableViews extends ViewHandlerWrapper {

    private static final Logger log = Logger.getLogger(RestorableViews.class.getName());

    /** The views rebuilt when their state is missing. */
    static final Set<String> VIEWS = Set.of("/views/questions/ask.xhtml", "/views/questions/view.xhtml");

    public RestorableViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        UIViewRoot restored = getWrapped().restoreView(context, viewId);
        if (restored != null
                || !context.isPostback()
                || !VIEWS.contains(viewId)
                || !sameSite(context.getExternalContext())) {
            return restored;
        }
        log.log(Level.INFO, "Rebuilding view {0} for a post whose view state this server does not hold", viewId);
        ViewDeclarationLanguage vdl = getViewDeclarationLanguage(context, viewId);
        UIViewRoot root = vdl.getViewMetadata(context, viewId).createMetadataView(context);
        UIViewRoot previous = context.getViewRoot();
        context.setViewRoot(root);
        try {
            vdl.buildView(context, root);
        } catch (java.io.IOException e) {
            throw new jakarta.faces.FacesException(e);
        } finally {
            context.setViewRoot(previous);
        }
        return root;
    }

    /** Whether the request says it came from a page of this site (see the class comment). */
    static boolean sameSite(ExternalContext external) {
        Map<String, String> headers = external.getRequestHeaderMap();
        String fetchSite = headers.get("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return false;
        }
        String origin = headers.get("Origin");
        if (origin == null) {
            return true;
        }
        String host = headers.get("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
