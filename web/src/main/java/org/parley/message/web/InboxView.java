package org.parley.message.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.message.MessageSummary;

/** The inbox ({@code /messages?page=N}, log-in required): delivered messages, newest first, unread ones in bold. */
@Named
@ViewScoped
public class InboxView extends FolderView {

    private static final long serialVersionUID = 1L;

    @Override
    Page<MessageSummary> fetch(Actor actor, int page) {
        return messages.inbox(actor, page);
    }

    @Override
    String link(int page) {
        return links.inbox(page);
    }
}
