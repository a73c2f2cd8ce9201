package org.parley.message.rest;

import java.util.List;
import org.parley.common.Page;
import org.parley.message.MessageHit;

/**
 * The answer of {@code GET /api/messages/search}: one page of hits and where it is in the whole result.
 *
 * @param hits each with {@code snippetHtml}, escaped text with the matched terms in {@code <mark>}
 */
public record SearchAnswer(String query, int page, int pageSize, long total, int totalPages, List<MessageHit> hits) {

    static SearchAnswer of(String query, Page<MessageHit> page) {
        return new SearchAnswer(
                query.strip(), page.page(), page.pageSize(), page.total(), page.totalPages(), page.items());
    }
}
