package org.parley.people;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.common.Slugs;

/**
 * One card of the users directory.
 *
 * @param figure what the tab ranks by: reputation (held or gained), votes cast or edits made in the period
 * @param importedImageUrl an imported user's https ProfileImageUrl, to be shown through the image proxy; or null
 * @param avatarVersion the version of the user's uploaded avatar, or null when they uploaded none
 * @param topTags up to three tags where the user's posts score most, best first
 */
public record UserCard(
        long number,
        String displayName,
        int reputation,
        String location,
        Instant createdAt,
        long figure,
        String importedImageUrl,
        Integer avatarVersion,
        List<String> topTags,
        long gold,
        long silver,
        long bronze)
        implements Serializable {

    public String slug() {
        return Slugs.slugify(displayName);
    }
}
