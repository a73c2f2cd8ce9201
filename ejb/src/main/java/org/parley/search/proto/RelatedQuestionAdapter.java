package org.parley.search.proto;

import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.search.RelatedQuestion;

/** {@link RelatedQuestion} on the wire. */
@ProtoAdapter(RelatedQuestion.class)
@ProtoName("RelatedQuestion")
public class RelatedQuestionAdapter {

    @ProtoFactory
    RelatedQuestion create(
            long number, String title, int score, int answerCount, boolean hasAcceptedAnswer, boolean closed) {
        return new RelatedQuestion(number, title == null ? "" : title, score, answerCount, hasAcceptedAnswer, closed);
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getNumber(RelatedQuestion q) {
        return q.number();
    }

    @ProtoField(2)
    String getTitle(RelatedQuestion q) {
        return q.title();
    }

    @ProtoField(number = 3, defaultValue = "0")
    int getScore(RelatedQuestion q) {
        return q.score();
    }

    @ProtoField(number = 4, defaultValue = "0")
    int getAnswerCount(RelatedQuestion q) {
        return q.answerCount();
    }

    @ProtoField(number = 5, defaultValue = "false")
    boolean isHasAcceptedAnswer(RelatedQuestion q) {
        return q.hasAcceptedAnswer();
    }

    @ProtoField(number = 6, defaultValue = "false")
    boolean isClosed(RelatedQuestion q) {
        return q.closed();
    }
}
