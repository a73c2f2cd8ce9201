package org.parley.user;

import java.io.Serializable;

/**
 * A post's or comment's author as shown next to it.
 *
 * @param number the user's public number on the site, or null when the user is deleted or unknown
 * @param displayName the name to show; kept for deleted users
 * @param slug the URL slug of the display name
 * @param reputation the user's reputation, 0 for a deleted user
 */
public record UserRef(Long number, String displayName, String slug, int reputation) implements Serializable {

    /** Whether there is a profile to link to. */
    public boolean linkable() {
        return number != null;
    }
}
