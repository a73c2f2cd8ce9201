package org.parley.post.proto;

import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.cache.proto.Times;
import org.parley.post.QuestionSummary;
import org.parley.user.UserRef;

/** {@link QuestionSummary} on the wire. */
@ProtoAdapter(QuestionSummary.class)
@ProtoName("QuestionSummary")
public class QuestionSummaryAdapter {

    @ProtoFactory
    QuestionSummary create(
            long number,
            String title,
            String slug,
            List<String> tags,
            int score,
            int answerCount,
            boolean hasAcceptedAnswer,
            long viewCount,
            Long createdAt,
            Long lastActivityAt,
            UserRef owner) {
        return new QuestionSummary(
                number,
                title,
                slug,
                tags == null ? List.of() : tags,
                score,
                answerCount,
                hasAcceptedAnswer,
                viewCount,
                Times.fromNanos(createdAt),
                Times.fromNanos(lastActivityAt),
                owner);
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getNumber(QuestionSummary q) {
        return q.number();
    }

    @ProtoField(2)
    String getTitle(QuestionSummary q) {
        return q.title();
    }

    @ProtoField(3)
    String getSlug(QuestionSummary q) {
        return q.slug();
    }

    @ProtoField(number = 4, collectionImplementation = ArrayList.class)
    List<String> getTags(QuestionSummary q) {
        return q.tags();
    }

    @ProtoField(number = 5, defaultValue = "0")
    int getScore(QuestionSummary q) {
        return q.score();
    }

    @ProtoField(number = 6, defaultValue = "0")
    int getAnswerCount(QuestionSummary q) {
        return q.answerCount();
    }

    @ProtoField(number = 7, defaultValue = "false")
    boolean isHasAcceptedAnswer(QuestionSummary q) {
        return q.hasAcceptedAnswer();
    }

    @ProtoField(number = 8, defaultValue = "0")
    long getViewCount(QuestionSummary q) {
        return q.viewCount();
    }

    @ProtoField(9)
    Long getCreatedAt(QuestionSummary q) {
        return Times.toNanos(q.createdAt());
    }

    @ProtoField(10)
    Long getLastActivityAt(QuestionSummary q) {
        return Times.toNanos(q.lastActivityAt());
    }

    @ProtoField(11)
    UserRef getOwner(QuestionSummary q) {
        return q.owner();
    }
}
