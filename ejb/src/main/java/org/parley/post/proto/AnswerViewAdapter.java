package org.parley.post.proto;

import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.cache.proto.Times;
import org.parley.post.AnswerView;
import org.parley.post.CommentView;
import org.parley.post.VoteType;
import org.parley.user.UserRef;

/** {@link AnswerView} on the wire; the viewer's vote as its name. */
@ProtoAdapter(AnswerView.class)
@ProtoName("AnswerView")
public class AnswerViewAdapter {

    @ProtoFactory
    AnswerView create(
            long number,
            String bodyHtml,
            int score,
            boolean accepted,
            Long createdAt,
            Long lastEditedAt,
            UserRef owner,
            List<CommentView> comments,
            String myVote,
            Long lockedAt,
            Long deletedAt) {
        return new AnswerView(
                number,
                bodyHtml,
                score,
                accepted,
                Times.fromNanos(createdAt),
                Times.fromNanos(lastEditedAt),
                owner,
                comments == null ? List.of() : comments,
                myVote == null ? null : VoteType.valueOf(myVote),
                Times.fromNanos(lockedAt),
                Times.fromNanos(deletedAt));
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getNumber(AnswerView a) {
        return a.number();
    }

    @ProtoField(2)
    String getBodyHtml(AnswerView a) {
        return a.bodyHtml();
    }

    @ProtoField(number = 3, defaultValue = "0")
    int getScore(AnswerView a) {
        return a.score();
    }

    @ProtoField(number = 4, defaultValue = "false")
    boolean isAccepted(AnswerView a) {
        return a.accepted();
    }

    @ProtoField(5)
    Long getCreatedAt(AnswerView a) {
        return Times.toNanos(a.createdAt());
    }

    @ProtoField(6)
    Long getLastEditedAt(AnswerView a) {
        return Times.toNanos(a.lastEditedAt());
    }

    @ProtoField(7)
    UserRef getOwner(AnswerView a) {
        return a.owner();
    }

    @ProtoField(number = 8, collectionImplementation = ArrayList.class)
    List<CommentView> getComments(AnswerView a) {
        return a.comments();
    }

    @ProtoField(9)
    String getMyVote(AnswerView a) {
        return a.myVote() == null ? null : a.myVote().name();
    }

    @ProtoField(10)
    Long getLockedAt(AnswerView a) {
        return Times.toNanos(a.lockedAt());
    }

    @ProtoField(11)
    Long getDeletedAt(AnswerView a) {
        return Times.toNanos(a.deletedAt());
    }
}
