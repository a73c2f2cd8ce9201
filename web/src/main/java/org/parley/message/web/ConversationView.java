package org.parley.message.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.message.ConversationDetail;
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

    private String c;
    private long id;
    private ConversationDetail detail;
    private String body;

    public void load() {
        id = Redirects.parseNumber(c);
        refresh();
    }

    private void refresh() {
        detail = messages.conversation(viewer.actor(), id);
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
