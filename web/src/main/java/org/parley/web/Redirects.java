package org.parley.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.parley.rules.NotFoundException;

/** Small helpers view beans share for URL parameters and redirects. */
public final class Redirects {

    private Redirects() {}

    /**
     * A 301 to the canonical URL of what the page shows (e.g. the right slug), ending this request. Search engines and
     * bookmarks then keep one URL per page.
     */
    public static void permanent(String url) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(301);
        external.setResponseHeader("Location", url);
        faces.responseComplete();
    }

    /**
     * A 302 to {@code url} after a form did what it said (post-redirect-get), with {@code notice} shown there once as
     * the page's message ("Saved …").
     */
    public static void withNotice(String notice, String url) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, notice, null));
        faces.getExternalContext().redirect(url);
    }

    /**
     * Answers a list page past the last one with a 404 (the page still says so and links to the last page): page
     * numbers are unbounded, and no made-up one should look like a page, to search engines or the output cache.
     */
    public static void pastTheEnd() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }

    /**
     * Keeps what this request renders out of the output cache (see {@link org.parley.cache.CachedPage#NOT_STORED}):
     * for pages whose URLs anyone can vary without end while they show nothing worth keeping.
     */
    public static void notStored(String why) {
        FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestMap()
                .put(org.parley.cache.CachedPage.NOT_STORED, why);
    }

    /** A post or user number from the URL; anything that is not a positive number is a page that does not exist. */
    public static long parseNumber(String value) {
        try {
            long number = Long.parseLong(value == null ? "" : value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through: not a number
        }
        throw new NotFoundException("No such page.");
    }

    /** A 1-based page number from the URL; missing or malformed values give 1, so a hand-edited URL still shows something. */
    public static int parsePage(String value) {
        try {
            return Math.max(1, Integer.parseInt(value == null ? "" : value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
