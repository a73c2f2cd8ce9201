package org.parley.message.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.message.MessageSummary;

/**
 * The sent folder ({@code /messages/sent?page=N}, log-in required): what the user sent, newest first, with each
 * message's delivery state.
 */
@Named
@ViewScoped
public class SentView extends FolderView {

    private static final long serialVersionUID = 1L;

    @Override
    Page<MessageSummary> fetch(Actor actor, int page) {
        return messages.sent(actor, page);
    }

    @Override
    String link(int page) {
        return links.sent(page);
    }
}
