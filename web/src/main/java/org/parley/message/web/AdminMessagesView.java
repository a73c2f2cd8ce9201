package org.parley.message.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.parley.message.DeadLetter;
import org.parley.message.DeadLetterService;
import org.parley.message.MessageIndex;
import org.parley.rules.NotAllowedException;
import org.parley.user.security.Viewer;

/**
 * The admin page of message delivery jobs that failed five times ({@code /admin/messages}): each with retry and
 * discard. web.xml lets only admins in; the page and {@link DeadLetterService} check again.
 */
@Named
@ViewScoped
public class AdminMessagesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DeadLetterService deadLetters;

    @Inject
    private MessageIndex index;

    @Inject
    private Viewer viewer;

    private List<DeadLetter> dead;
    private MessageIndex.Status indexStatus;

    public void load() {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only admins can manage dead-lettered messages.");
        }
        refresh();
    }

    public void refresh() {
        dead = deadLetters.list(viewer.actor());
        indexStatus = index.status();
    }

    /** Starts rebuilding the message search index from the database; it runs in the background. */
    public void rebuildIndex() {
        index.rebuild(viewer.actor());
        say("Rebuilding the message search index from the database; refresh to follow it.");
        refresh();
    }

    public void retry(String jobId) {
        long messageId = deadLetters.retry(viewer.actor(), jobId);
        say("Message " + messageId + " queued for delivery again.");
        refresh();
    }

    public void discard(String jobId) {
        long messageId = deadLetters.discard(viewer.actor(), jobId);
        say("Message " + messageId + " discarded; it will not be delivered.");
        refresh();
    }

    private static void say(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public List<DeadLetter> getDead() {
        return dead;
    }

    public MessageIndex.Status getIndexStatus() {
        return indexStatus;
    }
}
