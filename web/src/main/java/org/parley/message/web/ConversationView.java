package org.parley.message.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.message.ConversationDetail;
import org.parley.message.MessageItem;
import org.parley.message.MessageService;
import org.parley.user.security.Viewer;
import org.parley.web.Redirects;

/**
 * One conversation ({@code /messages/{id}}, participants only): its messages oldest first (opening it marks them
 * read), a reply form, "delete for me" per message, and blocking or unblocking the other participant.
 */
@Named
@ViewScoped
public class ConversationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MessageService messages;

    @Inject
    private Viewer viewer;

    @Inject
    private MessageBadge badge;

    private String c;
    private long id;
    private ConversationDetail detail;
    private String body;
    private long lastMine = -1;

    public void load() {
        id = Redirects.parseNumber(c);
        refresh();
    }

    private void refresh() {
        badge.getStamp(); // the stamp before the data: a change in between shows as a new stamp, never a lost change
        detail = messages.conversation(viewer.actor(), id);
        lastMine = detail.messages().stream()
                .filter(MessageItem::mine)
                .reduce((a, b) -> b)
                .map(MessageItem::id)
                .orElse(-1L);
    }

    /**
     * Reads the conversation again (the live update's call, made while the page is visible): new messages appear
     * and are read, "sending…" becomes "delivered". The reply being typed is not part of it.
     */
    public void liveRefresh() {
        refresh();
    }

    /** Whether {@code m} is the reader's latest own message, the one that says "delivered" once it is. */
    public boolean isLastMine(MessageItem m) {
        return m.id() == lastMine;
    }

    public void reply() {
        messages.reply(viewer.actor(), id, body);
        body = null;
        refresh();
        info("Sent. It reaches " + detail.other().displayName() + "'s inbox in a moment.");
    }

    public void delete(long messageId) {
        messages.deleteForMe(viewer.actor(), messageId);
        refresh();
        info("Message deleted for you; " + detail.other().displayName() + " still has it.");
    }

    public void block() {
        messages.block(viewer.actor(), detail.otherUsername());
        refresh();
        info(detail.other().displayName() + " can no longer send you messages.");
    }

    public void unblock() {
        messages.unblock(viewer.actor(), detail.otherUsername());
        refresh();
        info(detail.other().displayName() + " can send you messages again.");
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public ConversationDetail getDetail() {
        return detail;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
