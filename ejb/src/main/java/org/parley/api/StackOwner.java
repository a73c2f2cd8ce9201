package org.parley.api;

/**
 * A post's or comment's owner as a Stack Exchange {@code shallow_user}.
 *
 * @param userId the user's number on the site; null when the user is gone ({@code does_not_exist})
 * @param userType {@code registered}, {@code moderator} or {@code does_not_exist}
 * @param avatarVersion the uploaded picture's version, or null
 * @param importedImageUrl an imported user's https picture, or null
 */
public record StackOwner(
        Long userId,
        String displayName,
        Integer reputation,
        String userType,
        Integer avatarVersion,
        String importedImageUrl) {

    /** A user who is gone (or never had an account here): only a name, as Stack Exchange shows them. */
    public static StackOwner gone(String displayName) {
        return new StackOwner(
                null, displayName == null ? "anonymous" : displayName, null, "does_not_exist", null, null);
    }
}
