package org.parley.post.proto;

import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.cache.proto.Times;
import org.parley.post.CommentView;
import org.parley.user.UserRef;

/** {@link CommentView} on the wire. */
@ProtoAdapter(CommentView.class)
@ProtoName("CommentView")
public class CommentViewAdapter {

    @ProtoFactory
    CommentView create(long id, String text, int score, Long createdAt, UserRef owner) {
        return new CommentView(id, text, score, Times.fromNanos(createdAt), owner);
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getId(CommentView c) {
        return c.id();
    }

    @ProtoField(2)
    String getText(CommentView c) {
        return c.text();
    }

    @ProtoField(number = 3, defaultValue = "0")
    int getScore(CommentView c) {
        return c.score();
    }

    @ProtoField(4)
    Long getCreatedAt(CommentView c) {
        return Times.toNanos(c.createdAt());
    }

    @ProtoField(5)
    UserRef getOwner(CommentView c) {
        return c.owner();
    }
}
