package org.parley.revision;

import java.time.Instant;

/**
 * One PostHistory row as the revisions page reads it (see {@link PostRevision}).
 *
 * @param userNumber the user's number on the site as the dump gives it (-1 is Community), or null
 * @param userName the display name the row keeps for a user who is gone, or null
 */
public record HistoryRow(
        int type,
        String guid,
        Instant at,
        Long userNumber,
        String userName,
        String comment,
        String text,
        String license) {

    static HistoryRow of(PostRevision r) {
        return new HistoryRow(
                r.getHistoryTypeId(),
                r.getRevisionGuid(),
                r.getCreatedAt(),
                r.getUserNumber(),
                r.getUserDisplayName(),
                r.getComment(),
                r.getText(),
                r.getContentLicense());
    }
}
