package org.parley.message.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The clean URLs of the message pages, for templates and redirects; {@code CleanUrlFilter} maps them onto views. */
@Named
@ApplicationScoped
public class MessageLinks {

    @Inject
    private ServletContext servletContext;

    public String inbox() {
        return base() + "/messages";
    }

    public String inbox(int page) {
        return inbox() + (page > 1 ? "?page=" + page : "");
    }

    public String sent() {
        return base() + "/messages/sent";
    }

    public String sent(int page) {
        return sent() + (page > 1 ? "?page=" + page : "");
    }

    public String compose() {
        return base() + "/messages/new";
    }

    /** The compose page with the recipient filled in. */
    public String compose(String to) {
        return to == null || to.isBlank()
                ? compose()
                : compose() + "?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
    }

    public String conversation(long id) {
        return base() + "/messages/" + id;
    }

    /** One message in its conversation (the page scrolls to it). */
    public String message(long conversationId, long messageId) {
        return conversation(conversationId) + "#message-" + messageId;
    }

    public String search() {
        return base() + "/messages/search";
    }

    /** A page of the results of searching for {@code q}. */
    public String search(String q, int page) {
        return search()
                + "?q="
                + URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8)
                + (page > 1 ? "&page=" + page : "");
    }

    public String admin() {
        return base() + "/admin/messages";
    }

    private String base() {
        return servletContext.getContextPath();
    }
}
