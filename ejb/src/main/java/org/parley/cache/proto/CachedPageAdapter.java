package org.parley.cache.proto;

import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.cache.CachedPage;

/** {@link CachedPage} on the wire. */
@ProtoAdapter(CachedPage.class)
@ProtoName("CachedPage")
public class CachedPageAdapter {

    @ProtoFactory
    CachedPage create(
            String contentType, byte[] body, String etag, long lastModifiedMillis, byte[] gzip, String scriptSources) {
        return new CachedPage(
                contentType, body == null ? new byte[0] : body, etag, lastModifiedMillis, gzip, scriptSources);
    }

    @ProtoField(1)
    String getContentType(CachedPage p) {
        return p.contentType();
    }

    @ProtoField(2)
    byte[] getBody(CachedPage p) {
        return p.body();
    }

    @ProtoField(3)
    String getEtag(CachedPage p) {
        return p.etag();
    }

    @ProtoField(number = 4, defaultValue = "0")
    long getLastModifiedMillis(CachedPage p) {
        return p.lastModifiedMillis();
    }

    /** Added after the first four: a server that does not know it skips it, one that does reads "none" as empty. */
    @ProtoField(5)
    byte[] getGzip(CachedPage p) {
        return p.gzip();
    }

    /** Added after the gzip copy: absent (null) from a server that did not compute it, and such a page is not served. */
    @ProtoField(6)
    String getScriptSources(CachedPage p) {
        return p.scriptSources();
    }
}
