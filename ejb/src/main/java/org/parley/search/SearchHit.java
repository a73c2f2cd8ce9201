package org.parley.search;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.user.UserRef;

/**
 * One result of a search, as the results page and the API show it.
 *
 * @param number the post's number (a question's own, or the answer's)
 * @param questionNumber the question it shows on (equal to {@code number} for a question)
 * @param answer whether the post is an answer
 * @param title the question's title (an answer shows its question's)
 * @param slug the question's URL slug
 * @param excerptHtml a piece of the body with the matching words in {@code <mark>}: the text is HTML-escaped, so the
 *     {@code mark} tags are the only markup
 * @param tags the question's tags
 * @param score the post's score
 * @param answerCount the question's answers
 * @param accepted for a question: it has an accepted answer; for an answer: it is the accepted one
 * @param closed the question is closed
 * @param author the post's author
 * @param createdAt when the post was written
 * @param lastActivityAt the post's last activity
 */
public record SearchHit(
        long number,
        long questionNumber,
        boolean answer,
        String title,
        String slug,
        String excerptHtml,
        List<String> tags,
        int score,
        int answerCount,
        boolean accepted,
        boolean closed,
        UserRef author,
        Instant createdAt,
        Instant lastActivityAt)
        implements Serializable {

    public SearchHit {
        tags = List.copyOf(tags);
    }

    /** The post's address below the site's root: the question page, with the answer's anchor for an answer. */
    public String path() {
        String question = "/questions/" + questionNumber + "/" + slug;
        return answer ? question + "#answer-" + number : question;
    }
}
