package org.parley.message.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;
import org.parley.message.MessageService;
import org.parley.message.SentMessage;
import org.parley.user.security.Viewer;

/**
 * Writing a new message ({@code /messages/new?to=NAME}, log-in required): the recipient with auto-completion of
 * usernames, a Markdown body with a live preview rendered by the server's own sanitiser. Refusals (unknown user,
 * oneself, blocked, empty or too long, the sending limit) show as messages on the form; on success the browser goes
 * to the conversation.
 */
@Named
@ViewScoped
public class ComposeView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SUGGESTIONS = 8;

    @Inject
    private MessageService messages;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    private ImageProxy images;

    @Inject
    private Viewer viewer;

    @Inject
    private MessageLinks links;

    private String to;
    private String body;
    private String previewSource;
    private String previewHtml = "";

    public void submit() throws IOException {
        SentMessage sent = messages.send(viewer.actor(), to, body);
        FacesContext.getCurrentInstance().getExternalContext().redirect(links.conversation(sent.conversationId()));
    }

    /** Usernames starting with what is typed in the "To" box. */
    public List<String> completeName(String query) {
        return messages.completeNames(viewer.actor(), query == null ? null : query.trim(), SUGGESTIONS);
    }

    public String getPreviewHtml() {
        if (!Objects.equals(previewSource, body)) {
            previewSource = body;
            // The writer's own preview shows images, through the proxy; the sent message shows them as buttons.
            previewHtml = body == null || body.isBlank() ? "" : images.rewrite(markdown.toSafeHtml(body), Set.of());
        }
        return previewHtml;
    }

    /** The sending limit, for the sidebar. */
    public int getPerMinute() {
        return org.parley.message.MessageRules.perMinute();
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
