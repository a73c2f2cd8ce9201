package org.parley.synonym;

/** A site's approved synonyms changed (fired in the writing transaction; observed after it commits). */
public record SynonymsChanged(long siteId) {}
