package org.parley.user;

import java.io.Serializable;
import org.parley.common.Slugs;

/**
 * A post's or comment's author as shown next to it.
 *
 * @param number the user's public number on the site, or null when the user is deleted or unknown
 * @param displayName the name to show; kept for deleted users
 * @param slug the URL slug of the display name
 * @param reputation the user's reputation, 0 for a deleted user
 */
public record UserRef(Long number, String displayName, String slug, int reputation) implements Serializable {

    /**
     * A post's author from its columns, as a projection reads them: the owner's (when the post has one; a deleted
     * owner keeps the name only), else the name the post kept ({@code owner_display_name} of imported posts whose user
     * is gone), else "anonymous".
     *
     * @param number the owner's number, null when the post has no owner
     */
    public static UserRef author(
            Long number, String displayName, Integer reputation, Boolean deleted, String postOwnerDisplayName) {
        if (number != null) {
            return Boolean.TRUE.equals(deleted)
                    ? new UserRef(null, displayName, Slugs.slugify(displayName), 0)
                    : new UserRef(number, displayName, Slugs.slugify(displayName), reputation == null ? 0 : reputation);
        }
        String name = postOwnerDisplayName == null ? "anonymous" : postOwnerDisplayName;
        return new UserRef(null, name, Slugs.slugify(name), 0);
    }

    /** Whether there is a profile to link to. */
    public boolean linkable() {
        return number != null;
    }
}
