package org.parley.tagwiki;

/** A tag's excerpt or wiki was changed (fired in the writing transaction; observed after it commits). */
public record TagWikiChanged(long siteId, String tagName) {}
