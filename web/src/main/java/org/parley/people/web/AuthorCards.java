package org.parley.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.people.UserCard;
import org.parley.people.UserDirectory;
import org.parley.site.web.CurrentSite;
import org.parley.user.UserRef;

/**
 * The picture and badge counts of the authors on a question page's user cards. The first card asks for all the page's
 * authors at once (the page passes their numbers), so a page reads them in two queries, and only when a card is
 * rendered: the cards are cached fragments, so most views read nothing.
 */
@Named
@RequestScoped
public class AuthorCards {

    @Inject
    private UserDirectory directory;

    @Inject
    private CurrentSite site;

    private final Map<Long, UserCard> cards = new HashMap<>();

    /** The card of {@code user} (null for one without an account), reading {@code page}'s authors on the first call. */
    public UserCard of(UserRef user, Collection<Long> page) {
        if (user == null || user.number() == null) {
            return null;
        }
        if (!cards.containsKey(user.number())) {
            Set<Long> wanted = new HashSet<>(page == null ? List.of() : page);
            wanted.add(user.number());
            wanted.removeAll(cards.keySet());
            Map<Long, UserCard> read = directory.authorCards(site.id(), wanted);
            for (Long n : wanted) {
                cards.put(n, read.get(n)); // null remembered too: a deleted account is not read again
            }
        }
        return cards.get(user.number());
    }
}
