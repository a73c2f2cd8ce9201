package org.parley.api;

import java.time.Instant;
import java.util.List;

/**
 * A revision as the API's {@code revision} type has it: one numbered revision of a post (Parley's revisions are all
 * {@code single_user}).
 *
 * @param title the title after the revision, or null when it did not change it
 * @param lastTitle the title before, or null
 * @param tags the tags after the revision, or null when it did not change them
 * @param lastTags the tags before, or null
 * @param bodyHtml the body after the revision (only when the filter asks for bodies), or null when unchanged
 */
public record StackRevision(
        long postId,
        String postType,
        int revisionNumber,
        Instant creationDate,
        String comment,
        boolean rollback,
        StackOwner user,
        String title,
        String lastTitle,
        List<String> tags,
        List<String> lastTags,
        String bodyHtml,
        String contentLicense) {}
