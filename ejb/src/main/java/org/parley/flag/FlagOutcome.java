package org.parley.flag;

/** What a moderator (or the community, for a post six flags hid) decided about a flag. */
public enum FlagOutcome {
    HELPFUL,
    DECLINED
}
