package org.parley.message.web;

import jakarta.inject.Inject;
import java.io.Serializable;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.message.MessageService;
import org.parley.message.MessageSummary;
import org.parley.user.security.Viewer;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/** A paged folder of the logged-in user's messages, one row per message ({@code ?page=N}): the sent folder. */
abstract class FolderView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MessageService messages;

    @Inject
    MessageLinks links;

    @Inject
    private Viewer viewer;

    @Inject
    private MessageBadge badge;

    private String page;
    private Page<MessageSummary> result;
    private Pager pager;

    /** The folder's messages on that page. */
    abstract Page<MessageSummary> fetch(Actor actor, int page);

    /** The folder's URL for that page. */
    abstract String link(int page);

    public void load() {
        badge.getStamp(); // the stamp before the data: a change in between shows as a new stamp, never a lost change
        result = fetch(viewer.actor(), Redirects.parsePage(page));
        pager = Pager.of(result, this::link);
    }

    /** Reads the folder again (the live update's call): the same page, as it is now. */
    public void refresh() {
        load();
    }

    public Page<MessageSummary> getResult() {
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
