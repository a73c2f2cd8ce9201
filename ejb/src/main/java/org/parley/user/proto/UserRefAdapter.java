package org.parley.user.proto;

import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.user.UserRef;

/** {@link UserRef} on the wire. */
@ProtoAdapter(UserRef.class)
@ProtoName("UserRef")
public class UserRefAdapter {

    @ProtoFactory
    UserRef create(Long number, String displayName, String slug, int reputation) {
        return new UserRef(number, displayName, slug, reputation);
    }

    @ProtoField(1)
    Long getNumber(UserRef u) {
        return u.number();
    }

    @ProtoField(2)
    String getDisplayName(UserRef u) {
        return u.displayName();
    }

    @ProtoField(3)
    String getSlug(UserRef u) {
        return u.slug();
    }

    @ProtoField(number = 4, defaultValue = "0")
    int getReputation(UserRef u) {
        return u.reputation();
    }
}
