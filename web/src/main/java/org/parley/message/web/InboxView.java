package org.parley.message.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.common.Page;
import org.parley.message.ConversationSummary;
import org.parley.message.MessageService;
import org.parley.user.security.Viewer;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/**
 * The inbox ({@code /messages?page=N}, log-in required): one row per conversation, the latest first, with its latest
 * message, unread count and the other participant. The page reloads its list when a push says the messages changed.
 */
@Named
@ViewScoped
public class InboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MessageService messages;

    @Inject
    private MessageLinks links;

    @Inject
    private MessageBadge badge;

    @Inject
    private Viewer viewer;

    private String page;
    private int pageNumber = 1;
    private Page<ConversationSummary> result;
    private Pager pager;

    public void load() {
        pageNumber = Redirects.parsePage(page);
        refresh();
    }

    /** Reads the list again (the live update's call): the same page, as it is now. */
    public void refresh() {
        badge.getStamp(); // the stamp before the data: a change in between shows as a new stamp, never a lost change
        result = messages.conversations(viewer.actor(), pageNumber);
        pager = Pager.of(result, links::inbox);
    }

    public Page<ConversationSummary> getResult() {
        return result;
    }

    public Pager getPager() {
        return pager;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
