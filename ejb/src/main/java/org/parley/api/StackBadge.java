package org.parley.api;

/**
 * A badge as the API's {@code badge} type has it.
 *
 * @param badgeId {@link org.parley.badge.BadgeType}'s number for Parley's own badges; for a tag badge or another
 *     imported one, {@value StackPeople#OTHER_BADGE_IDS} plus the id of the badge's first award on the site
 * @param badgeClass 1 gold, 2 silver, 3 bronze
 * @param awardCount how many times it was awarded (to the user, for a user's badges)
 * @param link the badge's page, relative to the site
 * @param user who holds it, for a user's badges; else null
 */
public record StackBadge(
        long badgeId,
        String name,
        int badgeClass,
        boolean tagBased,
        long awardCount,
        String link,
        java.time.Instant lastAwarded,
        StackOwner user) {

    /** {@code gold}, {@code silver} or {@code bronze}. */
    public String rank() {
        return badgeClass == 1 ? "gold" : badgeClass == 2 ? "silver" : "bronze";
    }
}
