package org.parley.notification;

/** What a notification is about. Stored by name. */
public enum NotificationKind {
    MESSAGE,
    ANSWER,
    COMMENT,
    VOTES,
    ACCEPTED,
    BADGE
}
