package org.parley.post;

import java.io.Serializable;
import java.time.Instant;
import org.parley.common.Role;

/**
 * A user's public profile page. {@code aboutHtml} is sanitised HTML, or null when the user wrote nothing; {@code
 * avatarVersion} is null without an uploaded avatar, {@code importedImageUrl} an imported https picture or null.
 */
public record UserProfile(
        long number,
        String displayName,
        String slug,
        int reputation,
        Role role,
        Instant createdAt,
        String aboutHtml,
        long questionCount,
        long answerCount,
        String location,
        String websiteUrl,
        Integer avatarVersion,
        String importedImageUrl)
        implements Serializable {}
