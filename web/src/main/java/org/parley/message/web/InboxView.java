package org.parley.message.web;

import jakarta.enterprise.context.RequestScoped;
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
@RequestScoped
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
        refresh();
    }

    /**
     * Reads the list again (the live update's call): the same page, as it is now. The view is stateless, so the live
     * update's postback finds a new bean, with the page number from the request as the first visit did.
     */
    public void refresh() {
        pageNumber = Redirects.parsePage(page);
        badge.getStamp(); // the stamp before the data: a change in between shows as a new stamp, never a lost change
        result = messages.conversations(viewer.actor(), pageNumber);
        pager = Pager.of(result, links::inbox);
    }

    public Page<ConversationSummary> getResult() {
        if (result == null) {
            refresh(); // a postback's new bean, before its action ran
        }
        return result;
    }

    public Pager getPager() {
        if (pager == null) {
            refresh();
        }
        return pager;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
