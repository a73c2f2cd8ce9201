package org.parley.post;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Fired by {@link QuestionService} inside the transaction that created or edited a question or answer, so that its
 * revision history is written in the same transaction ({@code org.parley.revision} observes it with a plain
 * {@code @Observes}): the post as it was before (null when created) and after, who wrote it and why.
 *
 * @param editorNumber the writer's user number on the site
 * @param comment the edit summary the writer gave, or null
 * @param rollbackOf for a rollback, the revision's GUID it went back to; else null
 * @param proposal for a suggested edit that reviewers approved, the comment of its type-24 history row ("Proposed by
 *     12 approved by 3, 7"); else null
 */
public record PostWritten(
        long siteId,
        long postNumber,
        long editorNumber,
        Instant at,
        Content before,
        Content after,
        String comment,
        String rollbackOf,
        String proposal) {

    public PostWritten {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(after, "after");
    }

    /** A write that is not an approved suggested edit. */
    public PostWritten(
            long siteId,
            long postNumber,
            long editorNumber,
            Instant at,
            Content before,
            Content after,
            String comment,
            String rollbackOf) {
        this(siteId, postNumber, editorNumber, at, before, after, comment, rollbackOf, null);
    }

    /**
     * What a revision records of a post.
     *
     * @param title the question's title; null for an answer
     * @param tags the question's tags in order; null for an answer
     */
    public record Content(String title, String bodyMarkdown, List<String> tags) {

        public Content {
            Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
            tags = tags == null ? null : List.copyOf(tags);
        }

        /** A post's title, body and tags as they are now. */
        public static Content of(Post post) {
            return post instanceof Question q
                    ? new Content(q.getTitle(), q.getBodyMarkdown(), q.tagList())
                    : new Content(null, post.getBodyMarkdown(), null);
        }
    }

    public boolean created() {
        return before == null;
    }
}
