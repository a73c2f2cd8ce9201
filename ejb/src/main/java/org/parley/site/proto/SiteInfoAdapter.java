package org.parley.site.proto;

import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.site.PrivilegeLadder;
import org.parley.site.SiteInfo;
import org.parley.site.SiteLimits;

/** {@link SiteInfo} on the wire. */
@ProtoAdapter(SiteInfo.class)
@ProtoName("SiteInfo")
public class SiteInfoAdapter {

    @ProtoFactory
    SiteInfo create(
            long id,
            String host,
            String name,
            String title,
            String description,
            String language,
            String sourceHost,
            List<String> aliases,
            boolean math,
            String privileges,
            String limits) {
        return new SiteInfo(
                id,
                host,
                name,
                title,
                description,
                language,
                sourceHost,
                aliases,
                math,
                PrivilegeLadder.decode(privileges),
                SiteLimits.decode(limits));
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

    @ProtoField(6)
    String getLanguage(SiteInfo s) {
        return s.language();
    }

    @ProtoField(7)
    String getSourceHost(SiteInfo s) {
        return s.sourceHost();
    }

    @ProtoField(number = 8, collectionImplementation = ArrayList.class)
    List<String> getAliases(SiteInfo s) {
        return s.aliases();
    }

    // Numbered 10 (9 is free).
    @ProtoField(number = 10, defaultValue = "false")
    boolean getMath(SiteInfo s) {
        return s.math();
    }

    /** The site's own thresholds as one line; empty for the defaults. */
    @ProtoField(11)
    String getPrivileges(SiteInfo s) {
        return s.privileges().encoded();
    }

    /** The site's own anti-abuse limits as one line; empty for the defaults. */
    @ProtoField(12)
    String getLimits(SiteInfo s) {
        return s.limits().encoded();
    }
}
