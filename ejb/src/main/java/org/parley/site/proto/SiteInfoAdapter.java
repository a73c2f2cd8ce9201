package org.parley.site.proto;

import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.site.SiteInfo;

/** {@link SiteInfo} on the wire. */
@ProtoAdapter(SiteInfo.class)
@ProtoName("SiteInfo")
public class SiteInfoAdapter {

    @ProtoFactory
    SiteInfo create(long id, String host, String name, String title, String description, boolean math) {
        return new SiteInfo(id, host, name, title, description, math);
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getId(SiteInfo s) {
        return s.id();
    }

    @ProtoField(2)
    String getHost(SiteInfo s) {
        return s.host();
    }

    @ProtoField(3)
    String getName(SiteInfo s) {
        return s.name();
    }

    @ProtoField(4)
    String getTitle(SiteInfo s) {
        return s.title();
    }

    @ProtoField(5)
    String getDescription(SiteInfo s) {
        return s.description();
    }

    // Numbered 10, leaving 6-9 to other site settings added alongside (issue 15).
    @ProtoField(number = 10, defaultValue = "false")
    boolean getMath(SiteInfo s) {
        return s.math();
    }
}
