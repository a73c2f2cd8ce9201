package org.parley.cache;

import java.util.Objects;

/**
 * Something a cached entry depends on and a write invalidates as a whole; its current stamp is part of every key
 * that names it. Scopes of a site are prefixed by its id, so sites never share or clear each other's entries.
 */
public record Scope(String name) {

    public Scope {
        Objects.requireNonNull(name, "name");
    }

    /** Every site lookup; a site being created clears them all. */
    public static Scope sites() {
        return new Scope("sites");
    }

    /** Everything that lists a site's questions or tags: home, question lists, tag pages, sidebars. */
    public static Scope lists(long siteId) {
        return new Scope("s" + siteId + "/lists");
    }

    /** One question's page: the question, its answers and comments. */
    public static Scope question(long siteId, long number) {
        return new Scope("s" + siteId + "/q" + number);
    }

    /** One post (question or answer): its rendered body block. */
    public static Scope post(long siteId, long number) {
        return new Scope("s" + siteId + "/p" + number);
    }

    /**
     * One account's standing on its site (its role): a change of role stamps it anew, and every server sees at the
     * account's next request that the session it holds is out of date.
     */
    public static Scope account(long siteId, long userId) {
        return new Scope("s" + siteId + "/u" + userId);
    }

    /** The L2 key holding this scope's current stamp. */
    String stampKey() {
        return "stamp/" + name;
    }
}
