package org.parley.message.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.common.Page;
import org.parley.message.MessageHit;
import org.parley.message.MessageSearchRules;
import org.parley.message.PrivateMessageSearch;
import org.parley.rules.InvalidInputException;
import org.parley.user.security.Viewer;
import org.parley.web.Pager;

/**
 * Search of one's own messages ({@code /messages/search?q=...&page=N}, log-in required). Without {@code q} the page
 * shows the search box only; a refused query (empty, too long, no words) shows why instead of results.
 */
@Named
@ViewScoped
public class MessageSearchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PrivateMessageSearch search;

    @Inject
    private Viewer viewer;

    @Inject
    private MessageLinks links;

    private String q;
    private String page;
    private Page<MessageHit> result;
    private Pager pager;
    private String problem;

    public void load() {
        if (q == null || q.isEmpty()) {
            return;
        }
        try {
            int p = MessageSearchRules.checkPage(page);
            result = search.search(viewer.actor(), q, p);
            pager = Pager.of(result, n -> links.search(q, n));
        } catch (InvalidInputException e) {
            problem = e.getMessage();
        }
    }

    /** Whether a search ran (a query was given and accepted). */
    public boolean isSearched() {
        return result != null;
    }

    public Page<MessageHit> getResult() {
        return result;
    }

    public Pager getPager() {
        return pager;
    }

    /** Why the query was refused, or null. */
    public String getProblem() {
        return problem;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
