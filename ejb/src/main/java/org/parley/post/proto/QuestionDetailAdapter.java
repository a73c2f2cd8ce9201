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
import org.parley.post.QuestionDetail;
import org.parley.post.VoteType;
import org.parley.user.UserRef;

/** {@link QuestionDetail} on the wire. */
@ProtoAdapter(QuestionDetail.class)
@ProtoName("QuestionDetail")
public class QuestionDetailAdapter {

    @ProtoFactory
    QuestionDetail create(
            long number,
            String title,
            String slug,
            List<String> tags,
            String bodyHtml,
            String bodyMarkdown,
            int score,
            long viewCount,
            Long createdAt,
            Long lastActivityAt,
            Long lastEditedAt,
            Long closedAt,
            UserRef owner,
            Long acceptedAnswerNumber,
            List<CommentView> comments,
            List<AnswerView> answers,
            String myVote,
            Long lockedAt,
            Long deletedAt) {
        return new QuestionDetail(
                number,
                title,
                slug,
                tags == null ? List.of() : tags,
                bodyHtml,
                bodyMarkdown,
                score,
                viewCount,
                Times.fromNanos(createdAt),
                Times.fromNanos(lastActivityAt),
                Times.fromNanos(lastEditedAt),
                Times.fromNanos(closedAt),
                owner,
                acceptedAnswerNumber,
                comments == null ? List.of() : comments,
                answers == null ? List.of() : answers,
                myVote == null ? null : VoteType.valueOf(myVote),
                Times.fromNanos(lockedAt),
                Times.fromNanos(deletedAt));
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getNumber(QuestionDetail q) {
        return q.number();
    }

    @ProtoField(2)
    String getTitle(QuestionDetail q) {
        return q.title();
    }

    @ProtoField(3)
    String getSlug(QuestionDetail q) {
        return q.slug();
    }

    @ProtoField(number = 4, collectionImplementation = ArrayList.class)
    List<String> getTags(QuestionDetail q) {
        return q.tags();
    }

    @ProtoField(5)
    String getBodyHtml(QuestionDetail q) {
        return q.bodyHtml();
    }

    @ProtoField(6)
    String getBodyMarkdown(QuestionDetail q) {
        return q.bodyMarkdown();
    }

    @ProtoField(number = 7, defaultValue = "0")
    int getScore(QuestionDetail q) {
        return q.score();
    }

    @ProtoField(number = 8, defaultValue = "0")
    long getViewCount(QuestionDetail q) {
        return q.viewCount();
    }

    @ProtoField(9)
    Long getCreatedAt(QuestionDetail q) {
        return Times.toNanos(q.createdAt());
    }

    @ProtoField(10)
    Long getLastActivityAt(QuestionDetail q) {
        return Times.toNanos(q.lastActivityAt());
    }

    @ProtoField(11)
    Long getLastEditedAt(QuestionDetail q) {
        return Times.toNanos(q.lastEditedAt());
    }

    @ProtoField(12)
    Long getClosedAt(QuestionDetail q) {
        return Times.toNanos(q.closedAt());
    }

    @ProtoField(13)
    UserRef getOwner(QuestionDetail q) {
        return q.owner();
    }

    @ProtoField(14)
    Long getAcceptedAnswerNumber(QuestionDetail q) {
        return q.acceptedAnswerNumber();
    }

    @ProtoField(number = 15, collectionImplementation = ArrayList.class)
    List<CommentView> getComments(QuestionDetail q) {
        return q.comments();
    }

    @ProtoField(number = 16, collectionImplementation = ArrayList.class)
    List<AnswerView> getAnswers(QuestionDetail q) {
        return q.answers();
    }

    @ProtoField(17)
    String getMyVote(QuestionDetail q) {
        return q.myVote() == null ? null : q.myVote().name();
    }

    @ProtoField(18)
    Long getLockedAt(QuestionDetail q) {
        return Times.toNanos(q.lockedAt());
    }

    @ProtoField(19)
    Long getDeletedAt(QuestionDetail q) {
        return Times.toNanos(q.deletedAt());
    }
}
