package org.parley.cache.proto;

import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.cache.ServerStats;
import org.parley.cache.StatsSnapshot;

/** {@link ServerStats} on the wire. */
@ProtoAdapter(ServerStats.class)
@ProtoName("ServerStats")
public class ServerStatsAdapter {

    @ProtoFactory
    ServerStats create(String server, long publishedMillis, List<StatsSnapshot> caches) {
        return new ServerStats(server, publishedMillis, caches == null ? List.of() : caches);
    }

    @ProtoField(1)
    String getServer(ServerStats s) {
        return s.server();
    }

    @ProtoField(number = 2, defaultValue = "0")
    long getPublishedMillis(ServerStats s) {
        return s.publishedMillis();
    }

    @ProtoField(number = 3, collectionImplementation = ArrayList.class)
    List<StatsSnapshot> getCaches(ServerStats s) {
        return s.caches();
    }
}
