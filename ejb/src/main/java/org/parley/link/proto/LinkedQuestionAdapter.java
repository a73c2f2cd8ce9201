package org.parley.link.proto;

import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.link.LinkedQuestion;

/** {@link LinkedQuestion} on the wire. */
@ProtoAdapter(LinkedQuestion.class)
@ProtoName("LinkedQuestion")
public class LinkedQuestionAdapter {

    @ProtoFactory
    LinkedQuestion create(long number, String title, String slug, int score, boolean duplicateOf, boolean duplicate) {
        return new LinkedQuestion(
                number, title == null ? "" : title, slug == null ? "" : slug, score, duplicateOf, duplicate);
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getNumber(LinkedQuestion q) {
        return q.number();
    }

    @ProtoField(2)
    String getTitle(LinkedQuestion q) {
        return q.title();
    }

    @ProtoField(3)
    String getSlug(LinkedQuestion q) {
        return q.slug();
    }

    @ProtoField(number = 4, defaultValue = "0")
    int getScore(LinkedQuestion q) {
        return q.score();
    }

    @ProtoField(number = 5, defaultValue = "false")
    boolean isDuplicateOf(LinkedQuestion q) {
        return q.duplicateOf();
    }

    @ProtoField(number = 6, defaultValue = "false")
    boolean isDuplicate(LinkedQuestion q) {
        return q.duplicate();
    }
}
