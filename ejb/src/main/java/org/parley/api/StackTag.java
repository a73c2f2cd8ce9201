package org.parley.api;

import java.time.Instant;

/**
 * A tag as the API's {@code tag} type has it.
 *
 * @param count how many questions carry it (for a related tag: how many of the questions asked about)
 * @param hasSynonyms whether approved synonyms point to it
 * @param lastActivityDate the latest activity of a question carrying it, when the sort read it; else null
 */
public record StackTag(String name, long count, boolean hasSynonyms, Instant lastActivityDate) {}
