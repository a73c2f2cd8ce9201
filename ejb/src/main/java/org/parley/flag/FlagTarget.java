package org.parley.flag;

/** What a flag is raised on. */
public enum FlagTarget {
    QUESTION,
    ANSWER,
    COMMENT
}
