package org.parley.dump.proto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.cache.proto.Times;
import org.parley.dump.Attribution;

/**
 * {@link Attribution} on the wire: each map as two lists of the same length, post numbers and values (licence names;
 * community-wiki dates in nanoseconds since the epoch).
 */
@ProtoAdapter(Attribution.class)
@ProtoName("Attribution")
public class AttributionAdapter {

    @ProtoFactory
    Attribution create(List<Long> licensed, List<String> licenses, List<Long> wikis, List<Long> wikiSince) {
        Map<Long, String> byPost = new HashMap<>();
        for (int i = 0; licensed != null && i < licensed.size(); i++) {
            byPost.put(licensed.get(i), licenses.get(i));
        }
        Map<Long, Instant> wiki = new HashMap<>();
        for (int i = 0; wikis != null && i < wikis.size(); i++) {
            wiki.put(wikis.get(i), Times.fromNanos(wikiSince.get(i)));
        }
        return new Attribution(byPost, wiki);
    }

    @ProtoField(number = 1, collectionImplementation = ArrayList.class)
    List<Long> getLicensed(Attribution a) {
        return new ArrayList<>(a.licenses().keySet());
    }

    /** In the order of {@link #getLicensed}: both iterate the same immutable map. */
    @ProtoField(number = 2, collectionImplementation = ArrayList.class)
    List<String> getLicenses(Attribution a) {
        return new ArrayList<>(a.licenses().values());
    }

    @ProtoField(number = 3, collectionImplementation = ArrayList.class)
    List<Long> getWikis(Attribution a) {
        return new ArrayList<>(a.communityOwned().keySet());
    }

    @ProtoField(number = 4, collectionImplementation = ArrayList.class)
    List<Long> getWikiSince(Attribution a) {
        return a.communityOwned().values().stream().map(Times::toNanos).toList();
    }
}
