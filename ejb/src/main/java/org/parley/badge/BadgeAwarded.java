package org.parley.badge;

import java.util.Objects;

/**
 * A badge was awarded to a user, fired in the awarding transaction (the notification is written in it).
 *
 * @param siteId the site
 * @param userId the earner's global user id
 * @param name the badge's name (a tag's name for a tag badge)
 * @param badgeClass 1 gold, 2 silver, 3 bronze
 * @param tagBased whether it is a tag badge
 * @param link the badge's page, relative to the site
 */
public record BadgeAwarded(long siteId, long userId, String name, int badgeClass, boolean tagBased, String link) {

    public BadgeAwarded {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(link, "link");
    }
}
