package org.parley.post;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.site.Site;
import org.parley.user.User;

/** An answer to a question. */
@Entity
@DynamicUpdate
@DiscriminatorValue("A")
@NamedQuery(
        name = "Answer.listByQuestion",
        query = "select a from Answer a left join fetch a.owner where a.question = :question")
@NamedQuery(
        name = "Answer.countByOwner",
        query = "select count(a) from Answer a where a.owner = :owner and a.deletedAt is null"
                + " and a.question.deletedAt is null")
@NamedQuery(
        name = "Answer.listByOwner",
        query = "select a from Answer a join fetch a.question where a.owner = :owner and a.deletedAt is null"
                + " and a.question.deletedAt is null order by a.createdAt desc, a.id desc")
public class Answer extends Post {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "question_id")
    private Question question;

    protected Answer() {}

    /**
     * A new answer; the question counts it and its last activity moves to {@code createdAt}.
     *
     * @param bodyMarkdown already checked with {@link #checkBody}
     * @throws org.parley.rules.NotAllowedException when the question is closed
     */
    public Answer(
            Site site,
            long number,
            User owner,
            Question question,
            String bodyMarkdown,
            String bodyHtml,
            Instant createdAt,
            long rowVersion) {
        super(site, number, owner, bodyMarkdown, bodyHtml, createdAt, rowVersion);
        Objects.requireNonNull(question, "question").ensureOpen();
        if (question.getSite() != site && !Objects.equals(question.getSite().getId(), site.getId())) {
            throw new IllegalArgumentException("An answer belongs to its question's site");
        }
        this.question = question;
        question.answerAdded(createdAt);
    }

    @Override
    public boolean isQuestion() {
        return false;
    }

    @Override
    public Question questionShownOn() {
        return question;
    }

    @Override
    protected void deletionChanged(boolean deleted) {
        question.answerDeletionChanged(deleted);
    }

    public Question getQuestion() {
        return question;
    }
}
