package org.parley.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.common.Html;

/**
 * A user's "recent 10 messages" widget: HTML kept in the shared cache, so the home page, the top bar and {@code GET
 * /api/messages/recent} read it without touching the database. When their inbox changes (a delivery, a read, a
 * deletion) {@link Mailboxes} gives the user's scope a new stamp once the change committed; the first read after that
 * (or after the entry aged out, or L2 was lost) renders it from the database and stores it. The unread count for the
 * top bar is kept beside it, under the same per-user scope.
 */
@ApplicationScoped
public class RecentMessages {

    /** How many messages the widget lists. */
    public static final int SIZE = 10;

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private SharedCache cache;

    /** The widget HTML of user {@code userId}: from the cache, else rendered now and stored. */
    public String html(long siteId, long userId) {
        return cache.get(widgetKey(siteId, userId), String.class, () -> render(userId));
    }

    /** User {@code userId}'s unread count: from the cache, else counted now and stored. */
    public long unread(long siteId, long userId) {
        return cache.get(unreadKey(siteId, userId), Long.class, () -> countUnread(userId));
    }

    private String render(long userId) {
        List<PrivateMessage> recent = em.createNamedQuery("PrivateMessage.inbox", PrivateMessage.class)
                .setParameter("user", userId)
                .setMaxResults(SIZE)
                .getResultList();
        return render(recent);
    }

    /** The widget's markup for these messages, newest first. Pure: no database, no cache. */
    static String render(List<PrivateMessage> recent) {
        if (recent.isEmpty()) {
            return "<p class=\"recent-messages-empty\">No messages yet.</p>";
        }
        StringBuilder html = new StringBuilder("<ul class=\"recent-messages\">");
        for (PrivateMessage m : recent) {
            html.append("<li class=\"")
                    .append(m.isReadByRecipient() ? "recent-message" : "recent-message unread")
                    .append("\"><a href=\"/messages/")
                    .append(m.getConversation().getId())
                    .append("\"><span class=\"recent-message-from\">")
                    .append(Html.escape(m.getSender().getDisplayName()))
                    .append("</span> <time datetime=\"")
                    .append(m.getCreatedAt())
                    .append("\">")
                    .append(SHOWN.format(m.getCreatedAt()))
                    .append("</time><span class=\"recent-message-excerpt\">")
                    .append(Html.escape(MessageRules.excerpt(m.getBodyHtml())))
                    .append("</span></a></li>");
        }
        return html.append("</ul>").toString();
    }

    private long countUnread(long userId) {
        return em.createNamedQuery("PrivateMessage.countUnread", Long.class)
                .setParameter("user", userId)
                .getSingleResult();
    }

    /** The user's scope: {@link Mailboxes} gives it a new stamp, which {@link Mailboxes#stamp} also reads. */
    static Scope scope(long siteId, long userId) {
        return new Scope("s" + siteId + "/messages/u" + userId);
    }

    private static CacheKey widgetKey(long siteId, long userId) {
        return CacheKey.of(Region.FRAGMENT, siteId, "recent-messages/" + userId, scope(siteId, userId));
    }

    private static CacheKey unreadKey(long siteId, long userId) {
        return CacheKey.of(Region.FRAGMENT, siteId, "unread-messages/" + userId, scope(siteId, userId));
    }
}
